/**
 * Apache Flink 2.2 runtimes: {@link io.solidstream.runtime.flink.FlinkCluster} says where jobs
 * run (this JVM's mini-cluster, or a remote cluster reached over REST, to which the user's jars are
 * shipped); the {@code stream} package translates stream programs to DataStream API jobs.
 */
package io.solidstream.runtime.flink;
