package io.solidstream.api.config;

import static io.solidstream.api.config.ConfigType.integer;
import static io.solidstream.api.config.ConfigType.optional;
import static io.solidstream.api.config.ConfigType.shape;
import static io.solidstream.api.config.ConfigType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ShapeTypeTest {

  private static final EnvironmentLookup NO_ENV = EnvironmentLookup.of(Map.of());
  private static final ConfigPath CONFIG = ConfigPath.of("solids", "load_orders", "config");

  private static final ShapeType LOAD =
      shape().field("limit", integer()).optionalField("path", string()).build();

  private static ConfigValidationResult check(ConfigType type, Object value) {
    return type.validate(value, CONFIG, NO_ENV);
  }

  @Test
  void resolvesRequiredAndPresentOptionalFields() {
    assertThat(check(LOAD, Map.of("limit", 10, "path", "x.csv")).value())
        .isEqualTo(Map.of("limit", 10, "path", "x.csv"));
  }

  @Test
  void absentOptionalFieldIsLeftOutOfTheResolvedMap() {
    Object resolved = check(LOAD, Map.of("limit", 10)).value();
    assertThat(resolved).isEqualTo(Map.of("limit", 10));
    assertThat((Map<String, Object>) resolved).doesNotContainKey("path");
  }

  @Test
  void defaultsAreAppliedForAbsentFields() {
    ShapeType shape = shape().field("limit", integer(), 100).field("sep", string(), ",").build();
    assertThat(check(shape, Map.of("sep", ";")).value()).isEqualTo(Map.of("limit", 100, "sep", ";"));
  }

  @Test
  void resolvedMapKeepsDeclarationOrderAndIsUnmodifiable() {
    ShapeType shape = shape().field("b", integer(), 2).field("a", integer(), 1).build();
    Map<String, Object> resolved = (Map<String, Object>) check(shape, Map.of()).value();
    assertThat(resolved.keySet()).containsExactly("b", "a");
    assertThatThrownBy(() -> resolved.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void defaultIsValidatedWhenTheShapeIsBuilt() {
    assertThatThrownBy(() -> shape().field("limit", integer(), "ten"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "default value for field 'limit' does not fit Int: expected Int, received String \"ten\"");
  }

  @Test
  void duplicateFieldNamesAreRejected() {
    assertThatThrownBy(() -> shape().field("limit", integer()).optionalField("limit", string()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'limit' was already defined");
  }

  @Test
  void missingRequiredFieldReportsTheParentPathAndASample() {
    ConfigError error = check(LOAD, Map.of("path", "x.csv")).errors().get(0);
    assertThat(error.path()).isEqualTo("solids.load_orders.config");
    assertThat(error.received()).isEqualTo("missing");
    assertThat(error.expected()).isEqualTo("Int");
    assertThat(error.sample()).isEqualTo("limit: 0  # Int");
    assertThat(error.describe())
        .isEqualTo(
            "solids.load_orders.config: missing required field 'limit' (Int). Add:\n"
                + "  limit: 0  # Int");
  }

  @Test
  void missingNestedShapeSampleShowsItsRequiredFieldsIndented() {
    ShapeType source =
        shape()
            .field(ConfigField.required("path", string()).description("file to read"))
            .field("format", ConfigType.selector().option("csv", shape().build()).option("json", shape().build()).build())
            .field("skip", integer(), 0)
            .build();
    ShapeType config = shape().field("source", source).build();
    ConfigError error = check(config, Map.of()).errors().get(0);
    assertThat(error.describe())
        .isEqualTo(
            "solids.load_orders.config: missing required field 'source' ("
                + source.displayName()
                + "). Add:\n"
                + "  source:\n"
                + "    path: \"...\"  # String - file to read\n"
                + "    format:  # Selector{csv|json}\n"
                + "      csv: {}  # Shape{}");
  }

  @Test
  void unknownFieldIsReportedWithAllowedFieldsAndASuggestion() {
    ConfigError error = check(LOAD, Map.of("limt", 10)).errors().get(1);
    assertThat(error.describe())
        .isEqualTo(
            "solids.load_orders.config: unknown field 'limt'; allowed fields: limit, path;"
                + " did you mean 'limit'?");
  }

  @Test
  void unknownFieldFarFromAnyNameGetsNoSuggestion() {
    ConfigError error = check(LOAD, Map.of("limit", 1, "compression", "gz")).errors().get(0);
    assertThat(error.message()).isEqualTo("unknown field 'compression'; allowed fields: limit, path");
  }

  @Test
  void permissiveShapeKeepsUnknownKeysAsGiven() {
    ShapeType shape = shape().field("limit", integer()).permissive().build();
    assertThat(check(shape, Map.of("limit", 1, "extra", List.of("a"))).value())
        .isEqualTo(Map.of("limit", 1, "extra", List.of("a")));
    assertThat(shape.displayName()).isEqualTo("Shape{limit: Int, ...}");
  }

  @Test
  void missingShapeWithOnlyOptionalFieldsResolvesToItsDefaults() {
    ShapeType options = shape().field("retries", integer(), 3).optionalField("tag", string()).build();
    ShapeType config = shape().field("options", options).field("name", string()).build();
    assertThat(options.isRequired()).isFalse();
    assertThat(check(config, Map.of("name", "n")).value())
        .isEqualTo(Map.of("options", Map.of("retries", 3), "name", "n"));
  }

  @Test
  void nullForAShapeWithOnlyOptionalFieldsResolvesToItsDefaults() {
    ShapeType options = shape().field("retries", integer(), 3).build();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("options", null);
    assertThat(check(shape().field("options", options).build(), value).value())
        .isEqualTo(Map.of("options", Map.of("retries", 3)));
  }

  @Test
  void isRequiredFollowsTheFields() {
    assertThat(LOAD.isRequired()).isTrue();
    assertThat(shape().optionalField("x", integer()).build().isRequired()).isFalse();
    assertThat(shape().field("x", optional(integer())).build().isRequired()).isFalse();
    assertThat(shape().build().isRequired()).isFalse();
    assertThat(integer().isRequired()).isTrue();
    assertThat(optional(integer()).isRequired()).isFalse();
  }

  @Test
  void nonMappingValueIsATypeMismatch() {
    assertThat(check(LOAD, List.of(1)).errors().get(0).describe())
        .isEqualTo(
            "solids.load_orders.config: expected Shape{limit: Int, path?: String}, received List of 1"
                + " element");
  }

  @Test
  void displayNameMarksOptionalAndDefaultedFields() {
    ShapeType shape =
        shape().field("limit", integer()).optionalField("path", string()).field("n", integer(), 1).build();
    assertThat(shape.displayName()).isEqualTo("Shape{limit: Int, path?: String, n?: Int}");
  }

  @Test
  void fieldsAreExposedWithTheirDescriptionsAndDefaults() {
    ShapeType shape =
        shape().field(ConfigField.withDefault("limit", integer(), 5).description("max rows")).build();
    ConfigField limit = shape.field("limit").orElseThrow();
    assertThat(limit.description()).contains("max rows");
    assertThat(limit.defaultValue()).isEqualTo(5);
    assertThat(limit.isRequired()).isFalse();
    assertThat(shape.field("nope")).isEmpty();
  }
}
