package io.solidstream.api.run;

import io.solidstream.api.config.EnvironmentLookup;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEventListener;
import io.solidstream.api.resource.ResourceKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run besides the pipeline: run config, solid selection, replacement resources, event
 * listeners, tags and run id. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * RunRequest.builder()
 *     .runConfig(RunConfig.fromYaml(Path.of("etl.yaml")))
 *     .selection("*aggregate")
 *     .resource(WAREHOUSE, new InMemoryWarehouse())   // a plain object replaces the definition
 *     .listener(event -> log.info(event.message()))
 *     .tag("team", "data")
 *     .outputStorage(storage)                         // keeps step outputs for re-execution
 *     .build();
 * }</pre>
 */
public final class RunRequest {
  private static final RunRequest DEFAULTS = builder().build();

  private final RunConfig runConfig;
  private final String selection;
  private final Map<String, Object> resources;
  private final List<RunEventListener> listeners;
  private final Map<String, String> tags;
  private final String runId;
  private final EnvironmentLookup environment;
  private final OutputStorage outputStorage;
  private final ParentOutputs parentOutputs;

  private RunRequest(Builder builder) {
    this.runConfig = builder.runConfig;
    this.selection = builder.selection;
    this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(builder.resources));
    this.listeners = List.copyOf(builder.listeners);
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tags));
    this.runId = builder.runId;
    this.environment = builder.environment;
    this.outputStorage = builder.outputStorage;
    this.parentOutputs = builder.parentOutputs;
  }

  /** An empty run config, every solid, no listeners. */
  public static RunRequest defaults() {
    return DEFAULTS;
  }

  /** A request with this run config. */
  public static RunRequest of(RunConfig runConfig) {
    return builder().runConfig(runConfig).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.runConfig = runConfig;
    builder.selection = selection;
    builder.resources.putAll(resources);
    builder.listeners.addAll(listeners);
    builder.tags.putAll(tags);
    builder.runId = runId;
    builder.environment = environment;
    builder.outputStorage = outputStorage;
    builder.parentOutputs = parentOutputs;
    return builder;
  }

  public RunConfig runConfig() {
    return runConfig;
  }

  /** The solid selection, e.g. {@code *aggregate,report}; empty for all solids. */
  public Optional<String> selection() {
    return Optional.ofNullable(selection);
  }

  /** Replacement resources by key name: used as-is instead of opening the definition. */
  public Map<String, Object> resources() {
    return resources;
  }

  public List<RunEventListener> listeners() {
    return listeners;
  }

  public Map<String, String> tags() {
    return tags;
  }

  /** The run id to use; empty for a random one. */
  public Optional<String> runId() {
    return Optional.ofNullable(runId);
  }

  /** Where {@code {env: NAME}} config values are read from. */
  public EnvironmentLookup environment() {
    return environment;
  }

  /** Where the outputs of succeeded steps are stored (and a re-execution loads its parent's); empty for nowhere. */
  public Optional<OutputStorage> outputStorage() {
    return Optional.ofNullable(outputStorage);
  }

  /** The parent run and the steps to run, if this run re-executes another one. */
  public Optional<ParentOutputs> parentOutputs() {
    return Optional.ofNullable(parentOutputs);
  }

  /** Builds a {@link RunRequest}. */
  public static final class Builder {
    private RunConfig runConfig = RunConfig.empty();
    private String selection;
    private final Map<String, Object> resources = new LinkedHashMap<>();
    private final List<RunEventListener> listeners = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String runId;
    private EnvironmentLookup environment = EnvironmentLookup.system();
    private OutputStorage outputStorage;
    private ParentOutputs parentOutputs;

    private Builder() {}

    /** The run config. */
    public Builder runConfig(RunConfig runConfig) {
      this.runConfig = Objects.requireNonNull(runConfig, "runConfig");
      return this;
    }

    /** Runs only the selected solids, in Dagster's syntax ({@code *a}, {@code a+}, {@code a,b}). */
    public Builder selection(String selection) {
      this.selection = Objects.requireNonNull(selection, "selection");
      return this;
    }

    /**
     * Uses {@code resource} for {@code key} instead of opening the pipeline's definition. The
     * runtime does not close it: the caller owns it.
     */
    public <T> Builder resource(ResourceKey<T> key, T resource) {
      Objects.requireNonNull(key, "key");
      if (!key.type().isInstance(resource)) {
        throw new IllegalArgumentException(
            "Replacement for resource '" + key.name() + "' must be a " + key.type().getName()
                + ", got " + (resource == null ? "null" : resource.getClass().getName()));
      }
      resources.put(key.name(), resource);
      return this;
    }

    /** Receives every event as it happens. */
    public Builder listener(RunEventListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Adds a run tag. */
    public Builder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Uses this run id instead of a random one. */
    public Builder runId(String runId) {
      this.runId = Objects.requireNonNull(runId, "runId");
      return this;
    }

    /** Where {@code {env: NAME}} config values are read from; the process environment by default. */
    public Builder environment(EnvironmentLookup environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Stores the outputs of every step that succeeds in {@code storage}, under the run's id (a
     * value that cannot be stored is reported as a warning event; the step still succeeds).
     */
    public Builder outputStorage(OutputStorage storage) {
      this.outputStorage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /**
     * Makes the run a re-execution: only the given steps run, the outputs they read of other
     * steps are loaded from the parent run in the {@link #outputStorage output storage}, which
     * must be set too.
     */
    public Builder parentOutputs(ParentOutputs parentOutputs) {
      this.parentOutputs = Objects.requireNonNull(parentOutputs, "parentOutputs");
      return this;
    }

    /** The immutable request. */
    public RunRequest build() {
      return new RunRequest(this);
    }
  }
}
