package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.pipeline.InvalidPipelineException;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.TypeRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializabilityTest {
  static final OutputDef<Object> THING = OutputDef.of("thing", Object.class);
  static final OutputDef<List<Object>> THINGS = OutputDef.of("things", new TypeRef<>() {});

  /** Not serializable. */
  static final class Handle {
    final String name = "handle";
  }

  /** A solid whose compute function captures a non-serializable thread. */
  private static PipelineDefinition capturingThread() {
    Thread worker = new Thread(() -> {});
    PipelineBuilder p = PipelineDefinition.builder("captures");
    p.add(SolidDefinition.builder("holder").returning(OUT, (ctx, in) -> worker.getName().length()).build());
    return p.build();
  }

  /** A solid whose output value is not serializable. */
  private static PipelineDefinition unserializableOutput() {
    PipelineBuilder p = PipelineDefinition.builder("bad_output");
    p.add(SolidDefinition.builder("maker").returning(THING, (ctx, in) -> new Handle()).build());
    return p.build();
  }

  @Test
  void computeCapturingANonSerializableObjectFailsAtSubmit() {
    PipelineDefinition pipeline = capturingThread();

    assertThatThrownBy(() -> LocalRuntime.create().submit(pipeline, RunRequest.defaults()))
        .isInstanceOf(InvalidPipelineException.class)
        .hasMessageContaining("the compute function of solid 'holder' must be serializable")
        .hasMessageContaining("captured argument #1 of type java.lang.Thread is not serializable")
        .hasMessageContaining("checkSerializable(false)");
  }

  @Test
  void everyNonSerializableFunctionIsReportedAtOnce() {
    Object lock = new Object();
    PipelineBuilder p = PipelineDefinition.builder("two_problems");
    p.add(SolidDefinition.builder("locked").returning(OUT, (ctx, in) -> lock.hashCode()).build())
        .hook(HookDefinition.onSuccess("locked_hook", ctx -> lock.notifyAll()));
    PipelineDefinition pipeline = p.build();

    assertThatThrownBy(() -> LocalRuntime.create().submit(pipeline, RunRequest.defaults()))
        .isInstanceOfSatisfying(InvalidPipelineException.class, e -> assertThat(e.problems())
            .anySatisfy(problem -> assertThat(problem).contains("solid 'locked'", "java.lang.Object"))
            .anySatisfy(problem -> assertThat(problem).contains("hook 'locked_hook'", "java.lang.Object")));
  }

  @Test
  void nonSerializableOutputFailsTheStepNamingTheOutput() {
    RunResult result = LocalRuntime.create().execute(unserializableOutput());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures().get("maker"))
        .hasMessageContaining("output 'thing' of solid 'maker' must be serializable")
        .hasMessageContaining(Handle.class.getName())
        .hasMessageContaining("checkSerializable(false)");
  }

  @Test
  void nonSerializableElementInsideAnOutputIsFound() {
    PipelineBuilder p = PipelineDefinition.builder("nested");
    p.add(SolidDefinition.builder("lister").returning(THINGS, (ctx, in) -> {
      List<Object> things = new ArrayList<>();
      things.add("fine");
      things.add(new Handle());
      return things;
    }).build());

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.failures().get("lister"))
        .hasMessageContaining("output 'things'")
        .hasMessageContaining("[1]")
        .hasMessageContaining(Handle.class.getName());
  }

  @Test
  void checkSerializableFalseRunsBoth() {
    LocalRuntime lenient = LocalRuntime.builder().checkSerializable(false).build();

    RunResult captured = lenient.execute(capturingThread());
    RunResult output = lenient.execute(unserializableOutput());

    assertThat(lenient.checksSerializable()).isFalse();
    assertThat(captured.success()).isTrue();
    assertThat(captured.output("holder", OUT)).isPositive();
    assertThat(output.success()).isTrue();
    assertThat(output.output("maker", THING)).isInstanceOf(Handle.class);
  }
}
