package io.solidstream.api.solid;

import java.io.Serializable;

/**
 * The compute code of a solid: reads inputs, emits outputs through the context.
 *
 * <p>It may throw; the step then fails (or is retried per the solid's {@link RetryPolicy}) and the
 * exception is kept as the cause of the failure.
 */
@FunctionalInterface
public interface ComputeFunction extends Serializable {

  /** Computes one step. */
  void compute(SolidContext context, Inputs inputs) throws Exception;
}
