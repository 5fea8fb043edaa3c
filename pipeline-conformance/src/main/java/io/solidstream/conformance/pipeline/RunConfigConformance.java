package io.solidstream.conformance.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.ConfigError;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.EnvironmentLookup;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.config.RunConfigException;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Run config as the solids see it: validated typed config with defaults, bound to records;
 * {@code {env: NAME}} sources read from the request's environment; and invalid run config
 * rejected by {@code submit} itself, with every error at once, before anything runs.
 */
public abstract class RunConfigConformance extends PipelineConformance {
  /** How a load behaves. */
  public enum Mode { FAST, SAFE }

  /** A nested part of the config. */
  public record Retry(int times, double backoff) implements Serializable {}

  /** The whole config of the solid, bound with {@code ctx.config(Settings.class)}. */
  public record Settings(String table, int limit, Mode mode, List<String> columns, Retry retry, boolean dryRun)
      implements Serializable {}

  static final OutputDef<String> TEXT = OutputDef.of("text", String.class);
  static final ResourceKey<String> WAREHOUSE = ResourceKey.of("warehouse", String.class);

  static final ConfigType SETTINGS = ConfigType.shape()
      .field("table", ConfigType.string())
      .field("limit", ConfigType.integer(), 100)
      .field("mode", ConfigType.enumOf(Mode.class), "SAFE")
      .field("columns", ConfigType.list(ConfigType.string()))
      .field("retry", ConfigType.shape()
          .field("times", ConfigType.integer(), 3)
          .field("backoff", ConfigType.doubleType(), 1.5)
          .build())
      .field("dry_run", ConfigType.bool(), false)
      .build();

  /** load(config: SETTINGS) -> its config bound to a record, as text; journals that it ran. */
  private PipelineDefinition configured(Journal ran) {
    PipelineBuilder p = PipelineDefinition.builder("configured");
    p.add(SolidDefinition.builder("load").config(SETTINGS).returning(TEXT, (ctx, in) -> {
      ran.write(ctx.stepKey());
      Settings s = new Settings(ctx.config().getString("table"), ctx.config().getInt("limit"),
          ctx.config().getEnum("mode", Mode.class), ctx.config().getList("columns", String.class),
          ctx.config().getConfig("retry").as(Retry.class), ctx.config().getBoolean("dry_run"));
      return s.toString();
    }).build());
    return p.build();
  }

  @Test
  void typedConfigReachesTheSolidValidatedAndWithItsDefaults() {
    Journal ran = journal("ran");

    RunResult result = execute(configured(ran), RunRequest.of(RunConfig.fromYaml("""
        solids:
          load:
            config:
              table: orders
              mode: FAST
              columns: [id, total]
              retry: {times: 5}
        """)));

    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(result.output("load", TEXT)).isEqualTo(
        new Settings("orders", 100, Mode.FAST, List.of("id", "total"), new Retry(5, 1.5), false).toString());
  }

  @Test
  void configIsBoundToARecordWithCtxConfigOfAType() {
    // Given a shape whose fields are the components of a record
    PipelineBuilder p = PipelineDefinition.builder("bound");
    p.add(SolidDefinition.builder("window")
        .config(ConfigType.shape().field("from", ConfigType.integer()).field("to", ConfigType.integer(), 60).build())
        .returning(TEXT, (ctx, in) -> ctx.config(InputsConformance.Window.class).toString())
        .build());

    RunResult result = execute(p.build(), RunRequest.of(RunConfig.fromYaml("solids: {window: {config: {from: 10}}}")));

    assertThat(result.output("window", TEXT)).isEqualTo("Window[from=10, to=60]");
  }

  @Test
  void environmentSourcesAreReadFromTheRequestsEnvironment() {
    // Given a table from $TABLE, and a limit from $LIMIT that is not set but has a default
    RunRequest request = RunRequest.builder()
        .runConfig(RunConfig.fromYaml("""
            solids:
              load:
                config:
                  table: {env: TABLE}
                  limit: {env: LIMIT, default: 25}
                  columns: [id]
            """))
        .environment(EnvironmentLookup.of(Map.of("TABLE", "orders_2024")))
        .build();

    // When
    RunResult result = execute(configured(journal("ran")), request);

    // Then the variable was read and the default converted to the field's type
    assertThat(result.success()).isTrue();
    assertThat(result.output("load", TEXT)).startsWith("Settings[table=orders_2024, limit=25, mode=SAFE,");
  }

  @Test
  void resourceConfigReadsTheEnvironmentToo() {
    PipelineBuilder p = PipelineDefinition.builder("resource_env")
        .resource(WAREHOUSE, ResourceDefinition.builder(ctx -> "warehouse at " + ctx.config().getString("url"))
            .config(ConfigType.shape().field("url", ConfigType.string()).build())
            .build());
    p.add(SolidDefinition.builder("where").requires(WAREHOUSE)
        .returning(TEXT, (ctx, in) -> ctx.resource(WAREHOUSE)).build());
    RunRequest request = RunRequest.builder()
        .runConfig(RunConfig.fromYaml("resources: {warehouse: {config: {url: {env: WAREHOUSE_URL}}}}"))
        .environment(EnvironmentLookup.of(Map.of("WAREHOUSE_URL", "file:///data")))
        .build();

    RunResult result = execute(p.build(), request);

    assertThat(result.output("where", TEXT)).isEqualTo("warehouse at file:///data");
  }

  @Test
  void invalidRunConfigIsRejectedBySubmitWithEveryErrorAndNothingRuns() {
    // Given a run config with four mistakes
    Journal ran = journal("ran");
    RunRequest request = RunRequest.of(RunConfig.fromYaml("""
        solids:
          load:
            config:
              limit: many
              mode: SLOW
              columns: [id]
              colums: [total]
        """));

    // When / Then submit throws, listing them all
    assertThatThrownBy(() -> runtime().submit(configured(ran), request))
        .isInstanceOfSatisfying(RunConfigException.class, e -> {
          assertThat(e.pipelineName()).isEqualTo("configured");
          assertThat(e.errors()).extracting(ConfigError::path).containsExactlyInAnyOrder(
              "solids.load.config", "solids.load.config.limit", "solids.load.config.mode", "solids.load.config");
          assertThat(e.getMessage())
              .startsWith("Invalid run config for pipeline 'configured': 4 errors")
              .contains("missing required field 'table'")
              .contains("expected Int, received String \"many\"")
              .contains("allowed values: FAST, SAFE")
              .contains("did you mean 'columns'?");
        });
    assertThat(ran.entries()).isEmpty();
  }

  @Test
  void unsetEnvironmentVariableIsAConfigErrorThatSaysHowToFixIt() {
    RunRequest request = RunRequest.builder()
        .runConfig(RunConfig.fromYaml("solids: {load: {config: {table: {env: TABLE}, columns: []}}}"))
        .environment(EnvironmentLookup.of(Map.of()))
        .build();

    assertThatThrownBy(() -> runtime().submit(configured(journal("ran")), request))
        .isInstanceOf(RunConfigException.class)
        .hasMessageContaining("solids.load.config.table: environment variable 'TABLE' is not set; set it, or give a"
            + " fallback: {env: TABLE, default: ...}");
  }
}
