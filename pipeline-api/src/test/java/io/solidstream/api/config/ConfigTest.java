package io.solidstream.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  enum Mode {
    FAST,
    SAFE
  }

  record Source(String path, int limit, Mode mode) {}

  private static Config config() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("path", "x.csv");
    value.put("limit", 10);
    value.put("big", 3_000_000_000L);
    value.put("ratio", 0.5);
    value.put("debug", true);
    value.put("mode", "SAFE");
    value.put("ids", List.of(1, 2));
    value.put("nested", Map.of("a", 1));
    value.put("sources", List.of(Map.of("path", "a"), Map.of("path", "b")));
    value.put("nothing", null);
    return Config.of(value);
  }

  @Test
  void typedAccessorsReturnTheResolvedValues() {
    Config config = config();
    assertThat(config.getString("path")).isEqualTo("x.csv");
    assertThat(config.getInt("limit")).isEqualTo(10);
    assertThat(config.getLong("big")).isEqualTo(3_000_000_000L);
    assertThat(config.getLong("limit")).isEqualTo(10L);
    assertThat(config.getDouble("ratio")).isEqualTo(0.5);
    assertThat(config.getDouble("limit")).isEqualTo(10.0);
    assertThat(config.getBoolean("debug")).isTrue();
    assertThat(config.getEnum("mode", Mode.class)).isEqualTo(Mode.SAFE);
    assertThat(config.getList("ids", Integer.class)).containsExactly(1, 2);
    assertThat(config.getList("ids", Long.class)).containsExactly(1L, 2L);
    assertThat(config.getConfig("nested").getInt("a")).isEqualTo(1);
    assertThat(config.getConfigList("sources")).extracting(c -> c.getString("path")).containsExactly("a", "b");
  }

  @Test
  void hasAndGetOptionalTreatNullLikeAbsent() {
    Config config = config();
    assertThat(config.has("path")).isTrue();
    assertThat(config.has("nothing")).isFalse();
    assertThat(config.has("nope")).isFalse();
    assertThat(config.getOptional("limit")).contains(10);
    assertThat(config.getOptional("nothing")).isEmpty();
    assertThat(config.getOptional("nope")).isEmpty();
  }

  @Test
  void missingKeyNamesTheKeyAndWhatExists() {
    assertThatThrownBy(() -> Config.of(Map.of("limit", 1)).getInt("limt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config has no key 'limt'; available keys: limit; did you mean 'limit'?");
  }

  @Test
  void wrongTypeNamesTheKeyAndTheActualValue() {
    Config config = config();
    assertThatThrownBy(() -> config.getInt("path"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config key 'path' is String \"x.csv\", not an Int");
    assertThatThrownBy(() -> config.getInt("big"))
        .hasMessage("config key 'big' is Long 3000000000, not an Int");
    assertThatThrownBy(() -> config.getString("nothing")).hasMessage("config key 'nothing' is null");
    assertThatThrownBy(() -> config.getEnum("path", Mode.class))
        .hasMessage("config key 'path' is String \"x.csv\", not a constant of Mode (FAST, SAFE)");
    assertThatThrownBy(() -> config.getList("ids", String.class))
        .hasMessage("config key 'ids' element [0] is Int 1, not a String");
    assertThatThrownBy(() -> config.getList("path", String.class))
        .hasMessage("config key 'path' is String \"x.csv\", not a List");
  }

  @Test
  void scalarConfigExposesItsValue() {
    Config config = Config.of(42);
    assertThat(config.value()).isEqualTo(42);
    assertThatThrownBy(() -> config.getInt("x")).hasMessage("config is Int 42, not a mapping");
    assertThat(config.has("x")).isFalse();
  }

  @Test
  void asBindsTheWholeConfigToARecord() {
    Config config = Config.of(Map.of("path", "x.csv", "limit", 10, "mode", "FAST"));
    assertThat(config.as(Source.class)).isEqualTo(new Source("x.csv", 10, Mode.FAST));
    assertThat(Config.of(7).as(Integer.class)).isEqualTo(7);
  }

  @Test
  void asFailureNamesTheTargetTypeAndTheReason() {
    Config config = Config.of(Map.of("path", "x.csv", "limit", 10, "mode", "FAST", "extra", 1));
    assertThatThrownBy(() -> config.as(Source.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot bind config to " + Source.class.getName() + ": ")
        .hasMessageContaining("Unrecognized field \"extra\"");
    assertThatThrownBy(() -> Config.of(Map.of("path", "p", "limit", "ten", "mode", "FAST")).as(Source.class))
        .hasMessageStartingWith("cannot bind config to " + Source.class.getName() + ": ")
        .hasMessageContaining("ten");
  }

  @Test
  void configIsAnImmutableCopy() {
    Map<String, Object> source = new LinkedHashMap<>(Map.of("ids", new java.util.ArrayList<>(List.of(1))));
    Config config = Config.of(source);
    source.put("x", 1);
    assertThat(config.asMap()).containsOnlyKeys("ids");
    assertThatThrownBy(() -> config.asMap().put("y", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.getList("ids", Integer.class).add(3))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void emptyConfigIsAnEmptyMapping() {
    assertThat(Config.empty().asMap()).isEmpty();
    assertThat(Config.empty()).isEqualTo(Config.of(Map.of()));
  }

  @Test
  void listsWithNullElementsAreReturnedAsIs() {
    Config config = Config.of(Map.of("ids", Arrays.asList(1, null)));
    assertThat(config.getList("ids", Integer.class)).containsExactly(1, null);
  }
}
