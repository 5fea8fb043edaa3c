package io.solidstream.api.solid;

import java.io.Serializable;

/**
 * Compute code of a solid with one output, which returns the output's value.
 *
 * @param <O> the output's Java type
 */
@FunctionalInterface
public interface ValueFunction<O> extends Serializable {

  /** Computes the output value of one step. */
  O compute(SolidContext context, Inputs inputs) throws Exception;
}
