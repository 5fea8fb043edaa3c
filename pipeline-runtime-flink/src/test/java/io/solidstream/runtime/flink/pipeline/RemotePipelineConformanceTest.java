package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.conformance.pipeline.PipelineConformance.Feature;
import io.solidstream.conformance.pipeline.PipelineConformanceSuite;
import io.solidstream.runtime.flink.RemoteTestCluster;
import io.solidstream.testkit.flink.StandaloneFlinkCluster;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pipeline conformance suite on a real standalone Flink cluster (a JobManager and a TaskManager
 * process on 127.0.0.1, shared with the other remote test classes): every run is a job submitted
 * over REST with the test class path shipped as one merged jar. Steps observe their side effects
 * through journal files, which the TaskManager process writes on the same machine. What the
 * mini-cluster lacks, this lacks too, and nothing more: resources open in the task of each step,
 * not once per run ({@link Feature#RUN_SCOPED_RESOURCES}), and the task managers cannot reach an
 * output storage in the client's memory ({@link Feature#IN_MEMORY_OUTPUT_STORAGE}).
 */
class RemotePipelineConformanceTest extends PipelineConformanceSuite {
  @RegisterExtension
  static final StandaloneFlinkCluster CLUSTER = RemoteTestCluster.CLUSTER;

  private static FlinkPipelineRuntime runtime;

  @Override
  protected PipelineRuntime runtime() {
    synchronized (RemotePipelineConformanceTest.class) {
      if (runtime == null) {
        runtime = FlinkPipelineRuntime.remote(CLUSTER.restAddress());
      }
      return runtime;
    }
  }

  /**
   * Resources open in the task of each step, not once per run; task managers cannot reach an
   * output storage in the client's memory.
   */
  @Override
  protected Set<Feature> unsupported() {
    return Set.of(Feature.RUN_SCOPED_RESOURCES, Feature.IN_MEMORY_OUTPUT_STORAGE);
  }
}
