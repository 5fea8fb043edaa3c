package io.solidstream.api.pipeline;

import io.solidstream.api.internal.Names;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.NodeDefinition;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.types.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The mutable state behind a pipeline or composite builder, and the structural validation of the
 * graph it builds. Shared by {@link PipelineBuilder} and {@link CompositeSolidDefinition.Builder}.
 */
final class GraphAssembler {

  /** Mutable state of one node while the graph is assembled. */
  static final class NodeState {
    final String name;
    final NodeDefinition definition;
    final LinkedHashMap<String, InputSource> inputs = new LinkedHashMap<>();
    final List<HookDefinition> hooks = new ArrayList<>();
    RetryPolicy retryPolicy;
    final Map<String, String> tags = new LinkedHashMap<>();

    NodeState(String name, NodeDefinition definition) {
      this.name = name;
      this.definition = definition;
    }
  }

  private final String kind;
  private final String ownerName;
  private final LinkedHashMap<String, NodeState> nodes = new LinkedHashMap<>();
  private final LinkedHashMap<String, InputDef<?>> graphInputs = new LinkedHashMap<>();

  GraphAssembler(String kind, String ownerName) {
    this.kind = kind;
    this.ownerName = ownerName;
  }

  static String checkName(String what, String name) {
    return Names.check(what, name);
  }

  InvalidPipelineException invalid(String problem) {
    return new InvalidPipelineException(kind, ownerName, List.of(problem));
  }

  InvalidPipelineException invalid(List<String> problems) {
    return new InvalidPipelineException(kind, ownerName, problems);
  }

  SolidNode add(NodeDefinition definition, String alias) {
    Objects.requireNonNull(definition, "definition");
    String name = alias;
    if (name == null || !Names.NAME.matcher(name).matches()) {
      throw invalid(
          "solid name '" + name + "' is invalid: use letters, digits and '_', not starting with a digit"
              + " (e.g. 'load_orders')");
    }
    if (nodes.containsKey(name)) {
      throw invalid(
          "solid name '" + name + "' is used twice; give the second use an alias, e.g. add("
              + definition.name() + "Def, \"" + name + "_2\")");
    }
    nodes.put(name, new NodeState(name, definition));
    return new SolidNode(this, name, definition);
  }

  void declareGraphInput(InputDef<?> input) {
    if (graphInputs.putIfAbsent(input.name(), input) != null) {
      throw invalid("input '" + input.name() + "' is declared twice; give each input its own name");
    }
  }

  Optional<InputDef<?>> graphInput(String name) {
    return Optional.ofNullable(graphInputs.get(name));
  }

  NodeState node(String name) {
    NodeState node = nodes.get(name);
    if (node == null) {
      throw new IllegalStateException("no node '" + name + "' in " + kind + " '" + ownerName + "'");
    }
    return node;
  }

  void checkOwned(GraphAssembler other, String what) {
    if (other != this) {
      throw invalid(
          what + " uses a handle of " + other.kind + " '" + other.ownerName + "'; wire only handles"
              + " of solids added to this " + kind);
    }
  }

  void wire(String nodeName, InputDef<?> input, InputSource source) {
    NodeState node = node(nodeName);
    Optional<InputDef<?>> own = node.definition.input(input.name());
    if (own.isEmpty()) {
      throw invalid(
          "solid '" + nodeName + "' has no input '" + input.name() + "'; its inputs: "
              + SolidNode.names(node.definition.inputs().stream().map(InputDef::name).toList()));
    }
    InputSource previous = node.inputs.putIfAbsent(input.name(), source);
    if (previous != null) {
      throw invalid(
          "input '" + input.name() + "' of solid '" + nodeName + "' is already wired to " + previous
              + "; an input takes one source (for fan-in declare it with InputDef.list(...) and use"
              + " wireAll(...))");
    }
  }

  List<SolidInvocation> freeze() {
    List<SolidInvocation> result = new ArrayList<>();
    for (NodeState node : nodes.values()) {
      result.add(
          new SolidInvocation(
              node.name, node.definition, node.inputs, node.hooks, node.retryPolicy, node.tags));
    }
    return result;
  }

  /** Every structural problem of the graph; {@code outputMappings} is empty for pipelines. */
  List<String> validate(Map<String, InputSource> outputMappings, List<OutputDef<?>> graphOutputs) {
    List<String> problems = new ArrayList<>();
    if (nodes.isEmpty()) {
      problems.add("it has no solids; add one with add(solidDefinition)");
      return problems;
    }
    for (NodeState node : nodes.values()) {
      for (InputDef<?> input : node.definition.inputs()) {
        InputSource source = node.inputs.get(input.name());
        String where = "input '" + input.name() + "' of solid '" + node.name + "'";
        if (source == null) {
          if (input.mustBeWired()) {
            problems.add(
                where + " is not wired; wire it with .wire(" + input.name()
                    + "Input, upstream.output(...)), or declare it optional(), withDefault(...) or"
                    + " fromConfig()");
          }
          continue;
        }
        checkSource(where, input.type(), source, problems);
      }
    }
    for (OutputDef<?> output : graphOutputs) {
      InputSource source = outputMappings.get(output.name());
      String where = "output '" + output.name() + "'";
      if (source == null) {
        problems.add(where + " is not mapped; map it with mapOutput(" + output.name() + "Output, inner.output(...))");
        continue;
      }
      checkSource(where, output.type(), source, problems);
    }
    // Cycles are found from the wiring alone, so they are reported together with other problems.
    List<String> cycle = findCycle();
    if (!cycle.isEmpty()) {
      problems.add(
          "cycle " + String.join(" -> ", cycle) + "; a solid cannot depend on its own output,"
              + " directly or through others: remove one of these wires");
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    checkDynamicScopes(outputMappings, problems);
    return problems;
  }

  private void checkSource(String where, DataType<?> expected, InputSource source, List<String> problems) {
    if (source instanceof InputSource.FromOutput from) {
        OutputDef<?> output = resolveOutput(where, from.solid(), from.output(), problems);
        if (output == null) {
          return;
        }
        if (output.isDynamic()) {
          problems.add(
              where + " is wired to dynamic output " + from + "; map the solid over it with"
                  + " dynamicOutput(...).map(...), or gather its values with collect()");
        } else if (!expected.isAssignableFrom(output.type())) {
          problems.add(mismatch(where, expected, from + " produces", output.type()));
        }
    } else if (source instanceof InputSource.FromGraphInput from) {
        InputDef<?> input = graphInputs.get(from.input());
        if (input == null) {
          problems.add(where + " is wired to unknown " + from + "; declare it with input(...)");
        } else if (!expected.isAssignableFrom(input.type())) {
          problems.add(mismatch(where, expected, from + " is", input.type()));
        }
    } else if (source instanceof InputSource.FanIn fanIn) {
        if (!java.util.Collection.class.isAssignableFrom(expected.rawClass())) {
          problems.add(
              where + " takes " + expected.name() + ", not a list, so it cannot fan in "
                  + fanIn.sources().size() + " outputs; declare it with InputDef.list(name, elementType)");
          return;
        }
        for (InputSource element : fanIn.sources()) {
          DataType<?> type = elementType(where, element, problems);
          if (type != null && !expected.acceptsElement(type)) {
            problems.add(mismatch(where, expected, "fan-in element " + element + " is", type)
                + " (a fan-in input takes a list of its elements' type)");
          }
        }
    } else if (source instanceof InputSource.DynamicItem item) {
        OutputDef<?> output = resolveOutput(where, item.solid(), item.output(), problems);
        if (output == null) {
          return;
        }
        if (!output.isDynamic()) {
          problems.add(where + " is mapped over " + item.solid() + "." + item.output() + ", which is not dynamic");
        } else if (!expected.isAssignableFrom(output.type())) {
          problems.add(mismatch(where, expected, "each value of " + item.solid() + "." + item.output() + " is", output.type()));
        }
    } else if (source instanceof InputSource.Collect collect) {
        OutputDef<?> output = resolveOutput(where, collect.solid(), collect.output(), problems);
        if (output != null && !expected.acceptsElement(output.type())) {
          problems.add(mismatch(where, expected, collect + " is a list of", output.type()));
        }
    }
  }

  private DataType<?> elementType(String where, InputSource element, List<String> problems) {
    if (element instanceof InputSource.FromOutput from) {
      OutputDef<?> output = resolveOutput(where, from.solid(), from.output(), problems);
      if (output != null && output.isDynamic()) {
        problems.add(where + " fans in dynamic output " + from + "; use collect() instead");
        return null;
      }
      return output == null ? null : output.type();
    }
    if (element instanceof InputSource.FromGraphInput from) {
      InputDef<?> input = graphInputs.get(from.input());
      if (input == null) {
        problems.add(where + " fans in unknown " + from);
        return null;
      }
      return input.type();
    }
    problems.add(where + " fans in " + element + "; fan-in takes plain outputs only");
    return null;
  }

  private OutputDef<?> resolveOutput(String where, String solid, String outputName, List<String> problems) {
    NodeState upstream = nodes.get(solid);
    if (upstream == null) {
      problems.add(
          where + " is wired to unknown solid '" + solid + "'; solids of this " + kind + ": "
              + String.join(", ", nodes.keySet()));
      return null;
    }
    Optional<OutputDef<?>> output = upstream.definition.output(outputName);
    if (output.isEmpty()) {
      problems.add(
          where + " is wired to unknown output '" + outputName + "' of solid '" + solid
              + "'; its outputs: "
              + SolidNode.names(upstream.definition.outputs().stream().map(OutputDef::name).toList()));
      return null;
    }
    return output.get();
  }

  private static String mismatch(String where, DataType<?> expected, String what, DataType<?> actual) {
    return "type mismatch: " + where + " expects " + expected.name() + " (" + expected.javaTypeName()
        + ") but " + what + " " + actual.name() + " (" + actual.javaTypeName() + ")";
  }

  /** The solids each node depends on directly. */
  Map<String, Set<String>> dependencies() {
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    for (NodeState node : nodes.values()) {
      Set<String> upstream = new LinkedHashSet<>();
      for (InputSource source : node.inputs.values()) {
        upstream.addAll(source.solids());
      }
      deps.put(node.name, upstream);
    }
    return deps;
  }

  private List<String> findCycle() {
    Map<String, Set<String>> deps = dependencies();
    Map<String, Integer> state = new HashMap<>();
    List<String> stack = new ArrayList<>();
    for (String start : deps.keySet()) {
      List<String> cycle = visit(start, deps, state, stack);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  private static List<String> visit(
      String node, Map<String, Set<String>> deps, Map<String, Integer> state, List<String> stack) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return List.of();
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(node), stack.size()));
      cycle.add(node);
      java.util.Collections.reverse(cycle);
      return cycle;
    }
    state.put(node, 1);
    stack.add(node);
    for (String upstream : deps.getOrDefault(node, Set.of())) {
      List<String> cycle = visit(upstream, deps, state, stack);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    stack.remove(stack.size() - 1);
    state.put(node, 2);
    return List.of();
  }

  /**
   * Checks that values of a dynamic output are only used by solids mapped over it, and leave the
   * mapping only through collect().
   */
  private void checkDynamicScopes(Map<String, InputSource> outputMappings, List<String> problems) {
    Map<String, String> scopes = new HashMap<>();
    Map<String, Set<String>> deps = dependencies();
    Set<String> done = new HashSet<>();
    List<String> order = new ArrayList<>();
    for (String node : deps.keySet()) {
      topo(node, deps, done, order);
    }
    for (String name : order) {
      NodeState node = nodes.get(name);
      Set<String> found = new LinkedHashSet<>();
      for (Map.Entry<String, InputSource> entry : node.inputs.entrySet()) {
        String where = "input '" + entry.getKey() + "' of solid '" + name + "'";
        String scope = scopeOf(where, entry.getValue(), scopes, problems);
        if (scope != null) {
          found.add(scope);
        }
      }
      if (found.size() > 1) {
        problems.add(
            "solid '" + name + "' takes values of two dynamic outputs (" + String.join(", ", found)
                + "); a solid can be mapped over one dynamic output only");
      }
      String scope = found.isEmpty() ? null : found.iterator().next();
      if (scope != null && node.definition.outputs().stream().anyMatch(OutputDef::isDynamic)) {
        problems.add(
            "solid '" + name + "' is mapped over " + scope + " and has a dynamic output itself;"
                + " nested dynamic mapping is not supported, collect() first");
      }
      scopes.put(name, scope);
    }
    for (Map.Entry<String, InputSource> mapping : outputMappings.entrySet()) {
      String where = "output '" + mapping.getKey() + "'";
      String scope = scopeOf(where, mapping.getValue(), scopes, problems);
      if (scope != null) {
        problems.add(where + " is mapped from a solid mapped over " + scope + "; use collect()");
      }
    }
  }

  private String scopeOf(String where, InputSource source, Map<String, String> scopes, List<String> problems) {
    if (source instanceof InputSource.FromOutput from) {
      return scopes.get(from.solid());
    }
    if (source instanceof InputSource.DynamicItem item) {
        String upstream = scopes.get(item.solid());
        if (upstream != null) {
          problems.add(where + " maps over " + item + " inside the mapping over " + upstream
              + "; nested dynamic mapping is not supported");
        }
      return item.solid() + "." + item.output();
    }
    if (source instanceof InputSource.Collect collect) {
        boolean dynamicOutput =
            nodes.get(collect.solid()).definition.output(collect.output()).map(OutputDef::isDynamic).orElse(false);
        if (!dynamicOutput && scopes.get(collect.solid()) == null) {
          problems.add(where + " collects " + collect.solid() + "." + collect.output() + ", but solid '"
              + collect.solid() + "' is not mapped over a dynamic output; wire output(...) instead");
        }
      return null;
    }
    if (source instanceof InputSource.FanIn fanIn) {
        for (InputSource element : fanIn.sources()) {
          String scope = scopeOf(where, element, scopes, problems);
          if (scope != null) {
            problems.add(where + " fans in " + element + ", a solid mapped over " + scope
                + "; use collect() to gather the mapped values");
          }
        }
    }
    return null;
  }

  private static void topo(String node, Map<String, Set<String>> deps, Set<String> done, List<String> order) {
    if (!done.add(node)) {
      return;
    }
    for (String upstream : deps.getOrDefault(node, Set.of())) {
      if (deps.containsKey(upstream)) {
        topo(upstream, deps, done, order);
      }
    }
    order.add(node);
  }
}
