/**
 * The Flink stream runtime: translates a stream program's logical graph, node by node through a
 * registry, to Flink 2.x DataStream API jobs, run on a {@link io.solidstream.runtime.flink.FlinkCluster}.
 */
package io.solidstream.runtime.flink.stream;
