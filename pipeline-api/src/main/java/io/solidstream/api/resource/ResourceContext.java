package io.solidstream.api.resource;

import io.solidstream.api.config.Config;
import org.slf4j.Logger;

/** What a {@link ResourceFactory} sees when it opens a resource. */
public interface ResourceContext {

  /** The resource's validated config ({@code resources.<name>.config}). */
  Config config();

  /** Another resource this one declared in {@code ResourceDefinition.requiring}. */
  <T> T resource(ResourceKey<T> key);

  /** The id of the run that opens the resource. */
  String runId();

  /** A logger for the resource. */
  Logger log();
}
