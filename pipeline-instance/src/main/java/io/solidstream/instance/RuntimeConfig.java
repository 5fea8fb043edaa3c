package io.solidstream.instance;

import io.solidstream.api.config.Config;
import java.util.Objects;

/**
 * The default runtime of an instance: the name of a {@link
 * io.solidstream.api.run.PipelineRuntimeProvider} and its resolved config section, from the
 * {@code runtime} section of {@code solidstream.yaml}.
 *
 * @param name the provider's name, e.g. {@code in_process}
 * @param config the provider's section, validated and with defaults applied
 */
public record RuntimeConfig(String name, Config config) {

  /** Validates. */
  public RuntimeConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
  }
}
