package io.solidstream.api.execution;

import io.solidstream.api.config.Config;
import io.solidstream.api.pipeline.ResourceBinding;
import java.io.Serializable;

/**
 * A resource a run needs: its binding and validated config.
 *
 * @param binding the key and definition
 * @param config the validated {@code resources.<name>.config}
 */
public record ResourcePlan(ResourceBinding binding, Config config) implements Serializable {}
