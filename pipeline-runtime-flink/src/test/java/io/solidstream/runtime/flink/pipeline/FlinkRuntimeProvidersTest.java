package io.solidstream.runtime.flink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.Config;
import io.solidstream.api.config.ConfigError;
import io.solidstream.api.config.ConfigPath;
import io.solidstream.api.config.ConfigValidationResult;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.PipelineRuntimeProvider;
import io.solidstream.runtime.flink.FlinkCluster;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The Flink runtimes as instance-config options: found by ServiceLoader, validated, created without contact. */
class FlinkRuntimeProvidersTest {
  private static final ConfigPath PATH = ConfigPath.of("runtime", RemoteClusterRuntimeProvider.NAME);

  private static PipelineRuntimeProvider installed(String name) {
    return ServiceLoader.load(PipelineRuntimeProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(provider -> provider.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void bothFlinkRuntimesAreInstalledByBeingOnTheClassPath() {
    assertThat(ServiceLoader.load(PipelineRuntimeProvider.class).stream().map(p -> p.get().name()))
        .contains("flink_local", "flink", "in_process");
  }

  @Test
  void flinkLocalNeedsNoSettingsAndRunsOnTheMiniCluster() {
    PipelineRuntimeProvider provider = installed("flink_local");
    ConfigValidationResult section = provider.configSchema().validate(Map.of());

    assertThat(section.isValid()).as(section.errors().toString()).isTrue();
    PipelineRuntime runtime = provider.create(section.config());
    assertThat(runtime).isInstanceOf(FlinkPipelineRuntime.class);
    assertThat(runtime.name()).isEqualTo("flink-minicluster");
  }

  @Test
  void flinkNamesTheClusterByHostWithPort8081ByDefaultAndContactsNothingWhenCreated() {
    PipelineRuntimeProvider provider = installed("flink");
    ConfigValidationResult section = provider.configSchema().validate(Map.of("host", "flink-jm.invalid"));

    assertThat(section.isValid()).as(section.errors().toString()).isTrue();
    assertThat(provider.check(section.config(), PATH)).isEmpty();
    FlinkPipelineRuntime runtime = (FlinkPipelineRuntime) provider.create(section.config());
    assertThat(runtime.name()).isEqualTo("flink-remote");
    FlinkCluster.Remote cluster = (FlinkCluster.Remote) runtime.cluster();
    assertThat(cluster.host()).isEqualTo("flink-jm.invalid");
    assertThat(cluster.port()).isEqualTo(8081);
  }

  @Test
  void aMissingHostIsAConfigErrorWithItsPath() {
    ConfigValidationResult section = installed("flink").configSchema().validate(Map.of("port", 8081));

    assertThat(section.isValid()).isFalse();
    assertThat(section.errors()).extracting(ConfigError::message).anyMatch(message -> message.contains("host"));
  }

  @Test
  void aBadPortAndAMissingJarAreReportedTogetherWithTheirPaths() {
    PipelineRuntimeProvider provider = installed("flink");
    Config section = provider.configSchema()
        .validate(Map.of("host", "127.0.0.1", "port", 70_000, "jars", List.of("target/no-such.jar"))).config();

    List<ConfigError> errors = provider.check(section, PATH);

    assertThat(errors).extracting(ConfigError::path).containsExactly("runtime.flink.port", "runtime.flink.jars[0]");
    assertThat(errors.get(0).message()).contains("70000").contains("rest.port");
    assertThat(errors.get(1).message()).contains("no-such.jar");
  }
}
