package io.solidstream.instance;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A runtime whose runs are recorded in an instance: a run record before the run starts, every event
 * as it happens, heartbeats while it runs. Returned by {@link Instance#recording(PipelineRuntime)}.
 */
final class RecordingRuntime implements PipelineRuntime {

  private final Instance instance;
  private final PipelineRuntime delegate;

  RecordingRuntime(Instance instance, PipelineRuntime delegate) {
    this.instance = instance;
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public RunHandle submit(PipelineDefinition pipeline, RunRequest request) {
    instance.checkOpen();
    String runId = request.runId().orElseGet(() -> UUID.randomUUID().toString());
    Instant now = Instant.now();
    RunRecord record = new RunRecord(runId, pipeline.name(), RunStatus.NOT_STARTED, request.tags(),
        request.tags().get(Instance.PARENT_RUN_ID_TAG), request.runConfig(), request.selection().orElse(null),
        delegate.name(), instance.owner(), now, null, null, now);
    instance.runStorage().addRun(record);
    Recorder recorder = new Recorder(runId);
    instance.heartbeats().start(runId);
    RunHandle handle;
    try {
      RunRequest.Builder recorded = request.toBuilder().runId(runId).listener(recorder::onEvent);
      if (request.outputStorage().isEmpty()) {
        recorded.outputStorage(instance.outputStorage());
      }
      handle = delegate.submit(pipeline, recorded.build());
    } catch (RuntimeException e) {
      // Refused before it started (invalid run config or selection): leave no trace of it.
      instance.heartbeats().stop(runId);
      instance.writer().flush(runId).handle((ignored, failure) -> null).join();
      instance.eventLogStorage().deleteEvents(runId);
      instance.runStorage().deleteRun(runId);
      throw e;
    }
    RecordedRun run = new RecordedRun(handle, recorder);
    instance.track(run);
    return run;
  }

  /** The runtime stays open: the caller of {@link Instance#recording} owns it. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "recording " + delegate + " into " + instance;
  }

  /** Forwards a run's events to the writer and remembers whether the run ended. */
  private final class Recorder {
    private final String runId;
    private volatile boolean ended;

    Recorder(String runId) {
      this.runId = runId;
    }

    void onEvent(RunEvent event) {
      if (event.type().isRunTerminal()) {
        ended = true;
      }
      instance.writer().enqueue(event);
    }
  }

  /** A recorded run: completes once the run finished and all its events are stored. */
  final class RecordedRun implements RunHandle {
    private final RunHandle delegateHandle;
    private final Recorder recorder;
    private final CompletableFuture<RunResult> completion = new CompletableFuture<>();

    RecordedRun(RunHandle delegateHandle, Recorder recorder) {
      this.delegateHandle = delegateHandle;
      this.recorder = recorder;
      delegateHandle.completion().whenComplete(this::finish);
    }

    private void finish(RunResult result, Throwable error) {
      String runId = recorder.runId;
      if (error != null && !recorder.ended) {
        // The runtime crashed without a terminal event: record why, instead of waiting for the
        // heartbeat timeout to declare the run dead.
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause() : error;
        instance.writer().enqueue(new RunEvent.RunFailed(runId, Instant.now(),
            "the " + delegate.name() + " runtime failed: " + cause, List.of(), ErrorInfo.of(cause)));
      }
      instance.writer().flush(runId).whenComplete((ignored, storageFailure) -> {
        instance.heartbeats().stop(runId);
        instance.untrack(this);
        if (storageFailure != null) {
          completion.completeExceptionally(new StorageException("Run " + runId + " finished"
              + (result == null ? "" : " with status " + result.status()) + ", but some of its events could not be"
              + " stored: " + storageFailure.getMessage(), storageFailure));
        } else if (error != null) {
          completion.completeExceptionally(error);
        } else {
          completion.complete(result);
        }
      });
    }

    @Override
    public String runId() {
      return recorder.runId;
    }

    @Override
    public RunStatus status() {
      return delegateHandle.status();
    }

    @Override
    public CompletableFuture<RunResult> completion() {
      return completion;
    }

    @Override
    public void cancel() {
      delegateHandle.cancel();
    }

    @Override
    public String toString() {
      return "RecordedRun{" + delegateHandle + "}";
    }
  }
}
