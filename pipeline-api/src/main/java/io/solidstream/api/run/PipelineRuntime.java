package io.solidstream.api.run;

import io.solidstream.api.pipeline.PipelineDefinition;

/**
 * Executes pipelines: the service provider interface every runtime implements (in-process, Flink
 * mini-cluster, remote Flink). Switching runtimes is changing the object, nothing else.
 *
 * <pre>{@code
 * try (PipelineRuntime runtime = LocalRuntime.create()) {
 *   RunResult result = runtime.execute(etl, RunRequest.of(RunConfig.fromYaml(path)));
 * }
 * }</pre>
 */
public interface PipelineRuntime extends AutoCloseable {

  /** A short name, e.g. {@code in-process}. */
  String name();

  /**
   * Starts a run and returns at once.
   *
   * @throws io.solidstream.api.config.RunConfigException if the run config is invalid (every error)
   * @throws IllegalArgumentException if the solid selection is invalid
   */
  RunHandle submit(PipelineDefinition pipeline, RunRequest request);

  /** Runs and waits for the result. */
  default RunResult execute(PipelineDefinition pipeline, RunRequest request) {
    return submit(pipeline, request).await();
  }

  /** Runs with an empty run config and waits for the result. */
  default RunResult execute(PipelineDefinition pipeline) {
    return execute(pipeline, RunRequest.defaults());
  }

  /** Releases what the runtime holds (threads, clusters). */
  @Override
  default void close() {}
}
