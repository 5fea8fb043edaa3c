package io.solidstream.api.config;

import static io.solidstream.api.config.ConfigType.any;
import static io.solidstream.api.config.ConfigType.bool;
import static io.solidstream.api.config.ConfigType.doubleType;
import static io.solidstream.api.config.ConfigType.enumOf;
import static io.solidstream.api.config.ConfigType.integer;
import static io.solidstream.api.config.ConfigType.longType;
import static io.solidstream.api.config.ConfigType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalarTypesTest {

  private static final EnvironmentLookup NO_ENV = EnvironmentLookup.of(Map.of());

  enum Mode {
    FAST,
    SAFE
  }

  private static ConfigValidationResult check(ConfigType type, Object value) {
    return type.validate(value, ConfigPath.of("limit"), NO_ENV);
  }

  private static String onlyError(ConfigValidationResult result) {
    assertThat(result.isValid()).isFalse();
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0).describe();
  }

  @Test
  void stringAcceptsTextAndRejectsNumbers() {
    assertThat(check(string(), "x.csv").value()).isEqualTo("x.csv");
    assertThat(onlyError(check(string(), 10))).isEqualTo("limit: expected String, received Int 10");
  }

  @Test
  void intAcceptsIntegralNumbersAndNormalisesToInteger() {
    assertThat(check(integer(), 10).value()).isEqualTo(10);
    assertThat(check(integer(), 10L).value()).isEqualTo(10).isInstanceOf(Integer.class);
    assertThat(check(integer(), (short) 3).value()).isEqualTo(3);
    assertThat(check(integer(), BigInteger.valueOf(-7)).value()).isEqualTo(-7);
  }

  @Test
  void intRejectsFractionsStringsAndOutOfRangeValues() {
    assertThat(onlyError(check(integer(), 1.5))).isEqualTo("limit: expected Int, received Float 1.5");
    assertThat(onlyError(check(integer(), "10")))
        .isEqualTo("limit: expected Int, received String \"10\"");
    assertThat(onlyError(check(integer(), 3_000_000_000L)))
        .startsWith("limit: expected Int, received Long 3000000000 (out of range for Int");
    ConfigError error = check(integer(), "ten").errors().get(0);
    assertThat(error.expected()).isEqualTo("Int");
    assertThat(error.received()).isEqualTo("String \"ten\"");
    assertThat(error.path()).isEqualTo("limit");
  }

  @Test
  void longAcceptsValuesBeyondIntRangeAndNormalisesToLong() {
    assertThat(check(longType(), 3_000_000_000L).value()).isEqualTo(3_000_000_000L);
    assertThat(check(longType(), 5).value()).isEqualTo(5L).isInstanceOf(Long.class);
    assertThat(onlyError(check(longType(), new BigInteger("99999999999999999999"))))
        .contains("expected Long, received Int 99999999999999999999 (out of range for Long");
    assertThat(onlyError(check(longType(), 2.0))).contains("expected Long, received Float 2.0");
  }

  @Test
  void floatAcceptsAnyNumberAndReturnsDouble() {
    assertThat(check(doubleType(), 1.5).value()).isEqualTo(1.5);
    assertThat(check(doubleType(), 2).value()).isEqualTo(2.0).isInstanceOf(Double.class);
    assertThat(check(doubleType(), new BigDecimal("0.25")).value()).isEqualTo(0.25);
    assertThat(onlyError(check(doubleType(), "1.5")))
        .isEqualTo("limit: expected Float, received String \"1.5\"");
  }

  @Test
  void boolAcceptsBooleansOnly() {
    assertThat(check(bool(), true).value()).isEqualTo(true);
    assertThat(onlyError(check(bool(), "true")))
        .isEqualTo("limit: expected Bool, received String \"true\"");
  }

  @Test
  void nullIsRejectedForNonNoneableTypes() {
    assertThat(onlyError(check(integer(), null))).isEqualTo("limit: expected Int, received null");
  }

  @Test
  void anyAcceptsEverythingIncludingNullAndCopiesCollections() {
    List<Object> mutable = new ArrayList<>(List.of(1, "two"));
    Object resolved = check(any(), Map.of("k", mutable)).value();
    mutable.add(3);
    assertThat(resolved).isEqualTo(Map.of("k", List.of(1, "two")));
    assertThat(check(any(), null).value()).isNull();
  }

  @Test
  void anyReportsUnsupportedJavaObjects() {
    assertThat(onlyError(check(any(), new Object())))
        .contains("unsupported config value at limit: java.lang.Object");
  }

  @Test
  void enumAcceptsListedValuesAndSuggestsTheClosestForTypos() {
    ConfigType mode = enumOf("FAST", "SAFE");
    assertThat(check(mode, "SAFE").value()).isEqualTo("SAFE");
    assertThat(onlyError(check(mode, "FSAT")))
        .isEqualTo(
            "limit: expected Enum[FAST|SAFE], received String \"FSAT\"; allowed values: FAST, SAFE;"
                + " did you mean 'FAST'?");
  }

  @Test
  void enumFromJavaClassUsesConstantNamesAndAcceptsConstants() {
    EnumType mode = enumOf(Mode.class);
    assertThat(mode.values()).containsExactly("FAST", "SAFE");
    assertThat(check(mode, Mode.SAFE).value()).isEqualTo("SAFE");
    assertThat(mode).isEqualTo(enumOf("FAST", "SAFE"));
  }

  @Test
  void enumRejectsEmptyAndDuplicateValues() {
    assertThatThrownBy(() -> enumOf()).hasMessageContaining("at least one value");
    assertThatThrownBy(() -> enumOf("A", "A")).hasMessage("enum value 'A' was already defined");
  }

  @Test
  void everyScalarHasItsDisplayName() {
    assertThat(string().displayName()).isEqualTo("String");
    assertThat(integer().displayName()).isEqualTo("Int");
    assertThat(longType().displayName()).isEqualTo("Long");
    assertThat(doubleType().displayName()).isEqualTo("Float");
    assertThat(bool().displayName()).isEqualTo("Bool");
    assertThat(any().displayName()).isEqualTo("Any");
    assertThat(enumOf("A", "B").displayName()).isEqualTo("Enum[A|B]");
  }

  @Test
  void scalarSamplesShowAPlaceholderAndTheType() {
    assertThat(integer().sampleYaml()).isEqualTo("0  # Int");
    assertThat(string().sampleYaml()).isEqualTo("\"...\"  # String");
    assertThat(bool().sampleYaml()).isEqualTo("false  # Bool");
    assertThat(enumOf("A", "B").sampleYaml()).isEqualTo("A  # Enum[A|B]");
  }
}
