package io.solidstream.api.internal;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates Dagster's solid selection syntax against the dependency graph of a pipeline.
 *
 * <p>A selection is a comma-separated list of clauses; the result is the union of the clauses.
 * Whitespace around clauses is ignored. Each clause is a solid name with an optional prefix and an
 * optional suffix:
 *
 * <ul>
 *   <li>{@code a} selects solid {@code a};
 *   <li>{@code *a} also selects all ancestors of {@code a} (the solids it depends on, at any
 *       depth);
 *   <li>{@code +a}, {@code ++a}, ... also select ancestors up to one hop per {@code +};
 *   <li>{@code a*} also selects all descendants of {@code a} (the solids depending on it, at any
 *       depth);
 *   <li>{@code a+}, {@code a++}, ... also select descendants up to one hop per {@code +}.
 * </ul>
 *
 * <p>Prefix and suffix combine freely, e.g. {@code *a*} or {@code ++a+}. Example: {@code "a, b+"}.
 *
 * <p>The graph is given as a map from every solid name of the pipeline to the names of the solids
 * it directly depends on; the map's iteration order is the pipeline's order and is the order of the
 * returned sets.
 *
 * <p>This class is internal and not part of the Solidstream API.
 */
public final class SolidSelection {

  private static final Pattern CLAUSE = Pattern.compile("(\\*|\\++)?([^*+,\\s]+)(\\*|\\++)?");
  private static final String EXPECTED = "expected [*|+...]name[*|+...]";
  private static final int UNLIMITED = Integer.MAX_VALUE;
  private static final int MAX_LISTED_SOLIDS = 50;

  private SolidSelection() {}

  /**
   * Returns the solids selected by {@code expression}, in the order of {@code upstream}'s keys.
   *
   * @param expression a selection such as {@code "*load"}, {@code "clean+"} or {@code "a, ++b*"}
   * @param upstream every solid of the pipeline mapped to the solids it directly depends on
   * @return an immutable, non-empty set of solid names ordered like the keys of {@code upstream}
   * @throws IllegalArgumentException if the expression is malformed, names an unknown solid, or
   *     {@code upstream} names a dependency that is not one of its keys
   */
  public static Set<String> select(String expression, Map<String, Set<String>> upstream) {
    Objects.requireNonNull(expression, "expression");
    Map<String, Set<String>> downstream = invert(upstream);
    List<Matcher> clauses = new ArrayList<>();
    for (String rawClause : expression.split(",", -1)) {
      String clause = rawClause.strip();
      Matcher matcher = CLAUSE.matcher(clause);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            "Invalid solid selection clause '" + clause + "' in '" + expression + "': " + EXPECTED);
      }
      clauses.add(matcher);
    }
    Set<String> selected = new HashSet<>();
    for (Matcher clause : clauses) {
      String name = clause.group(2);
      if (!upstream.containsKey(name)) {
        throw new IllegalArgumentException(
            unknownSolidMessage(name, " in selection '" + expression + "'", upstream.keySet()));
      }
      selected.add(name);
      selected.addAll(reachable(name, upstream, hops(clause.group(1))));
      selected.addAll(reachable(name, downstream, hops(clause.group(3))));
    }
    return inPipelineOrder(selected, upstream);
  }

  /**
   * Returns all solids that {@code solid} depends on, directly or transitively.
   *
   * @param solid a solid of the pipeline
   * @param upstream every solid of the pipeline mapped to the solids it directly depends on
   * @return an immutable set, ordered like the keys of {@code upstream}, excluding {@code solid}
   * @throws IllegalArgumentException if {@code solid} is not a key of {@code upstream}, or {@code
   *     upstream} names a dependency that is not one of its keys
   */
  public static Set<String> ancestors(String solid, Map<String, Set<String>> upstream) {
    invert(upstream); // validates the graph
    requireKnown(solid, upstream);
    return inPipelineOrder(reachable(solid, upstream, UNLIMITED), upstream);
  }

  /**
   * Returns all solids that depend on {@code solid}, directly or transitively.
   *
   * @param solid a solid of the pipeline
   * @param upstream every solid of the pipeline mapped to the solids it directly depends on
   * @return an immutable set, ordered like the keys of {@code upstream}, excluding {@code solid}
   * @throws IllegalArgumentException if {@code solid} is not a key of {@code upstream}, or {@code
   *     upstream} names a dependency that is not one of its keys
   */
  public static Set<String> descendants(String solid, Map<String, Set<String>> upstream) {
    Map<String, Set<String>> downstream = invert(upstream);
    requireKnown(solid, upstream);
    return inPipelineOrder(reachable(solid, downstream, UNLIMITED), upstream);
  }

  /** Maps each solid to the solids that directly depend on it, validating the graph on the way. */
  private static Map<String, Set<String>> invert(Map<String, Set<String>> upstream) {
    Objects.requireNonNull(upstream, "upstream");
    Map<String, Set<String>> downstream = new HashMap<>();
    upstream.forEach(
        (solid, dependencies) -> {
          Objects.requireNonNull(dependencies, () -> "dependencies of solid '" + solid + "'");
          for (String dependency : dependencies) {
            if (!upstream.containsKey(dependency)) {
              throw new IllegalArgumentException(
                  "Solid '"
                      + solid
                      + "' depends on '"
                      + dependency
                      + "', which is not a solid of the pipeline; solids of the pipeline: "
                      + listSolids(upstream.keySet()));
            }
            downstream.computeIfAbsent(dependency, d -> new HashSet<>()).add(solid);
          }
        });
    return downstream;
  }

  private static void requireKnown(String solid, Map<String, Set<String>> upstream) {
    Objects.requireNonNull(solid, "solid");
    if (!upstream.containsKey(solid)) {
      throw new IllegalArgumentException(unknownSolidMessage(solid, "", upstream.keySet()));
    }
  }

  /** Number of hops denoted by a prefix or suffix: none, {@code *} (unlimited) or {@code +...}. */
  private static int hops(String modifier) {
    if (modifier == null) {
      return 0;
    }
    return modifier.equals("*") ? UNLIMITED : modifier.length();
  }

  /** Solids reachable from {@code start} in at most {@code maxHops} edges, excluding start. */
  private static Set<String> reachable(String start, Map<String, Set<String>> edges, int maxHops) {
    Set<String> seen = new HashSet<>();
    Queue<String> frontier = new ArrayDeque<>(List.of(start));
    for (int hop = 0; hop < maxHops && !frontier.isEmpty(); hop++) {
      Queue<String> next = new ArrayDeque<>();
      for (String solid : frontier) {
        for (String neighbour : edges.getOrDefault(solid, Set.of())) {
          if (!neighbour.equals(start) && seen.add(neighbour)) {
            next.add(neighbour);
          }
        }
      }
      frontier = next;
    }
    return seen;
  }

  private static Set<String> inPipelineOrder(
      Set<String> solids, Map<String, Set<String>> upstream) {
    ImmutableSet.Builder<String> ordered = ImmutableSet.builder();
    for (String solid : upstream.keySet()) {
      if (solids.contains(solid)) {
        ordered.add(solid);
      }
    }
    return ordered.build();
  }

  private static String unknownSolidMessage(String name, String context, Set<String> solids) {
    return "Unknown solid '"
        + name
        + "'"
        + context
        + Suggestions.closest(name, solids).map(s -> "; did you mean '" + s + "'?").orElse(".")
        + " Solids of the pipeline: "
        + listSolids(solids);
  }

  private static String listSolids(Set<String> solids) {
    if (solids.isEmpty()) {
      return "(none)";
    }
    StringBuilder text = new StringBuilder();
    int listed = 0;
    for (String solid : solids) {
      if (listed == MAX_LISTED_SOLIDS) {
        return text.append(", ... (").append(solids.size() - listed).append(" more)").toString();
      }
      if (listed > 0) {
        text.append(", ");
      }
      text.append(solid);
      listed++;
    }
    return text.toString();
  }
}
