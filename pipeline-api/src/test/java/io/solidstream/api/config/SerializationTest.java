package io.solidstream.api.config;

import static io.solidstream.api.config.ConfigType.any;
import static io.solidstream.api.config.ConfigType.bool;
import static io.solidstream.api.config.ConfigType.enumOf;
import static io.solidstream.api.config.ConfigType.integer;
import static io.solidstream.api.config.ConfigType.list;
import static io.solidstream.api.config.ConfigType.optional;
import static io.solidstream.api.config.ConfigType.selector;
import static io.solidstream.api.config.ConfigType.shape;
import static io.solidstream.api.config.ConfigType.string;
import static io.solidstream.api.config.RunConfigTest.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerializationTest {

  private static final ShapeType SCHEMA =
      shape()
          .field(ConfigField.required("limit", integer()).description("max rows"))
          .field("mode", enumOf("FAST", "SAFE"), "SAFE")
          .field("tags", list(string()), List.of("a"))
          .field("format", selector().option("csv", shape().build()).option("json", bool()).build())
          .optionalField("extra", any())
          .field("note", optional(string()))
          .permissive()
          .build();

  @Test
  void schemaSurvivesJavaSerializationAndStillValidates() throws Exception {
    ShapeType copy = (ShapeType) roundTrip(SCHEMA);
    assertThat(copy).isEqualTo(SCHEMA);
    assertThat(copy.displayName()).isEqualTo(SCHEMA.displayName());
    assertThat(copy.validate(Map.of("limit", 1, "format", Map.of("json", true)), EnvironmentLookup.of(Map.of())).isValid())
        .isTrue();
    assertThat(roundTrip(integer())).isSameAs(integer());
    assertThat(roundTrip(any())).isSameAs(any());
  }

  @Test
  void resultsErrorsConfigsAndExceptionsAreSerializable() throws Exception {
    ConfigValidationResult result = SCHEMA.validate(Map.of("limit", "x"), EnvironmentLookup.of(Map.of()));
    assertThat(roundTrip(result)).isEqualTo(result);
    Config config = Config.of(Map.of("a", List.of(1, 2)));
    assertThat(roundTrip(config)).isEqualTo(config);
    RunConfigException exception = new RunConfigException("p", result.errors());
    assertThat(((RunConfigException) roundTrip(exception)).errors()).isEqualTo(result.errors());
    assertThat(roundTrip(ConfigPath.root())).isSameAs(ConfigPath.root());
  }

  @Test
  void environmentLookupsAreSerializable() throws Exception {
    EnvironmentLookup env = (EnvironmentLookup) roundTrip(EnvironmentLookup.of(Map.of("A", "1")));
    assertThat(env.get("A")).contains("1");
    assertThat(roundTrip(EnvironmentLookup.system())).isInstanceOf(EnvironmentLookup.class);
  }

  @Test
  void configPathRendersKeysAndIndexes() {
    assertThat(ConfigPath.root()).hasToString("<root>");
    assertThat(ConfigPath.of("solids", "load").child("config").child("items").index(2))
        .hasToString("solids.load.config.items[2]");
    assertThat(ConfigPath.root().index(0)).hasToString("[0]");
  }
}
