package io.solidstream.runtime.local;

import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.execution.PlanSerializability;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;
import java.util.Map;
import java.util.UUID;

/**
 * The in-process runtime: runs pipelines in this JVM. Steps run in dependency order, one at a
 * time by default, or up to {@code maxConcurrent} at once on a bounded thread pool. A failed step
 * skips only the steps downstream of it; independent branches go on.
 *
 * <p>Stream programs run inside steps ({@code StreamSolid}) run on the in-process stream engine.
 *
 * <p>By default it checks that every user function and every output value is Java-serializable,
 * as a Flink cluster requires, so a unit test fails where a cluster would.
 *
 * <pre>{@code
 * PipelineRuntime runtime = LocalRuntime.create();
 * RunResult result = runtime.execute(etl, RunRequest.of(RunConfig.fromYaml(yaml)));
 *
 * PipelineRuntime parallel = LocalRuntime.builder().maxConcurrent(4).build();
 * }</pre>
 *
 * <p>Thread-safe; one runtime may run many pipelines at once.
 */
public final class LocalRuntime implements PipelineRuntime {
  private final int maxConcurrent;
  private final boolean checkSerializable;
  private final StreamRuntime streams = LocalStreamRuntime.create();
  private final PlanSerializability serializability = new PlanSerializability();

  private LocalRuntime(Builder builder) {
    this.maxConcurrent = builder.maxConcurrent;
    this.checkSerializable = builder.checkSerializable;
  }

  /** A sequential runtime with the serializability check on. */
  public static LocalRuntime create() {
    return builder().build();
  }

  /** A builder for a configured runtime. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "in-process";
  }

  /** The maximum number of steps one run executes at once. */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** Whether user functions and outputs are checked to be serializable. */
  public boolean checksSerializable() {
    return checkSerializable;
  }

  @Override
  public RunHandle submit(PipelineDefinition pipeline, RunRequest request) {
    ExecutionPlan plan = ExecutionPlan.create(pipeline, request);
    if (checkSerializable) {
      serializability.require(plan, Map.of(), "(a cluster ships these to its workers; to skip this check in tests"
          + " that never run on a cluster, use LocalRuntime.builder().checkSerializable(false))");
    }
    String runId = request.runId().orElseGet(() -> UUID.randomUUID().toString());
    LocalRun run = new LocalRun(plan, request, runId, maxConcurrent, checkSerializable, streams);
    run.start();
    return run;
  }

  @Override
  public String toString() {
    return "LocalRuntime{maxConcurrent=" + maxConcurrent + ", checkSerializable=" + checkSerializable + "}";
  }

  /** Builds a {@link LocalRuntime}. */
  public static final class Builder {
    private int maxConcurrent = 1;
    private boolean checkSerializable = true;

    private Builder() {}

    /** Runs up to {@code steps} steps of a run at once (1, the default, runs them sequentially). */
    public Builder maxConcurrent(int steps) {
      if (steps < 1) {
        throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + steps);
      }
      this.maxConcurrent = steps;
      return this;
    }

    /** Whether to check that user functions and outputs serialize (on by default). */
    public Builder checkSerializable(boolean check) {
      this.checkSerializable = check;
      return this;
    }

    /** The runtime. */
    public LocalRuntime build() {
      return new LocalRuntime(this);
    }
  }
}
