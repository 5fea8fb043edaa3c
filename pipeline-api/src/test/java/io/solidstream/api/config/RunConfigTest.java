package io.solidstream.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {

  private static final String YAML =
      """
      solids:
        load:
          config:
            limit: 10
            ratio: 0.5
            big: 3000000000
            tags: [a, b]
          inputs:
            path: x.csv
      resources:
        db:
          config: {url: "jdbc:h2:mem", debug: true}
      """;

  @Test
  void parsesYamlFromAStringWithNaturalJavaTypes() {
    RunConfig config = RunConfig.fromYaml(YAML);
    assertThat(config.asMap())
        .isEqualTo(
            Map.of(
                "solids",
                Map.of(
                    "load",
                    Map.of(
                        "config", Map.of("limit", 10, "ratio", 0.5, "big", 3_000_000_000L, "tags", List.of("a", "b")),
                        "inputs", Map.of("path", "x.csv"))),
                "resources",
                Map.of("db", Map.of("config", Map.of("url", "jdbc:h2:mem", "debug", true)))));
  }

  @Test
  void parsesJsonFromAString() {
    RunConfig config = RunConfig.fromJson("{\"solids\": {\"load\": {\"config\": {\"limit\": 10}}}}");
    assertThat(config).isEqualTo(RunConfig.builder().solidConfig("load", Map.of("limit", 10)).build());
  }

  @Test
  void parsesYamlAndJsonFiles(@TempDir Path dir) throws IOException {
    Path yaml = Files.writeString(dir.resolve("run.yaml"), YAML);
    Path json = Files.writeString(dir.resolve("run.json"), RunConfig.fromYaml(YAML).toJson());
    assertThat(RunConfig.fromYaml(yaml)).isEqualTo(RunConfig.fromYaml(YAML));
    assertThat(RunConfig.fromJson(json)).isEqualTo(RunConfig.fromYaml(YAML));
  }

  @Test
  void blankOrNullDocumentsAreEmpty() {
    assertThat(RunConfig.fromYaml("  \n")).isEqualTo(RunConfig.empty());
    assertThat(RunConfig.fromYaml("# nothing yet\n")).isEqualTo(RunConfig.empty());
    assertThat(RunConfig.fromYaml("~")).isEqualTo(RunConfig.empty());
    assertThat(RunConfig.empty().isEmpty()).isTrue();
  }

  @Test
  void yamlSyntaxErrorNamesTheFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("broken.yaml"), "solids:\n  load:\n    config: [1, 2\n");
    assertThatThrownBy(() -> RunConfig.fromYaml(file))
        .isInstanceOfSatisfying(
            RunConfigParseException.class,
            e -> {
              assertThat(e.source()).isEqualTo(file.toString());
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.column()).isEqualTo(1);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Invalid run config in "
                          + file
                          + " at line 4, column 1: YAML syntax error: while parsing a flow sequence:"
                          + " expected ',' or ']', but got <stream end>");
            });
  }

  @Test
  void yamlIndentationErrorPointsAtTheOffendingLine() {
    assertThatThrownBy(() -> RunConfig.fromYaml("solids:\n  load: 1\n   bad: 2\n"))
        .isInstanceOf(RunConfigParseException.class)
        .hasMessageStartingWith("Invalid run config in <string> at line 3, column 7: YAML syntax error: ")
        .hasMessageContaining("mapping values are not allowed here");
  }

  @Test
  void jsonSyntaxErrorNamesLineAndColumn() {
    assertThatThrownBy(() -> RunConfig.fromJson("{\n  \"solids\": {,}\n}"))
        .isInstanceOf(RunConfigParseException.class)
        .hasMessageStartingWith("Invalid run config in <string> at line 2, column 14: JSON syntax error: ")
        .hasMessageContaining("Unexpected character (',' (code 44))");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThatThrownBy(() -> RunConfig.fromYaml("solids: {}\nsolids: {}\n"))
        .isInstanceOf(RunConfigParseException.class)
        .hasMessageContaining("at line 2")
        .hasMessageContaining("Duplicate field 'solids'");
  }

  @Test
  void topLevelValueMustBeAMapping() {
    assertThatThrownBy(() -> RunConfig.fromYaml("- a\n- b\n"))
        .isInstanceOf(RunConfigParseException.class)
        .hasMessage(
            "Invalid run config in <string> at line 1, column 1: the top-level value must be a mapping"
                + " (e.g. 'solids: ...'), but is a list");
    assertThatThrownBy(() -> RunConfig.fromJson("42"))
        .hasMessageEndingWith("but is a number");
  }

  @Test
  void multipleYamlDocumentsAreRejected() {
    assertThatThrownBy(() -> RunConfig.fromYaml("a: 1\n---\nb: 2\n"))
        .isInstanceOf(RunConfigParseException.class)
        .hasMessageContaining("only one YAML document is allowed");
  }

  @Test
  void missingFileIsAnUncheckedIoError(@TempDir Path dir) {
    assertThatThrownBy(() -> RunConfig.fromYaml(dir.resolve("nope.yaml")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("nope.yaml");
  }

  @Test
  void builderProducesTheConventionalLayout() {
    RunConfig config =
        RunConfig.builder()
            .solidConfig("load", Map.of("limit", 10))
            .solidInput("load", "path", "x.csv")
            .resourceConfig("db", Map.of("url", "jdbc:h2:mem"))
            .build();
    assertThat(config.toYaml())
        .isEqualTo(
            """
            solids:
              load:
                config:
                  limit: 10
                inputs:
                  path: x.csv
            resources:
              db:
                config:
                  url: jdbc:h2:mem
            """);
  }

  @Test
  void builderDoesNotModifyMapsPassedToPut() {
    Map<String, Object> solids = new HashMap<>(Map.of("other", Map.of("config", 1)));
    RunConfig config = RunConfig.builder().put("solids", solids).solidConfig("load", 2).build();
    assertThat(solids).containsOnlyKeys("other");
    assertThat(config.asMap().get("solids"))
        .isEqualTo(Map.of("other", Map.of("config", 1), "load", Map.of("config", 2)));
  }

  @Test
  void ofDeepCopiesIntoUnmodifiableCollections() {
    List<Object> tags = new ArrayList<>(List.of("a"));
    RunConfig config = RunConfig.of(Map.of("tags", tags));
    tags.add("b");
    assertThat(config.asMap()).isEqualTo(Map.of("tags", List.of("a")));
    assertThatThrownBy(() -> config.asMap().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> RunConfig.of(Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unsupported config value at x: java.lang.Object");
  }

  @Test
  void mergeIsDeepAndTheOtherConfigWins() {
    RunConfig base =
        RunConfig.builder()
            .solidConfig("load", Map.of("limit", 10, "tags", List.of("a")))
            .resourceConfig("db", Map.of("url", "u"))
            .build();
    RunConfig override =
        RunConfig.builder()
            .solidConfig("load", Map.of("limit", 20, "tags", List.of("b")))
            .solidInput("load", "path", "y.csv")
            .build();
    assertThat(base.merge(override))
        .isEqualTo(
            RunConfig.builder()
                .solidConfig("load", Map.of("limit", 20, "tags", List.of("b")))
                .solidInput("load", "path", "y.csv")
                .resourceConfig("db", Map.of("url", "u"))
                .build());
    assertThat(base.merge(RunConfig.empty())).isSameAs(base);
  }

  @Test
  void mergeReplacesEnvironmentSourcesWholeInsteadOfMixingThem() {
    RunConfig base = RunConfig.fromYaml("resources: {notifier: {config: {channel: {env: A, default: x}}}}");
    RunConfig override = RunConfig.fromYaml("resources: {notifier: {config: {channel: {env: B}}}}");

    assertThat(base.merge(override))
        .isEqualTo(RunConfig.fromYaml("resources: {notifier: {config: {channel: {env: B}}}}"));
    assertThat(override.merge(RunConfig.fromYaml("resources: {notifier: {config: {channel: '#ops'}}}")).asMap())
        .isEqualTo(RunConfig.fromYaml("resources: {notifier: {config: {channel: '#ops'}}}").asMap());
  }

  @Test
  void yamlRoundTripKeepsStringsThatLookLikeOtherTypes() {
    RunConfig config =
        RunConfig.of(Map.of("a", "10", "b", "true", "c", "null", "d", "", "e", "multi\nline"));
    assertThat(RunConfig.fromYaml(config.toYaml())).isEqualTo(config);
  }

  @Test
  void runConfigIsSerializable() throws Exception {
    RunConfig config = RunConfig.fromYaml(YAML);
    assertThat(roundTrip(config)).isEqualTo(config);
  }

  static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
