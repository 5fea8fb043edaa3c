package io.solidstream.api.solid;

import io.solidstream.api.internal.Names;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.resource.ResourceKey;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A solid: a typed compute step with named inputs and outputs, a config schema, required
 * resources and a retry policy. Immutable and serializable.
 *
 * <pre>{@code
 * static final InputDef<Path> PATH = InputDef.of("path", Path.class);
 * static final OutputDef<List<Order>> ORDERS = OutputDef.of("orders", new TypeRef<>() {});
 *
 * static final SolidDefinition LOAD_ORDERS = SolidDefinition.builder("load_orders")
 *     .description("reads the orders CSV")
 *     .input(PATH)
 *     .config(ConfigType.shape().field("limit", ConfigType.integer(), 1000).build())
 *     .returning(ORDERS, (ctx, in) -> Csv.read(in.get(PATH), ctx.config().getInt("limit")))
 *     .build();
 * }</pre>
 */
public final class SolidDefinition implements NodeDefinition, Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String description;
  private final Map<String, String> tags;
  private final List<InputDef<?>> inputs;
  private final List<OutputDef<?>> outputs;
  private final ConfigType configSchema;
  private final List<ResourceKey<?>> requiredResources;
  private final RetryPolicy retryPolicy;
  private final ComputeFunction compute;
  private final Map<String, InputDef<?>> inputsByName;
  private final Map<String, OutputDef<?>> outputsByName;

  private SolidDefinition(Builder builder) {
    this.name = builder.name;
    this.description = builder.description;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tags));
    this.inputs = List.copyOf(builder.inputs);
    this.outputs = List.copyOf(builder.outputs);
    this.configSchema = builder.configSchema;
    this.requiredResources = List.copyOf(builder.requiredResources);
    this.retryPolicy = builder.retryPolicy;
    this.compute = builder.compute;
    Map<String, InputDef<?>> inputIndex = new LinkedHashMap<>();
    inputs.forEach(i -> inputIndex.put(i.name(), i));
    this.inputsByName = Collections.unmodifiableMap(inputIndex);
    Map<String, OutputDef<?>> outputIndex = new LinkedHashMap<>();
    outputs.forEach(o -> outputIndex.put(o.name(), o));
    this.outputsByName = Collections.unmodifiableMap(outputIndex);
  }

  /** A builder for a solid named {@code name} (letters, digits, {@code _}). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * A solid with one input and one output that applies {@code fn} to the input.
   *
   * <pre>{@code SolidDefinition.function("double_it", IN, OUT, x -> x * 2)}</pre>
   */
  public static <I, O> SolidDefinition function(
      String name, InputDef<I> input, OutputDef<O> output, SerializableFunction<? super I, ? extends O> fn) {
    Objects.requireNonNull(fn, "fn");
    return builder(name).input(input).returning(output, (ctx, in) -> fn.apply(in.get(input))).build();
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

  @Override
  public ConfigType configSchema() {
    return configSchema;
  }

  @Override
  public List<ResourceKey<?>> requiredResources() {
    return requiredResources;
  }

  @Override
  public Optional<InputDef<?>> input(String name) {
    return Optional.ofNullable(inputsByName.get(name));
  }

  @Override
  public Optional<OutputDef<?>> output(String name) {
    return Optional.ofNullable(outputsByName.get(name));
  }

  /** The retry policy; {@link RetryPolicy#none()} unless set. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The compute function. */
  public ComputeFunction compute() {
    return compute;
  }

  @Override
  public String toString() {
    return "solid '" + name + "'";
  }

  /** Builds a {@link SolidDefinition}; {@link #build()} validates. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<InputDef<?>> inputs = new ArrayList<>();
    private final List<OutputDef<?>> outputs = new ArrayList<>();
    private ConfigType configSchema;
    private final List<ResourceKey<?>> requiredResources = new ArrayList<>();
    private RetryPolicy retryPolicy = RetryPolicy.none();
    private ComputeFunction compute;

    private Builder(String name) {
      this.name = Names.check("solid", name);
    }

    /** A description for docs and the CLI. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /** Adds a tag. */
    public Builder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Declares an input. */
    public Builder input(InputDef<?> input) {
      inputs.add(Objects.requireNonNull(input, "input"));
      return this;
    }

    /** Declares an output. */
    public Builder output(OutputDef<?> output) {
      outputs.add(Objects.requireNonNull(output, "output"));
      return this;
    }

    /** The schema of {@code solids.<handle>.config}. */
    public Builder config(ConfigType schema) {
      if (configSchema != null) {
        throw new IllegalStateException(
            "Invalid solid '" + name + "': config schema was already set to " + configSchema);
      }
      this.configSchema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /** Declares resources the compute function reads with {@code ctx.resource(key)}. */
    public Builder requires(ResourceKey<?>... keys) {
      for (ResourceKey<?> key : keys) {
        requiredResources.add(Objects.requireNonNull(key, "key"));
      }
      return this;
    }

    /** How failed attempts are retried. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The compute function, which emits outputs through its context. */
    public Builder compute(ComputeFunction compute) {
      if (this.compute != null) {
        throw new IllegalStateException("Invalid solid '" + name + "': compute function was already set");
      }
      this.compute = Objects.requireNonNull(compute, "compute");
      return this;
    }

    /**
     * Declares {@code output} and a compute function whose return value is emitted on it.
     *
     * <p>If {@code output} is optional, returning {@code null} leaves it unemitted.
     */
    public <O> Builder returning(OutputDef<O> output, ValueFunction<? extends O> fn) {
      Objects.requireNonNull(fn, "fn");
      if (output.isDynamic()) {
        throw new IllegalArgumentException(
            "Invalid solid '" + name + "': returning(...) takes a non-dynamic output, but " + output
                + " is dynamic; emit its values with ctx.emit(output, mappingKey, value) in compute(...)");
      }
      output(output);
      boolean optional = output.isOptional();
      return compute(
          (ctx, in) -> {
            O value = fn.compute(ctx, in);
            if (value != null || !optional) {
              ctx.emit(output, value);
            }
          });
    }

    /** Validates and returns the immutable solid. */
    public SolidDefinition build() {
      List<String> problems = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (InputDef<?> input : inputs) {
        if (!names.add(input.name())) {
          problems.add("input '" + input.name() + "' is declared twice; give each input its own name");
        }
      }
      Set<String> outputNames = new HashSet<>();
      for (OutputDef<?> output : outputs) {
        if (!outputNames.add(output.name())) {
          problems.add("output '" + output.name() + "' is declared twice; give each output its own name");
        }
      }
      Set<String> resourceNames = new HashSet<>();
      for (ResourceKey<?> key : requiredResources) {
        if (!resourceNames.add(key.name())) {
          problems.add("resource '" + key.name() + "' is required twice");
        }
      }
      if (compute == null) {
        problems.add("no compute function; set one with compute(...) or returning(...)");
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("Invalid solid '" + name + "': " + String.join("; ", problems));
      }
      return new SolidDefinition(this);
    }
  }
}
