package io.solidstream.api.config;

import static io.solidstream.api.config.ConfigType.integer;
import static io.solidstream.api.config.ConfigType.list;
import static io.solidstream.api.config.ConfigType.optional;
import static io.solidstream.api.config.ConfigType.selector;
import static io.solidstream.api.config.ConfigType.shape;
import static io.solidstream.api.config.ConfigType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class CompositeTypesTest {

  private static final EnvironmentLookup NO_ENV = EnvironmentLookup.of(Map.of());

  private static final SelectorType FORMAT =
      selector()
          .option("csv", shape().field("sep", string(), ",").build())
          .option("json", shape().field("lines", ConfigType.bool()).build())
          .build();

  private static ConfigValidationResult check(ConfigType type, Object value) {
    return type.validate(value, ConfigPath.of("format"), NO_ENV);
  }

  @Test
  void listResolvesEveryElementToAnUnmodifiableList() {
    Object resolved = check(list(ConfigType.longType()), List.of(1, 2)).value();
    assertThat(resolved).isEqualTo(List.of(1L, 2L));
    assertThatThrownBy(() -> ((List<?>) resolved).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void listErrorsCarryTheElementIndexAndAllElementsAreChecked() {
    ConfigValidationResult result =
        list(integer()).validate(List.of(1, "two", 3, 4.5), ConfigPath.of("items"), NO_ENV);
    assertThat(result.errors())
        .extracting(ConfigError::describe)
        .containsExactly(
            "items[1]: expected Int, received String \"two\"",
            "items[3]: expected Int, received Float 4.5");
  }

  @Test
  void listOfShapesReportsNestedPaths() {
    ConfigValidationResult result =
        list(shape().field("limit", integer()).build())
            .validate(
                List.of(Map.of("limit", 1), Map.of("limit", 2), Map.of("limit", "x")),
                ConfigPath.of("items"),
                NO_ENV);
    assertThat(result.errors().get(0).path()).isEqualTo("items[2].limit");
  }

  @Test
  void listRejectsNonLists() {
    assertThat(check(list(integer()), 1).errors().get(0).message())
        .isEqualTo("expected List[Int], received Int 1");
  }

  @Test
  void selectorWithOneKeyResolvesToThatOption() {
    assertThat(check(FORMAT, Map.of("csv", Map.of())).value())
        .isEqualTo(Map.of("csv", Map.of("sep", ",")));
    assertThat(check(FORMAT, Map.of("json", Map.of("lines", true))).value())
        .isEqualTo(Map.of("json", Map.of("lines", true)));
  }

  @Test
  void selectorOptionLeftEmptyInYamlUsesTheOptionDefaults() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("csv", null);
    assertThat(check(FORMAT, value).value()).isEqualTo(Map.of("csv", Map.of("sep", ",")));
  }

  @Test
  void selectorWithNoKeyListsTheAllowedKeysAndShowsASample() {
    ConfigError error = check(FORMAT, Map.of()).errors().get(0);
    assertThat(error.message()).isEqualTo("expected exactly one of the keys csv, json; received none");
    assertThat(error.sample()).isEqualTo("csv: {}  # Shape{sep?: String}");
  }

  @Test
  void selectorWithTwoKeysListsTheAllowedKeys() {
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("csv", Map.of());
    both.put("json", Map.of("lines", true));
    assertThat(check(FORMAT, both).errors())
        .extracting(ConfigError::describe)
        .containsExactly("format: expected exactly one of the keys csv, json; received 2: csv, json");
  }

  @Test
  void selectorWithUnknownKeySuggestsTheClosestOption() {
    assertThat(check(FORMAT, Map.of("jsn", Map.of())).errors().get(0).message())
        .isEqualTo("unknown option 'jsn'; allowed options: csv, json; did you mean 'json'?");
  }

  @Test
  void selectorValidatesTheChosenOption() {
    assertThat(check(FORMAT, Map.of("json", Map.of())).errors().get(0).describe())
        .isEqualTo("format.json: missing required field 'lines' (Bool). Add:\n  lines: false  # Bool");
  }

  @Test
  void selectorRejectsDuplicateOptionsAndEmptySelectors() {
    assertThatThrownBy(() -> selector().option("csv", string()).option("csv", string()))
        .hasMessage("option 'csv' was already defined");
    assertThatThrownBy(() -> selector().build()).hasMessage("a selector needs at least one option");
  }

  @Test
  void selectorWithSingleOptionalOptionIsNotRequired() {
    SelectorType single = selector().option("memory", shape().field("size", integer(), 8).build()).build();
    assertThat(single.isRequired()).isFalse();
    assertThat(FORMAT.isRequired()).isTrue();
    ShapeType config = shape().field("storage", single).build();
    assertThat(check(config, Map.of()).value())
        .isEqualTo(Map.of("storage", Map.of("memory", Map.of("size", 8))));
  }

  @Test
  void noneableAcceptsNullAndDelegatesOtherValues() {
    ConfigType maybe = optional(integer());
    assertThat(check(maybe, null).value()).isNull();
    assertThat(check(maybe, 3).value()).isEqualTo(3);
    assertThat(check(maybe, "3").errors().get(0).message()).isEqualTo("expected Int, received String \"3\"");
    assertThat(optional(maybe)).isSameAs(maybe);
  }

  @Test
  void absentNoneableFieldResolvesToNull() {
    ShapeType shape = shape().field("limit", optional(integer())).build();
    Map<String, Object> resolved = (Map<String, Object>) check(shape, Map.of()).value();
    assertThat(resolved).containsEntry("limit", null);
  }

  @Test
  void listElementsMayBeNullOnlyForNoneableElements() {
    assertThat(check(list(optional(integer())), Arrays.asList(1, null)).value())
        .isEqualTo(Arrays.asList(1, null));
    assertThat(check(list(integer()), Arrays.asList(1, null)).errors().get(0).describe())
        .isEqualTo("format[1]: expected Int, received null");
  }

  @Test
  void compositeDisplayNames() {
    assertThat(list(integer()).displayName()).isEqualTo("List[Int]");
    assertThat(FORMAT.displayName()).isEqualTo("Selector{csv|json}");
    assertThat(optional(integer()).displayName()).isEqualTo("Noneable[Int]");
    assertThat(list(shape().field("limit", integer()).optionalField("path", string()).build()).displayName())
        .isEqualTo("List[Shape{limit: Int, path?: String}]");
  }

  @Test
  void listSamplesRenderOneElement() {
    assertThat(list(integer()).sampleYaml()).isEqualTo("- 0  # Int");
    assertThat(list(shape().field("limit", integer()).field("path", string()).build()).sampleYaml())
        .isEqualTo("- limit: 0  # Int\n  path: \"...\"  # String");
  }
}
