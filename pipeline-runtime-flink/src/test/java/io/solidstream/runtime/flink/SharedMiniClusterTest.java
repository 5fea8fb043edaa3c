package io.solidstream.runtime.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.runtime.flink.pipeline.FlinkPipelineRuntime;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.Test;

/** The JVM's shared mini-cluster survives the loss of its task manager. */
class SharedMiniClusterTest {
  static final OutputDef<Integer> OUT = OutputDef.of("out", Integer.class);

  @Test
  void aTaskManagerThatWasShutDownIsReplacedBeforeTheNextJob() throws Exception {
    // Given the shared cluster, whose task manager shuts down (as Flink 2.2 does on FLINK-39330)
    FlinkPipelineRuntime runtime = FlinkPipelineRuntime.miniCluster();
    PipelineBuilder p = PipelineDefinition.builder("after_loss");
    p.add(SolidDefinition.builder("one").returning(OUT, (ctx, in) -> 1).build());
    PipelineDefinition pipeline = p.build();
    assertThat(runtime.execute(pipeline).success()).as("a first run starts the cluster").isTrue();
    MiniCluster cluster = SharedMiniCluster.acquire(this, MiniClusterTarget.DEFAULT_SLOTS);
    cluster.terminateTaskManager(0).get(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (cluster.requestClusterOverview().get().getNumTaskManagersConnected() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // the resource manager learns of the loss asynchronously
    }

    // When
    RunResult result = runtime.submit(pipeline, RunRequest.defaults()).await(Duration.ofSeconds(60))
        .orElseThrow(() -> new AssertionError("the run after the loss of the task manager waited for slots"));

    // Then
    assertThat(result.success()).isTrue();
    assertThat(result.output("one", OUT)).isEqualTo(1);
  }
}
