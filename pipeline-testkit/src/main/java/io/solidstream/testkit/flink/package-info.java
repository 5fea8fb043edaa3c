/**
 * A real Flink standalone session cluster for tests: {@link
 * io.solidstream.testkit.flink.StandaloneFlinkCluster}, a JUnit 5 extension that starts a JobManager
 * and TaskManagers as separate processes on 127.0.0.1 from the Flink jars of the test class path;
 * {@link io.solidstream.testkit.flink.FlinkClusterLauncher} starts one to try by hand. Needs no Flink
 * class at compile time.
 */
package io.solidstream.testkit.flink;
