package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.graph.StreamNode;

/**
 * Translates one kind of node to the Flink DataStream API, reading its inputs' translations from
 * the context and registering its own.
 *
 * @param <N> the node kind
 */
interface Translator<N extends StreamNode> {

  /** Adds {@code node} to the job being built. */
  void translate(N node, TranslationContext context);
}
