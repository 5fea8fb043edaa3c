package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.config.Config;
import io.solidstream.api.config.ConfigError;
import io.solidstream.api.config.ConfigField;
import io.solidstream.api.config.ConfigPath;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.PipelineRuntimeProvider;
import io.solidstream.runtime.flink.FlinkCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the Flink runtime on a running Flink cluster under the name {@value #NAME}, so an
 * instance config can select it by the address of the cluster's REST endpoint:
 *
 * <pre>{@code
 * runtime:
 *   flink:
 *     host: flink-jm.internal   # required: rest.address of the JobManager
 *     port: 8081                # default 8081: rest.port
 *     jars: [build/etl-all.jar] # optional: ship exactly these jars instead of the class path
 * }</pre>
 *
 * <p>The runtime is {@code FlinkPipelineRuntime.on(FlinkCluster.remote(host, port))}, with {@link
 * FlinkCluster.Remote#withJars(List) withJars} if {@code jars} is given. Creating it contacts
 * nothing; the first run fails within seconds, naming {@code host:port}, if the cluster cannot be
 * reached.
 */
public final class RemoteClusterRuntimeProvider implements PipelineRuntimeProvider {
  /** The name in config: {@code flink}. */
  public static final String NAME = "flink";

  private static final ConfigType SCHEMA = ConfigType.shape()
      .field(ConfigField.required("host", ConfigType.string())
          .description("host of the cluster's REST endpoint (rest.address)"))
      .field(ConfigField.withDefault("port", ConfigType.integer(), 8081)
          .description("port of the cluster's REST endpoint (rest.port)"))
      .field(ConfigField.optional("jars", ConfigType.list(ConfigType.string()))
          .description("jars shipped with every run instead of this JVM's class path"))
      .build();

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
    List<ConfigError> errors = new ArrayList<>();
    String host = config.getString("host");
    if (host.isBlank()) {
      errors.add(ConfigError.of(path.child("host").toString(), "must name the host of the cluster's REST endpoint,"
          + " e.g. flink-jm.internal; received a blank string", "String (not blank)", "\"" + host + "\""));
    }
    int port = config.getInt("port");
    if (port < 1 || port > 65_535) {
      errors.add(ConfigError.of(path.child("port").toString(), "must be a TCP port between 1 and 65535 (the"
          + " cluster's rest.port, 8081 by default); received " + port, "Int 1..65535", "Int " + port));
    }
    if (config.has("jars")) {
      List<String> jars = config.getList("jars", String.class);
      for (int i = 0; i < jars.size(); i++) {
        if (!Files.isRegularFile(Path.of(jars.get(i)))) {
          errors.add(ConfigError.of(path.child("jars").index(i).toString(), "must be the path of an existing jar"
              + " to ship to the cluster; no file at " + Path.of(jars.get(i)).toAbsolutePath(), "path of a jar",
              "\"" + jars.get(i) + "\""));
        }
      }
    }
    return errors;
  }

  @Override
  public PipelineRuntime create(Config config) {
    FlinkCluster.Remote cluster = FlinkCluster.remote(config.getString("host"), config.getInt("port"));
    if (config.has("jars")) {
      cluster = cluster.withJars(config.getList("jars", String.class).stream().map(Path::of).toList());
    }
    return FlinkPipelineRuntime.on(cluster);
  }
}
