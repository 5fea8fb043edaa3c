package io.solidstream.api.pipeline;

import io.solidstream.api.config.Config;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.NodeDefinition;
import io.solidstream.api.solid.OutputDef;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A sub-graph of solids used as one solid: it has inputs and outputs of its own, mapped to inputs
 * and outputs of inner solids, and optionally a config of its own mapped onto its inner solids.
 *
 * <pre>{@code
 * CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("ingest")
 *     .input(PATH).output(CLEAN_ROWS)
 *     .config(ConfigType.shape().field("limit", ConfigType.integer()).build(),
 *         cfg -> Map.of("load", Map.of("config", Map.of("limit", cfg.getInt("limit")))));
 * SolidNode load = c.add(LOAD).wire(LOAD_PATH, c.from(PATH));
 * SolidNode clean = c.add(CLEAN).wire(CLEAN_IN, load.output(ROWS));
 * CompositeSolidDefinition ingest = c.mapOutput(CLEAN_ROWS, clean.output(CLEANED)).build();
 * }</pre>
 *
 * <p>Inner solids get handles prefixed with the composite's, e.g. {@code ingest.load}. Without a
 * config mapping, inner solids are configured under {@code solids.ingest.solids.load.config};
 * with one, under {@code solids.ingest.config}, and the mapping returns the inner {@code solids}
 * section ({@code {load: {config: {...}}}}).
 */
public final class CompositeSolidDefinition implements NodeDefinition, Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String description;
  private final Map<String, String> tags;
  private final List<InputDef<?>> inputs;
  private final List<OutputDef<?>> outputs;
  private final ConfigType configSchema;
  private final SerializableFunction<Config, Map<String, Object>> configMapping;
  private final List<SolidInvocation> solids;
  private final Map<String, InputSource> outputMappings;
  private final List<ResourceKey<?>> requiredResources;

  private CompositeSolidDefinition(Builder builder, List<SolidInvocation> solids) {
    this.name = builder.name;
    this.description = builder.description;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tags));
    this.inputs = List.copyOf(builder.inputs);
    this.outputs = List.copyOf(builder.outputs);
    this.configSchema = builder.configSchema;
    this.configMapping = builder.configMapping;
    this.solids = List.copyOf(solids);
    this.outputMappings = Collections.unmodifiableMap(new LinkedHashMap<>(builder.outputMappings));
    Set<ResourceKey<?>> required = new LinkedHashSet<>();
    for (SolidInvocation solid : solids) {
      required.addAll(solid.definition().requiredResources());
    }
    this.requiredResources = List.copyOf(required);
  }

  /** A builder for a composite named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Map<String, String> tags() {
    return tags;
  }

  @Override
  public List<InputDef<?>> inputs() {
    return inputs;
  }

  @Override
  public List<OutputDef<?>> outputs() {
    return outputs;
  }

  /** The composite's own config schema, or {@code null} if its inner solids are configured directly. */
  @Override
  public ConfigType configSchema() {
    return configSchema;
  }

  /** Maps the composite's config to its inner {@code solids} section; {@code null} without config. */
  public SerializableFunction<Config, Map<String, Object>> configMapping() {
    return configMapping;
  }

  /** The inner solid invocations. */
  public List<SolidInvocation> solids() {
    return solids;
  }

  /** Where each output of the composite comes from. */
  public Map<String, InputSource> outputMappings() {
    return outputMappings;
  }

  @Override
  public List<ResourceKey<?>> requiredResources() {
    return requiredResources;
  }

  @Override
  public String toString() {
    return "composite solid '" + name + "'";
  }

  /** Builds a {@link CompositeSolidDefinition}; {@link #build()} validates. */
  public static final class Builder {
    private final String name;
    private final GraphAssembler graph;
    private String description = "";
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<InputDef<?>> inputs = new ArrayList<>();
    private final List<OutputDef<?>> outputs = new ArrayList<>();
    private final Map<String, InputSource> outputMappings = new LinkedHashMap<>();
    private ConfigType configSchema;
    private SerializableFunction<Config, Map<String, Object>> configMapping;

    private Builder(String name) {
      this.name = GraphAssembler.checkName("composite solid", name);
      this.graph = new GraphAssembler("composite solid", name);
    }

    /** A description. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /** Adds a tag. */
    public Builder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Declares an input of the composite; feed it to inner solids with {@link #from}. */
    public Builder input(InputDef<?> input) {
      graph.declareGraphInput(Objects.requireNonNull(input, "input"));
      inputs.add(input);
      return this;
    }

    /** Declares an output of the composite; map it with {@link #mapOutput}. */
    public Builder output(OutputDef<?> output) {
      Objects.requireNonNull(output, "output");
      if (output.isDynamic()) {
        throw graph.invalid(output + " cannot be an output of a composite; only solids emit dynamic outputs");
      }
      if (outputs.stream().anyMatch(o -> o.name().equals(output.name()))) {
        throw graph.invalid("output '" + output.name() + "' is declared twice; give each output its own name");
      }
      outputs.add(output);
      return this;
    }

    /** A handle to the composite's input, to wire into inner solids. */
    public <T> OutputHandle<T> from(InputDef<T> input) {
      if (graph.graphInput(input.name()).isEmpty()) {
        throw graph.invalid("input '" + input.name() + "' is not declared; declare it with input(...) first");
      }
      return new OutputHandle<>(graph, new InputSource.FromGraphInput(input.name()));
    }

    /** Adds an inner solid named after its definition. */
    public SolidNode add(NodeDefinition definition) {
      return graph.add(definition, definition.name());
    }

    /** Adds an inner solid under {@code alias}. */
    public SolidNode add(NodeDefinition definition, String alias) {
      return graph.add(definition, alias);
    }

    /** Makes {@code from} the value of the composite's output {@code output}. */
    public <T> Builder mapOutput(OutputDef<T> output, OutputHandle<? extends T> from) {
      graph.checkOwned(from.owner, "mapOutput(" + output.name() + ", ...)");
      if (outputs.stream().noneMatch(o -> o.name().equals(output.name()))) {
        throw graph.invalid("output '" + output.name() + "' is not declared; declare it with output(...) first");
      }
      if (outputMappings.putIfAbsent(output.name(), from.source) != null) {
        throw graph.invalid("output '" + output.name() + "' is already mapped to " + outputMappings.get(output.name()));
      }
      return this;
    }

    /**
     * Gives the composite a config of its own; {@code mapping} turns it into the inner
     * {@code solids} section, e.g. {@code {load: {config: {limit: 10}}}}, which is then validated
     * against the inner solids' schemas.
     */
    public Builder config(ConfigType schema, SerializableFunction<Config, Map<String, Object>> mapping) {
      if (configSchema != null) {
        throw new IllegalStateException(
            "Invalid composite solid '" + name + "': config schema was already set to "
                + configSchema.displayName());
      }
      this.configSchema = Objects.requireNonNull(schema, "schema");
      this.configMapping = Objects.requireNonNull(mapping, "mapping");
      return this;
    }

    /**
     * Validates and freezes the composite.
     *
     * @throws InvalidPipelineException (message {@code Invalid composite solid '<name>': ...})
     */
    public CompositeSolidDefinition build() {
      List<String> problems = graph.validate(outputMappings, outputs);
      if (!problems.isEmpty()) {
        throw graph.invalid(problems);
      }
      return new CompositeSolidDefinition(this, graph.freeze());
    }
  }
}
