package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.graph.StreamNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What operator factories may read while a program is translated: the program, its options and
 * the job's collect-sink buffers.
 *
 * @param program the program being translated
 * @param options the job's options
 * @param collected the record list of each collect sink, by sink name
 */
record Translation(StreamProgram program, StreamOptions options, Map<String, List<Object>> collected) {

  /**
   * How often part-file sinks commit, in ms of processing time: the checkpoint interval if the
   * program checkpoints, else 0 (only at the end of input).
   */
  long commitIntervalMillis() {
    return options.checkpointing().appliesTo(program) ? options.checkpointing().interval().toMillis() : 0;
  }

  /**
   * The key selector of the {@link StreamNode.KeyBy} node {@code input}, which keyed operation
   * {@code consumer} reads.
   */
  @SuppressWarnings("unchecked")
  Function<Object, Object> keySelector(int input, StreamNode consumer) {
    StreamNode node = program.node(input);
    if (node instanceof StreamNode.KeyBy keyBy) {
      return (Function<Object, Object>) keyBy.keySelector();
    }
    throw new IllegalStateException("'" + consumer.name() + "' is a keyed operation, but its input '" + node.name()
        + "' is a " + node.getClass().getSimpleName() + " node, not a KeyBy node");
  }
}
