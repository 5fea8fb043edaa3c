/**
 * The Flink stream runtime: translates a stream program's logical graph, node by node through a
 * registry, to Flink 2.x DataStream API jobs, run on an in-JVM mini-cluster.
 */
package io.solidstream.runtime.flink.stream;
