package io.solidstream.api.pipeline;

/**
 * A typed reference to a value produced in a graph: a solid's output, a composite's input, or a
 * collected dynamic output. Wire it into inputs of the same Java type with {@code SolidNode.wire}.
 *
 * @param <T> the value's Java type
 */
public final class OutputHandle<T> {
  final GraphAssembler owner;
  final InputSource source;

  OutputHandle(GraphAssembler owner, InputSource source) {
    this.owner = owner;
    this.source = source;
  }

  /** Where the value comes from. */
  public InputSource source() {
    return source;
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
