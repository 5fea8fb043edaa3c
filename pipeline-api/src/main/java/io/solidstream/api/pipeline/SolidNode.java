package io.solidstream.api.pipeline;

import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.NodeDefinition;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.RetryPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A solid (or composite) placed in a graph under a unique name; wire its inputs and take handles
 * to its outputs.
 *
 * <pre>{@code
 * SolidNode load = p.add(LOAD_ORDERS);
 * SolidNode report = p.add(REPORT).wire(REPORT_ORDERS, load.output(ORDERS));
 * }</pre>
 *
 * <p>Typed wiring only compiles when the output's Java type fits the input's; wiring by name
 * ({@link #wire(String, String, String)}) is checked when the pipeline is built.
 */
public final class SolidNode {
  private final GraphAssembler assembler;
  private final String name;
  private final NodeDefinition definition;

  SolidNode(GraphAssembler assembler, String name, NodeDefinition definition) {
    this.assembler = assembler;
    this.name = name;
    this.definition = definition;
  }

  GraphAssembler assembler() {
    return assembler;
  }

  /** The unique name of this use of the solid (its alias). */
  public String name() {
    return name;
  }

  /** The solid's definition. */
  public NodeDefinition definition() {
    return definition;
  }

  /** Feeds {@code from} into {@code input}. */
  public <T> SolidNode wire(InputDef<T> input, OutputHandle<? extends T> from) {
    Objects.requireNonNull(from, "from");
    assembler.checkOwned(from.owner, "wire(" + input.name() + ", ...)");
    assembler.wire(name, input, from.source);
    return this;
  }

  /** Fan-in: feeds a list of the values of {@code from}, in order, into {@code input}. */
  public <E> SolidNode wireAll(InputDef<List<E>> input, List<? extends OutputHandle<? extends E>> from) {
    List<InputSource> sources = new ArrayList<>();
    for (OutputHandle<? extends E> handle : from) {
      Objects.requireNonNull(handle, "from contains null");
      assembler.checkOwned(handle.owner, "wireAll(" + input.name() + ", ...)");
      sources.add(handle.source);
    }
    assembler.wire(name, input, new InputSource.FanIn(sources));
    return this;
  }

  /** Fan-in: feeds a list of the values of {@code from}, in order, into {@code input}. */
  @SafeVarargs
  public final <E> SolidNode wireAll(InputDef<List<E>> input, OutputHandle<? extends E>... from) {
    return wireAll(input, Arrays.asList(from));
  }

  /**
   * Feeds output {@code fromOutput} of solid {@code fromSolid} into the input named {@code input},
   * for graphs assembled from names (e.g. read from a file). Types are checked at build time.
   */
  public SolidNode wire(String input, String fromSolid, String fromOutput) {
    InputDef<?> def =
        definition
            .input(input)
            .orElseThrow(() -> assembler.invalid(
                "solid '" + name + "' has no input '" + input + "'; its inputs: "
                    + names(definition.inputs().stream().map(InputDef::name).toList())));
    assembler.wire(name, def, new InputSource.FromOutput(fromSolid, fromOutput));
    return this;
  }

  /** A handle to {@code output}, to wire into inputs of other solids. */
  public <T> OutputHandle<T> output(OutputDef<T> output) {
    OutputDef<?> own = ownOutput(output);
    if (own.isDynamic()) {
      throw assembler.invalid(
          output + " of solid '" + name + "' is dynamic; use dynamicOutput(...) and map(...) or collect()");
    }
    return new OutputHandle<>(assembler, new InputSource.FromOutput(name, output.name()));
  }

  /** A handle to the values of the dynamic {@code output}, to {@code map} a solid over. */
  public <T> DynamicHandle<T> dynamicOutput(OutputDef<T> output) {
    OutputDef<?> own = ownOutput(output);
    if (!own.isDynamic()) {
      throw assembler.invalid(
          output + " of solid '" + name + "' is not dynamic; use output(...), or declare it with"
              + " OutputDef.dynamic(...)");
    }
    return new DynamicHandle<>(assembler, name, output, true);
  }

  /**
   * The values of {@code output} across all runs of this solid when it is mapped over a dynamic
   * output, as one list (the same as {@code mapped(output).collect()}).
   */
  public <T> OutputHandle<List<T>> collect(OutputDef<T> output) {
    return mapped(output).collect();
  }

  /** The values of {@code output} of this mapped solid, to map further or collect. */
  public <T> DynamicHandle<T> mapped(OutputDef<T> output) {
    ownOutput(output);
    return new DynamicHandle<>(assembler, name, output, false);
  }

  /** Attaches a hook to this solid only. */
  public SolidNode hook(HookDefinition hook) {
    assembler.node(name).hooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /** Overrides the definition's retry policy for this use. */
  public SolidNode retryPolicy(RetryPolicy policy) {
    assembler.node(name).retryPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** Adds a tag to this use. */
  public SolidNode tag(String key, String value) {
    assembler.node(name).tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  private OutputDef<?> ownOutput(OutputDef<?> output) {
    Objects.requireNonNull(output, "output");
    return definition
        .output(output.name())
        .orElseThrow(() -> assembler.invalid(
            "solid '" + name + "' has no output '" + output.name() + "'; its outputs: "
                + names(definition.outputs().stream().map(OutputDef::name).toList())));
  }

  static String names(List<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }

  @Override
  public String toString() {
    return "solid '" + name + "'";
  }
}
