package io.solidstream.runtime.flink;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobSubmissionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.graph.StreamGraph;

/** Submits the environment's jobs to a given, running mini-cluster (instead of one per job). */
final class MiniClusterExecutors implements PipelineExecutorServiceLoader {
  static final String NAME = "solidstream-minicluster";
  private final Supplier<MiniCluster> cluster;

  /** Submits to the cluster {@code cluster} gives (started when the first job is submitted). */
  MiniClusterExecutors(Supplier<MiniCluster> cluster) {
    this.cluster = cluster;
  }

  @Override
  public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
    return new PipelineExecutorFactory() {
      @Override
      public String getName() {
        return NAME;
      }

      @Override
      public boolean isCompatibleWith(Configuration config) {
        return true;
      }

      @Override
      public PipelineExecutor getExecutor(Configuration config) {
        return (pipeline, conf, classLoader) -> {
          StreamGraph graph = (StreamGraph) pipeline;
          MiniCluster running = cluster.get();
          JobSubmissionResult submitted = running.submitJob(graph).get();
          JobClient client = new MiniClusterJobClient(submitted.getJobID(), running, classLoader,
              MiniClusterJobClient.JobFinalizationBehavior.NOTHING);
          return CompletableFuture.completedFuture(client);
        };
      }
    };
  }

  @Override
  public Stream<String> getExecutorNames() {
    return Stream.of(NAME);
  }
}
