package io.solidstream.conformance.pipeline;

import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of every pipeline conformance test class: the runtime hook, what a runtime may declare
 * it does not support, and the suite's means of observation.
 *
 * <p>A runtime runs the suite by subclassing each test class and returning itself from
 * {@link #runtime()}:
 *
 * <pre>{@code
 * class InProcessRetriesTest extends RetriesConformance {
 *   protected PipelineRuntime runtime() { return LocalRuntime.create(); }
 * }
 * }</pre>
 *
 * <p>The tests are written for runtimes that ship steps to other threads, task managers or JVMs
 * on the same machine: every solid, hook and resource is serializable, and user code is observed
 * only through the {@link RunResult} (status, events, outputs), through events delivered to
 * listeners on the client, and through {@link Journal} files in the test's temporary directory;
 * never through shared memory.
 */
public abstract class PipelineConformance {

  /** Behaviours a runtime may legitimately lack; each test says what it checks instead. */
  public enum Feature {
    /**
     * Listeners receive every event while the run goes on (not only when it has finished). Without
     * it, the suite checks that listeners have received every event, in order, once the run ends.
     */
    LIVE_EVENTS,
    /**
     * Each resource is opened once per run, just before the first step that needs it, and every
     * resource is closed after the run's steps, in reverse order of opening. Distributed runtimes
     * open resources where the steps run instead (as Dagster's multiprocess and cluster executors
     * initialise them per step process): without this feature, the suite checks that each step
     * using a resource runs between an opening and a closing of it, that every instance opened is
     * closed once (also when the run fails), that a resource required by another one opens first
     * and closes last, and that no resource opens for steps that do not run.
     */
    RUN_SCOPED_RESOURCES,
    /**
     * Runs store step outputs in, and re-execute from, an {@code in_memory} output storage (one
     * that lives in the client's memory). The task managers of a cluster cannot reach it: without
     * this feature, the suite checks that a re-execution with it is refused, naming the storage and
     * the fix (a {@code filesystem} storage), and that a plain run leaves it out and succeeds.
     */
    IN_MEMORY_OUTPUT_STORAGE
  }

  /** The test's temporary directory, for journals and files written by solids. */
  @TempDir
  protected Path tempDir;

  /** The runtime under test; may return the same instance every time, and is not closed. */
  protected abstract PipelineRuntime runtime();

  /** The features this runtime does not support (none by default). */
  protected Set<Feature> unsupported() {
    return Set.of();
  }

  /** Whether the runtime supports {@code feature}. */
  protected final boolean supports(Feature feature) {
    return !unsupported().contains(feature);
  }

  /**
   * The longest a run of the suite may take (2 minutes by default): a run still going then fails
   * its test instead of hanging the build. Every run of the suite takes well under a second
   * in-process.
   */
  protected Duration runTimeout() {
    return Duration.ofMinutes(2);
  }

  /** Runs {@code pipeline} with an empty run config and waits for its result. */
  protected RunResult execute(PipelineDefinition pipeline) {
    return execute(pipeline, RunRequest.defaults());
  }

  /** Runs {@code pipeline} and waits for its result, at most {@link #runTimeout()}. */
  protected RunResult execute(PipelineDefinition pipeline, RunRequest request) {
    return await(runtime().submit(pipeline, request));
  }

  /**
   * Waits at most {@link #runTimeout()} for the run of {@code handle}.
   *
   * @throws AssertionError if it has not finished by then (the run is cancelled)
   */
  protected RunResult await(RunHandle handle) {
    return handle.await(runTimeout()).orElseThrow(() -> {
      handle.cancel();
      return new AssertionError("Run " + handle.runId() + " on the " + runtime().name() + " runtime did not finish within "
          + runTimeout().toSeconds() + " s (status " + handle.status() + "); it was cancelled");
    });
  }

  /** A new, empty journal in the test's temporary directory. */
  protected Journal journal(String name) {
    return Journal.at(tempDir.resolve(name + ".journal"));
  }
}
