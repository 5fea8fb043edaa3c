package io.solidstream.runtime.flink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.outputs.InMemoryOutputStorage;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.ParentOutputs;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.conformance.pipeline.ReexecutionConformance;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Output storage and re-execution on the Flink mini-cluster: the task managers write the step
 * outputs to the filesystem storage and load the parent's from it.
 */
class FlinkReexecutionTest extends ReexecutionConformance {
  @Override
  protected PipelineRuntime runtime() {
    return FlinkPipelineTestRuntime.RUNTIME;
  }

  @Test
  void anInMemoryOutputStorageRefusesAReexecutionBecauseTaskManagersCannotReachIt() {
    PipelineBuilder p = PipelineDefinition.builder("one");
    p.add(SolidDefinition.builder("one").returning(OutputDef.of("out", Integer.class), (ctx, in) -> 1).build());
    RunRequest request = RunRequest.builder().outputStorage(new InMemoryOutputStorage())
        .parentOutputs(ParentOutputs.of("parent-run", Set.of("one"))).build();

    assertThatThrownBy(() -> runtime().submit(p.build(), request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot re-execute run parent-run: output storage in_memory cannot be used on Flink,"
            + " where the task managers store and load the step outputs: the in_memory output storage cannot be"
            + " shipped to a cluster's task managers")
        .hasMessageContaining("output_storage: {filesystem: {base_dir: ...}}");
  }

  @Test
  void anInMemoryOutputStorageIsLeftOutOfAPlainRunWhichStillSucceeds() {
    PipelineBuilder p = PipelineDefinition.builder("one");
    p.add(SolidDefinition.builder("one").returning(OutputDef.of("out", Integer.class), (ctx, in) -> 1).build());
    InMemoryOutputStorage storage = new InMemoryOutputStorage();

    RunResult result = runtime().execute(p.build(), RunRequest.builder().outputStorage(storage).build());

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(storage.keys(result.runId(), "one")).isEmpty();
  }
}
