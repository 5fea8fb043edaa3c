package io.solidstream.runtime.flink.stream;

import io.solidstream.conformance.stream.StreamConformance.Feature;
import java.util.Set;

/** The runtime every Flink test class shares, so the mini-cluster starts once per test JVM. */
final class FlinkTestRuntime {
  /** One runtime for all test classes; its mini-cluster closes at JVM shutdown. */
  static final FlinkStreamRuntime RUNTIME = FlinkStreamRuntime.miniCluster();

  /** What the mini-cluster runtime refuses at start, for now. */
  static final Set<Feature> UNSUPPORTED = Set.of(Feature.SCRIPTED_PROCESSING_TIME);

  private FlinkTestRuntime() {}
}
