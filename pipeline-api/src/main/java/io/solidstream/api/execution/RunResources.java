package io.solidstream.api.execution;

import io.solidstream.api.config.Config;
import io.solidstream.api.resource.ResourceCloser;
import io.solidstream.api.resource.ResourceContext;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources of one run: opened on first use (before the first step that needs them), closed
 * by {@link #closeAll()} in reverse order of opening. Replacement objects given in the run request
 * are used as they are and never closed. Thread-safe.
 */
public final class RunResources {
  private final Map<String, ResourcePlan> plans;
  private final Map<String, Object> replacements;
  private final String runId;
  private final Map<String, Object> open = new HashMap<>();
  private final List<String> openOrder = new ArrayList<>();
  private final Set<String> opening = new LinkedHashSet<>();

  /** Resources of run {@code runId}: {@code plans} to open, {@code replacements} to use as-is. */
  public RunResources(Map<String, ResourcePlan> plans, Map<String, Object> replacements, String runId) {
    this.plans = Map.copyOf(plans);
    this.replacements = Map.copyOf(replacements);
    this.runId = runId;
  }

  /**
   * The resource for {@code key}, opening it (and the resources it requires) if needed.
   *
   * @throws IllegalStateException if opening fails, with the resource name; the cause is kept
   */
  public synchronized <T> T get(ResourceKey<T> key) {
    Object replacement = replacements.get(key.name());
    if (replacement != null) {
      return key.type().cast(replacement);
    }
    Object existing = open.get(key.name());
    if (existing != null) {
      return key.type().cast(existing);
    }
    ResourcePlan plan = plans.get(key.name());
    if (plan == null) {
      throw new IllegalStateException(
          "Resource '" + key.name() + "' is not part of this run; resources: " + plans.keySet());
    }
    if (!opening.add(key.name())) {
      throw new IllegalStateException("Resources require each other in a cycle: " + opening);
    }
    try {
      ResourceDefinition<?> definition = plan.binding().definition();
      Object resource;
      try {
        resource = definition.factory().open(new Context(key.name(), plan.config(), definition));
      } catch (Exception e) {
        throw new IllegalStateException(
            "Resource '" + key.name() + "' failed to open: " + e.getClass().getName() + ": " + e.getMessage(), e);
      }
      if (resource == null) {
        throw new IllegalStateException("Resource '" + key.name() + "' opened as null; its factory must return an object");
      }
      open.put(key.name(), resource);
      openOrder.add(key.name());
      return key.type().cast(resource);
    } finally {
      opening.remove(key.name());
    }
  }

  /** The names of the resources opened so far, in order. */
  public synchronized List<String> opened() {
    return List.copyOf(openOrder);
  }

  /**
   * Closes every opened resource in reverse order of opening; returns the failures (each one is
   * tried, none stops the others).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public synchronized Map<String, Throwable> closeAll() {
    Map<String, Throwable> failures = new java.util.LinkedHashMap<>();
    for (int i = openOrder.size() - 1; i >= 0; i--) {
      String name = openOrder.get(i);
      Object resource = open.remove(name);
      ResourceCloser closer = plans.get(name).binding().definition().closer();
      try {
        if (closer != null) {
          closer.close(resource);
        } else if (resource instanceof AutoCloseable closeable) {
          closeable.close();
        }
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        failures.put(name, e);
      }
    }
    openOrder.clear();
    return failures;
  }

  private final class Context implements ResourceContext {
    private final String name;
    private final Config config;
    private final ResourceDefinition<?> definition;

    Context(String name, Config config, ResourceDefinition<?> definition) {
      this.name = name;
      this.config = config;
      this.definition = definition;
    }

    @Override
    public Config config() {
      return config;
    }

    @Override
    public <T> T resource(ResourceKey<T> key) {
      boolean declared = definition.requiredResources().stream().anyMatch(k -> k.name().equals(key.name()));
      if (!declared) {
        throw new IllegalArgumentException(
            "Resource '" + name + "' did not declare resource '" + key.name() + "'; add it with requiring(...)");
      }
      return get(key);
    }

    @Override
    public String runId() {
      return runId;
    }

    @Override
    public Logger log() {
      return LoggerFactory.getLogger("io.solidstream.resource." + name);
    }
  }
}
