package io.solidstream.api.pipeline;

import io.solidstream.api.resource.ResourceKey;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Code run after a step succeeds or fails, e.g. to send an alert.
 *
 * <p>Attach it to one solid with {@code SolidNode.hook(...)} or to every solid with
 * {@code PipelineBuilder.hook(...)}. A hook that throws does not change the step's outcome; the
 * error is reported as a {@code HookErrored} event.
 *
 * <pre>{@code
 * HookDefinition alert = HookDefinition.onFailure("alert", ctx ->
 *     ctx.resource(SLACK).post("step " + ctx.stepKey() + " failed: " + ctx.failure().orElseThrow()));
 * }</pre>
 */
public final class HookDefinition implements Serializable {
  private static final long serialVersionUID = 1L;

  /** When a hook runs. */
  public enum Trigger {
    /** After the step succeeded. */
    SUCCESS,
    /** After the step failed (all retries used up). */
    FAILURE
  }

  private final String name;
  private final Trigger trigger;
  private final HookFunction function;
  private final List<ResourceKey<?>> requiredResources;

  private HookDefinition(String name, Trigger trigger, HookFunction function, List<ResourceKey<?>> required) {
    this.name = Objects.requireNonNull(name, "name");
    this.trigger = trigger;
    this.function = Objects.requireNonNull(function, "function");
    this.requiredResources = List.copyOf(required);
  }

  /** A hook run after each successful step. */
  public static HookDefinition onSuccess(String name, HookFunction function) {
    return new HookDefinition(name, Trigger.SUCCESS, function, List.of());
  }

  /** A hook run after each failed step. */
  public static HookDefinition onFailure(String name, HookFunction function) {
    return new HookDefinition(name, Trigger.FAILURE, function, List.of());
  }

  /** A copy that declares resources the hook reads. */
  public HookDefinition requiring(ResourceKey<?>... keys) {
    return new HookDefinition(name, trigger, function, List.of(keys));
  }

  public String name() {
    return name;
  }

  public Trigger trigger() {
    return trigger;
  }

  public HookFunction function() {
    return function;
  }

  public List<ResourceKey<?>> requiredResources() {
    return requiredResources;
  }

  @Override
  public String toString() {
    return "hook '" + name + "' (on " + trigger.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
