package io.solidstream.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SolidSelectionTest {

  /** Diamond: load feeds clean and enrich, which both feed report. */
  private static final Map<String, Set<String>> DIAMOND = ordered(
      "load", Set.of(),
      "clean", Set.of("load"),
      "enrich", Set.of("load"),
      "report", Set.of("clean", "enrich"));

  /** Chain: a -> b -> c -> d -> e. */
  private static final Map<String, Set<String>> CHAIN = ordered(
      "a", Set.of(),
      "b", Set.of("a"),
      "c", Set.of("b"),
      "d", Set.of("c"),
      "e", Set.of("d"));

  private static final Map<String, Set<String>> SMALL = ordered(
      "load", Set.of(),
      "clean", Set.of("load"),
      "report", Set.of("clean"));

  @ParameterizedTest(name = "diamond: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "load       | load",
        "*report    | load clean enrich report",
        "*clean     | load clean",
        "load*      | load clean enrich report",
        "clean*     | clean report",
        "*clean*    | load clean report",
        "+report    | clean enrich report",
        "++report   | load clean enrich report",
        "load+      | load clean enrich",
        "load++     | load clean enrich report",
        "+clean+    | load clean report",
        "enrich,clean | clean enrich",
        "report, +clean | load clean report",
      })
  void selectsOnDiamond(String expression, String expected) {
    assertThat(SolidSelection.select(expression, DIAMOND))
        .containsExactly(expected.split(" "));
  }

  @Test
  void resultFollowsPipelineOrder() {
    assertThat(SolidSelection.select("report,load", DIAMOND)).containsExactly("load", "report");
  }

  @ParameterizedTest(name = "chain: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "c       | c",
        "*c      | a b c",
        "c*      | c d e",
        "*c*     | a b c d e",
        "+c      | b c",
        "++c     | a b c",
        "+++c    | a b c",
        "c+      | c d",
        "c++     | c d e",
        "++d+    | b c d e",
        "+b,d+   | a b d e",
        "a,e     | a e",
      })
  void selectsOnChain(String expression, String expected) {
    assertThat(SolidSelection.select(expression, CHAIN)).containsExactly(expected.split(" "));
  }

  @Test
  void ignoresWhitespaceAroundClauses() {
    assertThat(SolidSelection.select("  a ,\tc+ , \n e ", CHAIN)).containsExactly("a", "c", "d", "e");
  }

  @Test
  void unionOfOverlappingClausesHasNoDuplicates() {
    assertThat(SolidSelection.select("*c,b*,c", CHAIN)).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void resultIsImmutable() {
    Set<String> selected = SolidSelection.select("a", CHAIN);
    assertThatThrownBy(() -> selected.add("b")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void ancestorsAndDescendants() {
    assertThat(SolidSelection.ancestors("report", DIAMOND)).containsExactly("load", "clean", "enrich");
    assertThat(SolidSelection.ancestors("load", DIAMOND)).isEmpty();
    assertThat(SolidSelection.descendants("load", DIAMOND)).containsExactly("clean", "enrich", "report");
    assertThat(SolidSelection.descendants("c", CHAIN)).containsExactly("d", "e");
  }

  @Test
  void unknownSolidSuggestsCloseName() {
    assertThatThrownBy(() -> SolidSelection.select("lod*", SMALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown solid 'lod' in selection 'lod*'; did you mean 'load'? "
                + "Solids of the pipeline: load, clean, report");
  }

  @Test
  void unknownSolidSuggestsTransposedName() {
    assertThatThrownBy(() -> SolidSelection.select("load, claen", SMALL))
        .hasMessage(
            "Unknown solid 'claen' in selection 'load, claen'; did you mean 'clean'? "
                + "Solids of the pipeline: load, clean, report");
  }

  @Test
  void unknownSolidWithoutCloseNameHasNoSuggestion() {
    assertThatThrownBy(() -> SolidSelection.select("+publish", SMALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown solid 'publish' in selection '+publish'. "
                + "Solids of the pipeline: load, clean, report");
  }

  @Test
  void unknownSolidInHelpers() {
    assertThatThrownBy(() -> SolidSelection.descendants("lod", SMALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown solid 'lod'; did you mean 'load'? Solids of the pipeline: load, clean, report");
  }

  @ParameterizedTest(name = "invalid clause {1} in [{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"     | \"\"",
        "\"   \"  | \"\"",
        "a,,b     | \"\"",
        "a,       | \"\"",
        "a*b      | a*b",
        "**a      | **a",
        "+*a      | +*a",
        "a*+      | a*+",
        "a+*      | a+*",
        "*        | *",
        "+        | +",
        "a b      | a b",
      })
  void rejectsMalformedClauses(String expression, String clause) {
    assertThatThrownBy(() -> SolidSelection.select(expression, CHAIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid solid selection clause '"
                + clause
                + "' in '"
                + expression
                + "': expected [*|+...]name[*|+...]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,,b", "**a"})
  void malformedClausesAreReportedBeforeUnknownSolids(String expression) {
    assertThatThrownBy(() -> SolidSelection.select(expression, SMALL))
        .hasMessageStartingWith("Invalid solid selection clause");
  }

  @Test
  void rejectsDependencyOnUnknownSolid() {
    Map<String, Set<String>> broken = ordered("load", Set.of(), "clean", Set.of("lod"));
    assertThatThrownBy(() -> SolidSelection.select("load", broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Solid 'clean' depends on 'lod', which is not a solid of the pipeline; "
                + "solids of the pipeline: load, clean");
  }

  private static Map<String, Set<String>> ordered(Object... namesAndDependencies) {
    Map<String, Set<String>> graph = new LinkedHashMap<>();
    for (int i = 0; i < namesAndDependencies.length; i += 2) {
      @SuppressWarnings("unchecked")
      Set<String> dependencies = (Set<String>) namesAndDependencies[i + 1];
      graph.put((String) namesAndDependencies[i], dependencies);
    }
    return graph;
  }
}
