package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.graph.StreamNode;

/**
 * Creates the physical operator of one kind of {@link StreamNode}; one instance per parallel
 * instance of the node. Registered in {@link OperatorRegistry} by node class.
 */
@FunctionalInterface
interface OperatorFactory {

  /** A new physical instance of {@code node}. */
  StreamOperator create(StreamNode node, Translation translation);
}
