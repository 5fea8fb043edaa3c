/**
 * Apache Flink 2.2 runtimes: {@link io.solidstream.runtime.flink.FlinkCluster} says where jobs
 * run; the {@code stream} package translates stream programs to DataStream API jobs.
 */
package io.solidstream.runtime.flink;
