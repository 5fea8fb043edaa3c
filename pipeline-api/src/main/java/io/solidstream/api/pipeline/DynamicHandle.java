package io.solidstream.api.pipeline;

import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import java.util.List;

/**
 * The values of a dynamic output, one per mapping key, known only at run time.
 *
 * <p>{@link #map} runs a solid once per value; {@link #collect()} gathers the values (or the mapped
 * solid's results) back into one list:
 *
 * <pre>{@code
 * DynamicHandle<Path> files = p.add(LIST_FILES).dynamicOutput(FILES);
 * DynamicHandle<Long> sizes = files.map(p.add(MEASURE), MEASURE_PATH, MEASURE_SIZE);
 * p.add(TOTAL).wire(TOTAL_SIZES, sizes.collect());
 * }</pre>
 *
 * @param <T> the Java type of each value
 */
public final class DynamicHandle<T> {
  private final GraphAssembler owner;
  private final String solid;
  private final OutputDef<T> output;
  private final boolean producer;

  DynamicHandle(GraphAssembler owner, String solid, OutputDef<T> output, boolean producer) {
    this.owner = owner;
    this.solid = solid;
    this.output = output;
    this.producer = producer;
  }

  /**
   * Runs {@code node} once per value, feeding the value into {@code input}, and returns the values
   * of {@code output} of those runs. Other inputs of {@code node} may be wired as usual.
   */
  public <R> DynamicHandle<R> map(SolidNode node, InputDef<? super T> input, OutputDef<R> output) {
    map(node, input);
    return node.mapped(output);
  }

  /** Runs {@code node} once per value, feeding the value into {@code input}. */
  public SolidNode map(SolidNode node, InputDef<? super T> input) {
    // The wiring belongs to the node's graph, so a mismatch is reported as a problem of that graph.
    node.assembler().checkOwned(owner, "map(" + input.name() + ")");
    InputSource source =
        producer
            ? new InputSource.DynamicItem(solid, output.name())
            : new InputSource.FromOutput(solid, output.name());
    owner.wire(node.name(), input, source);
    return node;
  }

  /** All values, in the order their mapping keys were emitted, as one list. */
  public OutputHandle<List<T>> collect() {
    return new OutputHandle<>(owner, new InputSource.Collect(solid, output.name()));
  }

  @Override
  public String toString() {
    return (producer ? "dynamic output " : "mapped output ") + solid + "." + output.name();
  }
}
