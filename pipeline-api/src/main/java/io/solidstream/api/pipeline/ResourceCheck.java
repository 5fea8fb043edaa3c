package io.solidstream.api.pipeline;

import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.solid.SolidDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that every resource needed by solids, hooks and resources is provided with its type. */
final class ResourceCheck {
  private ResourceCheck() {}

  static List<String> check(
      List<SolidInvocation> solids, List<HookDefinition> hooks, Map<String, ResourceBinding> resources) {
    List<String> problems = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    checkInvocations("", solids, resources, problems, reported);
    for (HookDefinition hook : hooks) {
      for (ResourceKey<?> key : hook.requiredResources()) {
        checkKey(hook.toString(), key, resources, problems, reported);
      }
    }
    for (ResourceBinding binding : resources.values()) {
      for (ResourceKey<?> key : binding.definition().requiredResources()) {
        checkKey("resource '" + binding.key().name() + "'", key, resources, problems, reported);
      }
    }
    return problems;
  }

  private static void checkInvocations(
      String prefix,
      List<SolidInvocation> solids,
      Map<String, ResourceBinding> resources,
      List<String> problems,
      Set<String> reported) {
    for (SolidInvocation solid : solids) {
      String handle = prefix + solid.name();
      if (solid.definition() instanceof SolidDefinition definition) {
        for (ResourceKey<?> key : definition.requiredResources()) {
          checkKey("solid '" + handle + "'", key, resources, problems, reported);
        }
      } else if (solid.definition() instanceof CompositeSolidDefinition composite) {
        checkInvocations(handle + ".", composite.solids(), resources, problems, reported);
      }
      for (HookDefinition hook : solid.hooks()) {
        for (ResourceKey<?> key : hook.requiredResources()) {
          checkKey(hook + " of solid '" + handle + "'", key, resources, problems, reported);
        }
      }
    }
  }

  private static void checkKey(
      String who,
      ResourceKey<?> key,
      Map<String, ResourceBinding> resources,
      List<String> problems,
      Set<String> reported) {
    ResourceBinding binding = resources.get(key.name());
    if (binding == null) {
      if (reported.add(who + "/" + key.name())) {
        problems.add(
            who + " requires resource '" + key.name() + "' (" + key.type().getSimpleName()
                + ") but the pipeline provides none; add .resource(" + key.name()
                + "Key, ResourceDefinition.of(...)) to the pipeline builder");
      }
    } else if (!key.type().isAssignableFrom(binding.key().type())) {
      problems.add(
          who + " requires resource '" + key.name() + "' of type " + key.type().getName()
              + " but the pipeline provides it as " + binding.key().type().getName()
              + "; use one ResourceKey constant for both");
    }
  }
}
