package io.solidstream.api.execution;

import io.solidstream.api.run.StepOutputKey;
import java.util.Map;

/**
 * The result of executing one step.
 *
 * @param success whether the step succeeded
 * @param outputs the emitted values in emission order (empty on failure)
 * @param failure the failure, a {@link io.solidstream.api.solid.UserCodeException} with the
 *     original exception as cause; {@code null} on success
 */
public record StepOutcome(boolean success, Map<StepOutputKey, Object> outputs, Throwable failure) {}
