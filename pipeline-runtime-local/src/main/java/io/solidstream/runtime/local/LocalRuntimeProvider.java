package io.solidstream.runtime.local;

import io.solidstream.api.config.Config;
import io.solidstream.api.config.ConfigError;
import io.solidstream.api.config.ConfigField;
import io.solidstream.api.config.ConfigPath;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.PipelineRuntimeProvider;
import java.util.List;

/**
 * Registers the in-process runtime under the name {@code in_process}, so an instance config can
 * select it:
 *
 * <pre>{@code
 * runtime:
 *   in_process:
 *     max_concurrent: 4         # steps of a run at once; 1 (default) runs them one by one
 *     check_serializable: true  # fail runs whose functions or outputs would not serialize
 * }</pre>
 */
public final class LocalRuntimeProvider implements PipelineRuntimeProvider {

  private static final ConfigType SCHEMA = ConfigType.shape()
      .field(ConfigField.withDefault("max_concurrent", ConfigType.integer(), 1)
          .description("steps of a run executed at once"))
      .field(ConfigField.withDefault("check_serializable", ConfigType.bool(), true)
          .description("check that user functions and outputs serialize"))
      .build();

  /** The name in config: {@code in_process}. */
  public static final String NAME = "in_process";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ConfigType configSchema() {
    return SCHEMA;
  }

  @Override
  public List<ConfigError> check(Config config, ConfigPath path) {
    int maxConcurrent = config.getInt("max_concurrent");
    if (maxConcurrent < 1) {
      return List.of(ConfigError.of(path.child("max_concurrent").toString(),
          "must be at least 1 (1 runs the steps of a run one by one); received " + maxConcurrent,
          "Int >= 1", "Int " + maxConcurrent));
    }
    return List.of();
  }

  @Override
  public PipelineRuntime create(Config config) {
    return LocalRuntime.builder()
        .maxConcurrent(config.getInt("max_concurrent"))
        .checkSerializable(config.getBoolean("check_serializable"))
        .build();
  }
}
