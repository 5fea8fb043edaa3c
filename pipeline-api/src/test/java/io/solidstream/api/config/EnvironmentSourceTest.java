package io.solidstream.api.config;

import static io.solidstream.api.config.ConfigType.bool;
import static io.solidstream.api.config.ConfigType.doubleType;
import static io.solidstream.api.config.ConfigType.enumOf;
import static io.solidstream.api.config.ConfigType.integer;
import static io.solidstream.api.config.ConfigType.longType;
import static io.solidstream.api.config.ConfigType.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSourceTest {

  private static final EnvironmentLookup ENV =
      EnvironmentLookup.of(
          Map.of(
              "DB_URL", "jdbc:h2:mem",
              "PORT", " 5432 ",
              "BIG", "3000000000",
              "RATIO", "0.75",
              "DEBUG", "TRUE",
              "MODE", "SAFE",
              "WORDS", "ten"));

  private static ConfigValidationResult check(ConfigType type, String variable) {
    return type.validate(Map.of("env", variable), ConfigPath.of("db", "port"), ENV);
  }

  @Test
  void everyScalarTypeReadsAndConvertsEnvironmentVariables() {
    assertThat(check(string(), "DB_URL").value()).isEqualTo("jdbc:h2:mem");
    assertThat(check(integer(), "PORT").value()).isEqualTo(5432);
    assertThat(check(longType(), "BIG").value()).isEqualTo(3_000_000_000L);
    assertThat(check(doubleType(), "RATIO").value()).isEqualTo(0.75);
    assertThat(check(bool(), "DEBUG").value()).isEqualTo(true);
    assertThat(check(enumOf("FAST", "SAFE"), "MODE").value()).isEqualTo("SAFE");
  }

  @Test
  void unsetVariableIsReportedByName() {
    ConfigError error = check(integer(), "NOPE").errors().get(0);
    assertThat(error.describe()).isEqualTo(
        "db.port: environment variable 'NOPE' is not set; set it, or give a fallback: {env: NOPE, default: ...}");
    assertThat(error.expected()).isEqualTo("Int");
  }

  @Test
  void unsetVariableWithADefaultUsesTheDefaultConvertedToTheType() {
    ConfigValidationResult port =
        integer().validate(Map.of("env", "NOPE", "default", 5432), ConfigPath.of("db", "port"), ENV);
    assertThat(port.value()).isEqualTo(5432);
    ConfigValidationResult set =
        integer().validate(Map.of("env", "PORT", "default", 1), ConfigPath.of("db", "port"), ENV);
    assertThat(set.value()).isEqualTo(5432);
  }

  @Test
  void defaultThatDoesNotFitTheTypeIsAnError() {
    ConfigValidationResult result =
        integer().validate(Map.of("env", "NOPE", "default", "many"), ConfigPath.of("db", "port"), ENV);
    assertThat(result.errors()).extracting(ConfigError::message)
        .containsExactly("the default of environment variable 'NOPE' is not a valid Int");
  }

  @Test
  void unparseableVariableNamesVariableValueAndExpectedType() {
    assertThat(check(integer(), "WORDS").errors().get(0).message())
        .isEqualTo("environment variable 'WORDS' has value \"ten\", which is not a valid Int");
    assertThat(check(integer(), "BIG").errors().get(0).message())
        .isEqualTo("environment variable 'BIG' has value \"3000000000\", which is not a valid Int");
    assertThat(check(enumOf("FAST", "SAFE"), "WORDS").errors().get(0).message())
        .contains("which is not a valid Enum[FAST|SAFE]");
    assertThat(check(bool(), "WORDS").errors().get(0).message()).endsWith("not a valid Bool");
  }

  @Test
  void envSourceWithoutAVariableNameIsAnError() {
    ConfigValidationResult result =
        integer().validate(Map.of("env", 42), ConfigPath.of("port"), ENV);
    assertThat(result.errors().get(0).message())
        .startsWith("environment variable source must name a variable, e.g. {env: MY_VAR}");
  }

  @Test
  void mapWithOtherKeysIsNotAnEnvSource() {
    ConfigValidationResult result =
        integer().validate(Map.of("env", "PORT", "x", 1), ConfigPath.of("port"), ENV);
    assertThat(result.errors().get(0).message()).startsWith("expected Int, received Map {");
  }

  @Test
  void envSourcesWorkInsideShapesAndDefaults() {
    ShapeType shape =
        ConfigType.shape()
            .field("port", integer())
            .field("url", string(), Map.of("env", "DB_URL"))
            .build();
    ConfigValidationResult result = shape.validate(Map.of("port", Map.of("env", "PORT")), ENV);
    assertThat(result.value()).isEqualTo(Map.of("port", 5432, "url", "jdbc:h2:mem"));

    ConfigValidationResult unset =
        shape.validate(Map.of("port", 1), EnvironmentLookup.of(Map.of()));
    assertThat(unset.errors())
        .extracting(ConfigError::describe)
        .containsExactly("url: environment variable 'DB_URL' is not set; set it, or give a fallback:"
            + " {env: DB_URL, default: ...}");
  }
}
