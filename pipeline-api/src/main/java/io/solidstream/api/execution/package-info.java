/**
 * The runtime SPI's execution core, shared by every runtime: the
 * {@link io.solidstream.api.execution.ExecutionPlan} (steps in dependency order, config validated,
 * composites flattened, dynamic templates), the {@link io.solidstream.api.execution.StepRunner}
 * that executes one step with type checks, retries, hooks and events, and the per-run
 * {@link io.solidstream.api.execution.RunEvents} and {@link io.solidstream.api.execution.RunResources}.
 *
 * <p>Runtimes decide only where and when steps run; what a step does is the same everywhere.
 */
package io.solidstream.api.execution;
