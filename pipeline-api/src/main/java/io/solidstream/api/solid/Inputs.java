package io.solidstream.api.solid;

/** The input values of one step, read with the solid's {@link InputDef}s. */
public interface Inputs {

  /**
   * The value of {@code input}.
   *
   * @throws IllegalArgumentException if the solid has no such input, or an optional input is absent
   */
  <T> T get(InputDef<T> input);

  /** Whether {@code input} has a value (optional inputs may not). */
  boolean has(InputDef<?> input);

  /** The value of the input named {@code name}, untyped. */
  Object get(String name);
}
