package io.solidstream.api.config;

import static io.solidstream.api.config.ConfigType.enumOf;
import static io.solidstream.api.config.ConfigType.integer;
import static io.solidstream.api.config.ConfigType.list;
import static io.solidstream.api.config.ConfigType.shape;
import static io.solidstream.api.config.ConfigType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** End-to-end: a whole run config document validated against a pipeline-level schema. */
class RunConfigValidationTest {

  private static final ShapeType LOAD_ORDERS_CONFIG =
      shape()
          .field("limit", integer())
          .field("mode", enumOf("FAST", "SAFE"), "SAFE")
          .field("items", list(integer()), List.of())
          .optionalField("path", string())
          .build();

  private static final ShapeType PIPELINE =
      shape()
          .field(
              "solids",
              shape()
                  .field("load_orders", shape().field("config", LOAD_ORDERS_CONFIG).build())
                  .build())
          .field(
              "resources",
              shape()
                  .field("db", shape().field("config", shape().field("url", string()).build()).build())
                  .build())
          .build();

  private static final EnvironmentLookup ENV = EnvironmentLookup.of(Map.of("DB_URL", "jdbc:h2:mem"));

  @Test
  void validDocumentResolvesWithDefaultsAndEnvironment() {
    RunConfig runConfig =
        RunConfig.fromYaml(
            """
            solids:
              load_orders:
                config:
                  limit: 10
            resources:
              db:
                config:
                  url: {env: DB_URL}
            """);
    Config config = PIPELINE.validate(runConfig.asMap(), ENV).config();
    Config solid = config.getConfig("solids").getConfig("load_orders").getConfig("config");
    assertThat(solid.asMap()).isEqualTo(Map.of("limit", 10, "mode", "SAFE", "items", List.of()));
    assertThat(config.getConfig("resources").getConfig("db").getConfig("config").getString("url"))
        .isEqualTo("jdbc:h2:mem");
  }

  @Test
  void fourDifferentMistakesYieldFourErrorsWithTheirPaths() {
    RunConfig runConfig =
        RunConfig.fromYaml(
            """
            solids:
              load_orders:
                config:
                  limit: ten
                  items: [1, 2, three]
                  pth: x.csv
            resources:
              db:
                config: {}
            """);
    ConfigValidationResult result = PIPELINE.validate(runConfig.asMap(), ENV);
    assertThat(result.errors())
        .extracting(ConfigError::describe)
        .containsExactly(
            "solids.load_orders.config.limit: expected Int, received String \"ten\"",
            "solids.load_orders.config.items[2]: expected Int, received String \"three\"",
            "solids.load_orders.config: unknown field 'pth'; allowed fields: limit, mode, items, path;"
                + " did you mean 'path'?",
            "resources.db.config: missing required field 'url' (String). Add:\n  url: \"...\"  # String");
  }

  @Test
  void typoInARequiredKeyReportsBothTheMissingFieldAndTheSuggestion() {
    ConfigValidationResult result =
        LOAD_ORDERS_CONFIG.validate(Map.of("limt", 10, "mode", "FSAT"), ConfigPath.of("c"), ENV);
    assertThat(result.errors())
        .extracting(ConfigError::message)
        .containsExactly(
            "missing required field 'limit' (Int)",
            "expected Enum[FAST|SAFE], received String \"FSAT\"; allowed values: FAST, SAFE; did you"
                + " mean 'FAST'?",
            "unknown field 'limt'; allowed fields: limit, mode, items, path; did you mean 'limit'?");
  }

  @Test
  void missingSolidSectionIsReportedWithASampleOfWhatToAdd() {
    ConfigValidationResult result =
        PIPELINE.validate(Map.of("resources", Map.of("db", Map.of("config", Map.of("url", "u")))), ENV);
    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().get(0).describe())
        .isEqualTo(
            "<root>: missing required field 'solids' (Shape{load_orders: Shape{config: "
                + LOAD_ORDERS_CONFIG.displayName()
                + "}}). Add:\n"
                + "  solids:\n"
                + "    load_orders:\n"
                + "      config:\n"
                + "        limit: 0  # Int");
  }

  @Test
  void exceptionMessageListsEveryErrorNumberedWithSamples() {
    ConfigValidationResult result =
        PIPELINE.validate(
            Map.of(
                "solids", Map.of("load_orders", Map.of("config", Map.of("limit", "ten"))),
                "resources", Map.of("db", Map.of("config", Map.of()))),
            ENV);
    assertThatThrownBy(() -> result.valueOrThrow("orders"))
        .isInstanceOfSatisfying(
            RunConfigException.class,
            e -> {
              assertThat(e.pipelineName()).isEqualTo("orders");
              assertThat(e.errors()).hasSize(2);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Invalid run config for pipeline 'orders': 2 errors\n"
                          + "  1. solids.load_orders.config.limit: expected Int, received String \"ten\"\n"
                          + "  2. resources.db.config: missing required field 'url' (String). Add:\n"
                          + "       url: \"...\"  # String");
            });
  }

  @Test
  void exceptionMessageUsesSingularForOneError() {
    RunConfigException e =
        new RunConfigException("p", List.of(ConfigError.of("a", "expected Int, received null", "Int", "null")));
    assertThat(e.getMessage())
        .isEqualTo("Invalid run config for pipeline 'p': 1 error\n  1. a: expected Int, received null");
  }

  @Test
  void exceptionRequiresAtLeastOneError() {
    assertThatThrownBy(() -> new RunConfigException("p", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidResultHasNoValue() {
    ConfigValidationResult result = integer().validate("x", ENV);
    assertThat(result.isValid()).isFalse();
    assertThatThrownBy(result::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("<root>: expected Int, received String \"x\"");
  }

  @Test
  void validateMissingGivesImplicitDefaultsOrASample() {
    assertThat(shape().field("n", integer(), 1).build().validateMissing(ConfigPath.of("c"), ENV).value())
        .isEqualTo(Map.of("n", 1));
    assertThat(LOAD_ORDERS_CONFIG.validateMissing(ConfigPath.of("c"), ENV).errors().get(0).describe())
        .isEqualTo(
            "c: missing required value ("
                + LOAD_ORDERS_CONFIG.displayName()
                + "). Add:\n  limit: 0  # Int");
  }
}
