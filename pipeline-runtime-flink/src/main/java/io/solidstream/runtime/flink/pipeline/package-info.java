/**
 * Solid pipelines on Apache Flink: {@link io.solidstream.runtime.flink.pipeline.FlinkPipelineRuntime}
 * turns the execution plan of a run into one Flink job with one operator per step, runs every step
 * through the shared {@code StepRunner} on the task managers, and brings events and outputs back
 * to the client while the job runs.
 */
package io.solidstream.runtime.flink.pipeline;
