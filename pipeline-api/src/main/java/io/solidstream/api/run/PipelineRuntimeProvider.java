package io.solidstream.api.run;

import io.solidstream.api.config.Config;
import io.solidstream.api.config.ConfigError;
import io.solidstream.api.config.ConfigPath;
import io.solidstream.api.config.ConfigType;
import java.util.List;

/**
 * Creates a {@link PipelineRuntime} from a config section: how an instance config
 * ({@code solidstream.yaml}) names its default runtime without knowing the runtime's classes.
 *
 * <p>Runtimes register an implementation through {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.solidstream.api.run.PipelineRuntimeProvider} file), so a runtime
 * becomes available by putting its module on the classpath. The instance config then selects it by
 * {@link #name()} and validates its section against {@link #configSchema()}:
 *
 * <pre>{@code
 * runtime:
 *   in_process:          # the name of a provider
 *     max_concurrent: 4  # its config, checked against configSchema()
 * }</pre>
 */
public interface PipelineRuntimeProvider {

  /** The key naming this runtime in config, e.g. {@code in_process}; lower case with underscores. */
  String name();

  /** The schema of this runtime's config section; fields with defaults make the section optional. */
  ConfigType configSchema();

  /**
   * Checks a config that passed {@link #configSchema()} for what a schema cannot say (ranges,
   * combinations of fields).
   *
   * @param config the resolved section
   * @param path where the section sits in its document, to prefix the errors' paths
   * @return every problem found; empty if none
   */
  default List<ConfigError> check(Config config, ConfigPath path) {
    return List.of();
  }

  /**
   * Creates the runtime; the caller closes it.
   *
   * @param config the resolved section, valid against {@link #configSchema()} and {@link #check}
   */
  PipelineRuntime create(Config config);
}
