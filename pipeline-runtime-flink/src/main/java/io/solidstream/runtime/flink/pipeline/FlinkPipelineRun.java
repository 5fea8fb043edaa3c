package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.execution.ExecutionStep;
import io.solidstream.api.execution.RunEvents;
import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.solid.UserCodeException;
import io.solidstream.runtime.flink.internal.JobEnd;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.util.CloseableIterator;

/**
 * The client side of a run on Flink: a thread drains what the step operators send through the
 * job's collect sink while the job runs, delivering events to the run's listeners at once, and a
 * watcher builds the {@link RunResult} when the job ends.
 *
 * <p>Operators run concurrently, so their messages arrive interleaved in any order; the client
 * delivers the messages of a node only once every node it reads is done, which gives the order an
 * in-process run would have produced (a step's events after the events of the steps it reads).
 */
final class FlinkPipelineRun implements RunHandle {
  /**
   * How long the client must have received nothing before a cancel goes through: longer than the
   * collect sink's fetch interval (100 ms), so what operators sent before the cancel was fetched.
   */
  private static final long CANCEL_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
  /** The longest a cancel waits for the client to fetch what operators sent before it. */
  private static final long CANCEL_DRAIN_MAX_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final ExecutionPlan plan;
  private final String runId;
  private final String runtimeName;
  private final ClassLoader classLoader;
  private final RunEvents events;
  private final Progress progress;
  private final Map<String, String> tags;
  private Instant start;
  private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
  private volatile RunStatus status = RunStatus.NOT_STARTED;
  private volatile boolean cancelRequested;
  private volatile long lastMessageNanos = System.nanoTime();
  private volatile boolean anyMessage;

  // Guarded by this.
  private final List<ClientMessage> held = new ArrayList<>();
  private final Map<StepOutputKey, Object> outputs = new LinkedHashMap<>();
  private final Map<String, Throwable> failures = new LinkedHashMap<>();
  private boolean closed;
  private Throwable clientFailure;
  private Throwable drainFailure;

  private JobClient job;
  private Thread drainer;

  FlinkPipelineRun(ExecutionPlan plan, String runId, String runtimeName, RunEvents events, ClassLoader classLoader,
      Map<String, String> tags) {
    this.plan = plan;
    this.runId = runId;
    this.runtimeName = runtimeName;
    this.events = events;
    this.classLoader = classLoader;
    this.progress = new Progress(Progress.templateScopes(plan), true, classLoader);
    this.tags = Map.copyOf(tags);
  }

  /** Follows the submitted job: drains its messages and waits for its end. */
  void follow(JobClient submitted, CloseableIterator<byte[]> messages) {
    this.job = submitted;
    start = Instant.now();
    events.emit(new RunEvent.RunStarted(runId, start, plan.pipeline().name(), tags));
    status = RunStatus.STARTED;
    String suffix = runId.substring(0, Math.min(8, runId.length()));
    drainer = new Thread(() -> drain(messages), "solidstream-flink-run-" + suffix);
    drainer.setDaemon(true);
    drainer.start();
    Thread watcher = new Thread(() -> watch(messages), "solidstream-flink-watch-" + suffix);
    watcher.setDaemon(true);
    watcher.start();
  }

  private void drain(CloseableIterator<byte[]> messages) {
    try {
      while (messages.hasNext()) {
        byte[] message = messages.next();
        lastMessageNanos = System.nanoTime();
        anyMessage = true;
        try {
          receive(SerializationCheck.deserialize(message, classLoader));
        } catch (RuntimeException e) {
          // a message the client cannot read: the run cannot be followed any further
          synchronized (this) {
            clientFailure = e;
          }
          job.cancel();
          return;
        }
      }
    } catch (RuntimeException e) {
      // the job failed or was cancelled (the watcher reports that), or the client could not fetch
      // the job's messages although it ran: then the run cannot be reported as it went
      synchronized (this) {
        drainFailure = e;
      }
    }
  }

  /** Waits for the end of the job (its drainer first, see {@link JobEnd}), then builds the result. */
  private void watch(CloseableIterator<byte[]> messages) {
    try {
      JobEnd.awaitDrainers(job, List.of(drainer));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Throwable jobFailure = null;
    try {
      job.getJobExecutionResult().get();
    } catch (ExecutionException e) {
      jobFailure = e.getCause();
    } catch (Throwable e) {
      jobFailure = e;
    }
    try {
      messages.close();
    } catch (Exception e) {
      // the iterator of an ended job: nothing left to read
    }
    try {
      finish(jobFailure);
    } catch (Throwable e) {
      status = RunStatus.FAILURE;
      completion.completeExceptionally(e);
    }
  }

  /** Takes one message: delivers it if the nodes it depends on are done, else holds it. */
  private synchronized void receive(ClientMessage message) {
    if (closed) {
      return;
    }
    if (!ready(message.node())) {
      held.add(message);
      return;
    }
    deliver(message);
    if (message instanceof ClientMessage.Done) {
      releaseHeld();
    }
  }

  private void releaseHeld() {
    boolean released = true;
    while (released) {
      released = false;
      for (Iterator<ClientMessage> it = held.iterator(); it.hasNext(); ) {
        ClientMessage message = it.next();
        if (ready(message.node())) {
          it.remove();
          deliver(message);
          released = true;
          break;
        }
      }
    }
  }

  /** Whether every node {@code node} reads is done (so its messages come in in-process order). */
  private boolean ready(String node) {
    for (String upstream : upstreamOf(node)) {
      if (progress.outcome(upstream) == null) {
        return false;
      }
    }
    return true;
  }

  private Set<String> upstreamOf(String node) {
    if (node == null) {
      return Set.of();
    }
    int bracket = node.indexOf('[');
    if (bracket > 0 && node.endsWith("]")) {
      ExecutionStep template = plan.step(node.substring(0, bracket));
      return template.forMappingKey(node.substring(bracket + 1, node.length() - 1)).upstreamStepKeys();
    }
    ExecutionStep step = plan.step(node);
    return step.isTemplate() ? Set.of(Progress.producerOf(step.dynamicScope())) : step.upstreamStepKeys();
  }

  private void deliver(ClientMessage message) {
    if (message instanceof ClientMessage.Event event) {
      if (event.event() instanceof RunEvent.StepFailed) {
        // failures() lists steps in the order of their StepFailed events, as in-process; the
        // StepDone of another step may come in between
        failures.putIfAbsent(event.node(), null);
      }
      events.emit(event.event());
    } else if (message instanceof ClientMessage.Done done) {
      StepDone node = done.done();
      progress.record(node);
      for (StepOutputKey key : node.outputs().keySet()) {
        outputs.put(key, progress.value(key));
      }
      if (node.outcome() == Outcome.FAILURE) {
        failures.put(node.node(), failure(node));
      }
    }
  }

  private Throwable failure(StepDone node) {
    if (node.failure() != null) {
      try {
        return SerializationCheck.deserialize(node.failure(), classLoader);
      } catch (IllegalArgumentException e) {
        // rebuilt below
      }
    }
    String key = node.node();
    int bracket = key.indexOf('[');
    String handle = plan.step(bracket > 0 ? key.substring(0, bracket) : key).solidHandle();
    return new UserCodeException(handle, key, "Error", new IllegalStateException(
        node.failureInfo() + " (the exception itself could not be brought back from the cluster)"));
  }

  private synchronized void finish(Throwable jobFailure) {
    for (ClientMessage message : List.copyOf(held)) {
      deliver(message);
    }
    held.clear();
    closed = true;
    failures.values().removeIf(Objects::isNull); // a StepFailed whose StepDone never came

    Instant end = Instant.now();
    Throwable crash = clientFailure != null ? clientFailure : jobFailure != null ? unwrap(jobFailure)
        : drainFailure != null ? new IllegalStateException("the job ran, but its messages (step events and outputs)"
            + " could not be fetched from " + runtimeName + ": " + drainFailure, drainFailure) : null;
    if (cancelRequested) {
      events.emit(new RunEvent.RunCanceled(runId, end, "cancelled by request"));
    } else if (crash != null) {
      events.emit(new RunEvent.RunFailed(runId, end, "the Flink job of the run failed on " + runtimeName + ": " + crash,
          List.copyOf(failures.keySet()), ErrorInfo.of(crash)));
    } else if (!failures.isEmpty()) {
      events.emit(new RunEvent.RunFailed(runId, end, "steps failed: " + String.join(", ", failures.keySet()),
          List.copyOf(failures.keySet()), null));
    } else {
      events.emit(new RunEvent.RunSucceeded(runId, end, Duration.between(start, end)));
    }
    complete();
  }

  private void complete() {
    RunResult result;
    synchronized (this) {
      result = new RunResult(runId, plan.pipeline().name(), events.snapshot(), outputs, failures);
    }
    status = result.status();
    completion.complete(result);
  }

  /** The root failure of a job, without Flink's wrappers. */
  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof JobExecutionException || t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public RunStatus status() {
    return status;
  }

  @Override
  public CompletableFuture<RunResult> completion() {
    return completion;
  }

  /**
   * Cancels the Flink job: running steps are interrupted, no other step starts. The job is
   * cancelled once the client has fetched what the operators sent before (it has received a first
   * message, then nothing for {@link #CANCEL_QUIET_NANOS}; at most {@link #CANCEL_DRAIN_MAX_NANOS}
   * after the request), because a cancelled job's collect sink drops what it still holds: so the
   * events of the steps that ran or started before the cancel (their {@code StepStarted}, logs, a
   * failed attempt) are in the result. Waiting for a first message also keeps the collect sink from
   * being cancelled before it opened, which Flink 2.2 escalates to a fatal error of the task
   * manager (FLINK-39330). Returns at once.
   */
  @Override
  public void cancel() {
    synchronized (this) {
      if (completion.isDone() || job == null || cancelRequested) {
        return;
      }
      cancelRequested = true;
    }
    long requested = System.nanoTime();
    Thread canceller = new Thread(() -> {
      try {
        while (!completion.isDone()) {
          long now = System.nanoTime();
          if (anyMessage && now - Math.max(lastMessageNanos, requested) >= CANCEL_QUIET_NANOS
              || now - requested >= CANCEL_DRAIN_MAX_NANOS) {
            break;
          }
          Thread.sleep(20);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!completion.isDone()) {
        job.cancel();
      }
    }, "solidstream-flink-cancel-" + runId.substring(0, Math.min(8, runId.length())));
    canceller.setDaemon(true);
    canceller.start();
  }

  @Override
  public String toString() {
    return "FlinkPipelineRun{run=" + runId + ", pipeline=" + plan.pipeline().name() + ", status=" + status + "}";
  }
}
