package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.config.Config;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.PipelineRuntimeProvider;

/**
 * Registers the Flink runtime on this JVM's shared mini-cluster under the name {@value #NAME}, so
 * an instance config can select it; the section takes no settings:
 *
 * <pre>{@code
 * runtime:
 *   flink_local: {}
 * }</pre>
 *
 * <p>The runtime is {@link FlinkPipelineRuntime#miniCluster()}: runs are Flink jobs on a
 * mini-cluster started in this JVM by the first run and stopped when the runtime is closed.
 */
public final class MiniClusterRuntimeProvider implements PipelineRuntimeProvider {
  /** The name in config: {@code flink_local}. */
  public static final String NAME = "flink_local";

  private static final ConfigType SCHEMA = ConfigType.shape().build();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ConfigType configSchema() {
    return SCHEMA;
  }

  @Override
  public PipelineRuntime create(Config config) {
    return FlinkPipelineRuntime.miniCluster();
  }
}
