package io.solidstream.api.pipeline;

import io.solidstream.api.resource.ResourceKey;
import java.util.Optional;
import org.slf4j.Logger;

/** What a hook sees of the step it runs after. */
public interface HookContext {

  /** The id of the run. */
  String runId();

  /** The handle of the solid whose step finished. */
  String solidHandle();

  /** The key of the step that finished. */
  String stepKey();

  /** The hook's name. */
  String hookName();

  /** The exception that failed the step, for failure hooks. */
  Optional<Throwable> failure();

  /** A resource the hook declared with {@code HookDefinition.requiring}. */
  <T> T resource(ResourceKey<T> key);

  /** A logger for the hook. */
  Logger log();
}
