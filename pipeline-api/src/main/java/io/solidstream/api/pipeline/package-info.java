/**
 * Pipelines: DAGs of solids wired through typed handles, with resources, hooks, composite solids
 * and dynamic outputs.
 *
 * <p>{@link io.solidstream.api.pipeline.PipelineBuilder#build()} validates the whole graph and
 * freezes it into an immutable {@link io.solidstream.api.pipeline.PipelineDefinition}, pure data
 * that any runtime can execute.
 */
package io.solidstream.api.pipeline;
