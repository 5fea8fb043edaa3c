package io.solidstream.runtime.local;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.execution.ExecutionStep;
import io.solidstream.api.execution.InputResolution;
import io.solidstream.api.execution.OutputLookup;
import io.solidstream.api.execution.RunContext;
import io.solidstream.api.execution.RunEvents;
import io.solidstream.api.execution.RunResources;
import io.solidstream.api.execution.StepOutcome;
import io.solidstream.api.execution.StepRunner;
import io.solidstream.api.execution.StepSource;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.api.solid.InputDef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run on the in-process runtime: a coordinator thread that schedules the plan's steps,
 * expands dynamic templates, skips downstream of failures, and builds the result.
 *
 * <p>All scheduling state is touched by the coordinator thread only; workers hand back
 * {@link StepOutcome}s through a queue.
 */
final class LocalRun implements RunHandle {
  /** Why an output must serialize in-process, and how to lift the check. */
  private static final String SERIALIZATION_HINT = "a cluster runtime ships outputs to the next step, and this"
      + " runtime checks them as one would; turn the check off with LocalRuntime.builder().checkSerializable(false)";
  /** How a node of the schedule ended. */
  private enum NodeStatus {
    SUCCESS,
    FAILURE,
    /** Skipped because an optional output it needs was not emitted: downstream may still run. */
    SKIPPED,
    /** Skipped because something upstream failed: downstream is skipped too. */
    SKIPPED_AFTER_FAILURE
  }

  private record Completion(ExecutionStep step, StepOutcome outcome) {}

  private final ExecutionPlan plan;
  private final RunRequest request;
  private final String runId;
  private final int maxConcurrent;
  private final RunEvents events;
  private final RunResources resources;
  private final RunContext context;
  private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
  private volatile boolean cancelled;
  private volatile RunStatus status = RunStatus.NOT_STARTED;

  // Coordinator state.
  private final Map<StepOutputKey, Object> outputs = new LinkedHashMap<>();
  private final Map<String, Throwable> failures = new LinkedHashMap<>();
  private final Map<String, ExecutionStep> steps = new HashMap<>();
  private final Set<String> templates = new HashSet<>();
  private final Map<String, List<String>> scopesByProducer = new HashMap<>();
  private final Map<String, Set<String>> waiting = new HashMap<>();
  private final Map<String, List<String>> dependents = new HashMap<>();
  private final Map<String, NodeStatus> finished = new HashMap<>();
  private final Map<String, List<String>> expansions = new HashMap<>();
  private final Map<String, List<String>> dynamicKeys = new HashMap<>();
  private final ArrayDeque<String> unblocked = new ArrayDeque<>();
  private final ArrayDeque<ExecutionStep> ready = new ArrayDeque<>();
  private final LinkedBlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
  /** The threads executing a step right now, by step key; guarded by itself. */
  private final Map<String, Thread> running = new HashMap<>();

  LocalRun(ExecutionPlan plan, RunRequest request, String runId, int maxConcurrent, boolean checkSerializable,
      StreamRuntime streams) {
    this.plan = plan;
    this.request = request;
    this.runId = runId;
    this.maxConcurrent = maxConcurrent;
    this.events = new RunEvents(request.listeners());
    this.resources = new RunResources(plan.resources(), request.resources(), runId);
    Map<String, String> tags = new LinkedHashMap<>(plan.pipeline().tags());
    tags.putAll(request.tags());
    this.context = new RunContext(runId, tags, events, resources, () -> cancelled, checkSerializable,
        SERIALIZATION_HINT, streams, request.outputStorage().orElse(null), request.parentOutputs().orElse(null));
  }

  void start() {
    Thread coordinator = new Thread(this::coordinate, "solidstream-run-" + runId.substring(0, Math.min(8, runId.length())));
    coordinator.setDaemon(false);
    coordinator.start();
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

  @Override
  public void cancel() {
    if (completion.isDone()) {
      return;
    }
    cancelled = true;
    synchronized (running) {
      for (Thread thread : running.values()) {
        thread.interrupt();
      }
    }
  }

  /**
   * Executes a step on the current thread, which {@link #cancel()} interrupts while the step runs
   * (and only then); {@code null} if the run was cancelled before the step started.
   */
  private StepOutcome runStep(ExecutionStep step, Map<String, Object> inputs) {
    synchronized (running) {
      if (cancelled) {
        return null;
      }
      running.put(step.key(), Thread.currentThread());
    }
    try {
      return StepRunner.execute(step, inputs, context);
    } finally {
      synchronized (running) {
        running.remove(step.key());
        Thread.interrupted();
      }
    }
  }

  // ------------------------------------------------------------------ coordinator

  private void coordinate() {
    try {
      coordinateRun();
    } catch (Throwable e) {
      // Whatever happens, waiting callers must not wait forever.
      status = RunStatus.FAILURE;
      completion.completeExceptionally(e);
      if (e instanceof VirtualMachineError error) {
        throw error;
      }
    }
  }

  private void coordinateRun() {
    Instant start = Instant.now();
    status = RunStatus.STARTED;
    events.emit(new RunEvent.RunStarted(runId, start, plan.pipeline().name(), context.runTags()));
    ExecutorService pool = maxConcurrent > 1 ? Executors.newFixedThreadPool(maxConcurrent, workers()) : null;
    Throwable crash = null;
    try {
      initialize();
      schedule(pool);
    } catch (Throwable e) {
      crash = e;
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    for (Map.Entry<String, Throwable> failure : resources.closeAll().entrySet()) {
      events.emit(new RunEvent.LogMessage(runId, Instant.now(), null, null, "ERROR",
          "Resource '" + failure.getKey() + "' failed to close: " + failure.getValue()));
    }
    Instant end = Instant.now();
    if (crash != null) {
      events.emit(new RunEvent.RunFailed(runId, end, "the in-process runtime failed: " + crash,
          List.copyOf(failures.keySet()), ErrorInfo.of(crash)));
    } else if (cancelled) {
      events.emit(new RunEvent.RunCanceled(runId, end, "cancelled by request"));
    } else if (!failures.isEmpty()) {
      events.emit(new RunEvent.RunFailed(runId, end, "steps failed: " + String.join(", ", failures.keySet()),
          List.copyOf(failures.keySet()), null));
    } else {
      events.emit(new RunEvent.RunSucceeded(runId, end, Duration.between(start, end)));
    }
    RunResult result = new RunResult(runId, plan.pipeline().name(), events.snapshot(), outputs, failures);
    status = result.status();
    completion.complete(result);
  }

  private ThreadFactory workers() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "solidstream-step-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private void initialize() {
    for (ExecutionStep step : plan.steps()) {
      if (step.isTemplate()) {
        templates.add(step.key());
        scopesByProducer.computeIfAbsent(producerOf(step.dynamicScope()), k -> new ArrayList<>());
        List<String> scopes = scopesByProducer.get(producerOf(step.dynamicScope()));
        if (!scopes.contains(step.dynamicScope())) {
          scopes.add(step.dynamicScope());
        }
        continue;
      }
      register(step);
    }
    for (ExecutionStep step : plan.steps()) {
      if (!step.isTemplate() && waiting.get(step.key()).isEmpty()) {
        unblocked.add(step.key());
      }
    }
  }

  private static String producerOf(String scope) {
    return scope.substring(0, scope.lastIndexOf('.'));
  }

  private void register(ExecutionStep step) {
    steps.put(step.key(), step);
    Set<String> upstream = new HashSet<>();
    for (String key : step.upstreamStepKeys()) {
      if (!finished.containsKey(key)) {
        upstream.add(key);
        dependents.computeIfAbsent(key, k -> new ArrayList<>()).add(step.key());
      }
    }
    waiting.put(step.key(), upstream);
  }

  private void schedule(ExecutorService pool) throws InterruptedException {
    // In pool mode every ready step is handed to the pool at once: the pool's maxConcurrent
    // threads bound the concurrency, and workers take the next step without waiting for the
    // coordinator, which only wakes up to record completions (in batches).
    int inFlight = 0;
    List<Completion> batch = new ArrayList<>();
    while (true) {
      drainUnblocked();
      while (!cancelled && !ready.isEmpty()) {
        ExecutionStep step = ready.poll();
        InputResolution inputs = InputResolution.resolve(step, lookup);
        if (inputs.skipReason() != null) {
          skip(step.key(), step.solidHandle(), inputs.skipReason(), NodeStatus.SKIPPED);
          drainUnblocked();
          continue;
        }
        if (pool == null) {
          StepOutcome outcome = runStep(step, inputs.values());
          if (outcome != null) {
            complete(step, outcome);
          }
          drainUnblocked();
        } else {
          inFlight++;
          // Never cancel the task itself: a task cancelled before it starts would not report back,
          // and the coordinator would wait for it forever. runStep() skips the step instead.
          pool.execute(() -> {
            StepOutcome outcome;
            try {
              outcome = runStep(step, inputs.values());
            } catch (Throwable e) {
              outcome = new StepOutcome(false, Map.of(), e);
            }
            completions.add(new Completion(step, outcome));
          });
        }
      }
      if (inFlight == 0) {
        return;
      }
      batch.add(completions.take());
      completions.drainTo(batch);
      inFlight -= batch.size();
      for (Completion done : batch) {
        if (done.outcome() != null) {
          complete(done.step(), done.outcome());
        }
      }
      batch.clear();
    }
  }


  private final OutputLookup lookup = new OutputLookup() {
    @Override
    public boolean has(StepOutputKey key) {
      return outputs.containsKey(key);
    }

    @Override
    public Object get(StepOutputKey key) {
      return outputs.get(key);
    }

    @Override
    public List<StepOutputKey> collect(StepSource.Collect collect) {
      List<StepOutputKey> keys = new ArrayList<>();
      if (collect.dynamicOutput()) {
        for (String mappingKey : dynamicKeys.getOrDefault(collect.stepKey() + "." + collect.output(), List.of())) {
          keys.add(new StepOutputKey(collect.stepKey(), collect.output(), mappingKey));
        }
      } else {
        for (String concrete : expansions.getOrDefault(collect.stepKey(), List.of())) {
          StepOutputKey key = StepOutputKey.of(concrete, collect.output());
          if (outputs.containsKey(key)) {
            keys.add(key);
          }
        }
      }
      return keys;
    }
  };

  private void complete(ExecutionStep step, StepOutcome outcome) {
    if (outcome.success()) {
      for (Map.Entry<StepOutputKey, Object> output : outcome.outputs().entrySet()) {
        outputs.put(output.getKey(), output.getValue());
        StepOutputKey key = output.getKey();
        if (key.mappingKey() != null) {
          dynamicKeys.computeIfAbsent(key.stepKey() + "." + key.outputName(), k -> new ArrayList<>()).add(key.mappingKey());
        }
      }
      finish(step.key(), NodeStatus.SUCCESS);
    } else {
      failures.put(step.key(), outcome.failure());
      finish(step.key(), NodeStatus.FAILURE);
    }
  }

  private void skip(String key, String handle, String reason, NodeStatus status) {
    events.emit(new RunEvent.StepSkipped(runId, Instant.now(), key, handle, reason));
    finish(key, status);
  }

  private void finish(String key, NodeStatus nodeStatus) {
    finished.put(key, nodeStatus);
    List<String> scopes = scopesByProducer.get(key);
    if (scopes != null) {
      for (String scope : scopes) {
        expand(scope, nodeStatus);
      }
    }
    for (String dependent : dependents.getOrDefault(key, List.of())) {
      Set<String> upstream = waiting.get(dependent);
      if (upstream.remove(key) && upstream.isEmpty()) {
        unblocked.add(dependent);
      }
    }
  }

  /** Creates the concrete steps of every template mapped over {@code scope}. */
  private void expand(String scope, NodeStatus producerStatus) {
    List<ExecutionStep> scoped = plan.templatesOf(scope);
    if (producerStatus != NodeStatus.SUCCESS) {
      for (ExecutionStep template : scoped) {
        skip(template.key(), template.solidHandle(),
            "the step '" + producerOf(scope) + "' producing the dynamic output it is mapped over did not succeed",
            producerStatus == NodeStatus.SKIPPED ? NodeStatus.SKIPPED : NodeStatus.SKIPPED_AFTER_FAILURE);
      }
      return;
    }
    List<String> keys = dynamicKeys.getOrDefault(scope, List.of());
    for (ExecutionStep template : scoped) {
      List<String> concreteKeys = new ArrayList<>();
      for (String mappingKey : keys) {
        ExecutionStep concrete = template.forMappingKey(mappingKey);
        register(concrete);
        concreteKeys.add(concrete.key());
        if (waiting.get(concrete.key()).isEmpty()) {
          unblocked.add(concrete.key());
        }
      }
      expansions.put(template.key(), concreteKeys);
      Set<String> open = new HashSet<>(concreteKeys);
      waiting.put(template.key(), open);
      for (String concrete : concreteKeys) {
        dependents.computeIfAbsent(concrete, k -> new ArrayList<>()).add(template.key());
      }
      if (open.isEmpty()) {
        finish(template.key(), NodeStatus.SUCCESS);
      }
    }
  }

  private void drainUnblocked() {
    while (!unblocked.isEmpty()) {
      String key = unblocked.poll();
      if (finished.containsKey(key)) {
        continue;
      }
      if (templates.contains(key)) {
        boolean failed = false;
        for (String concrete : expansions.getOrDefault(key, List.of())) {
          NodeStatus s = finished.get(concrete);
          failed |= s == NodeStatus.FAILURE || s == NodeStatus.SKIPPED_AFTER_FAILURE;
        }
        finish(key, failed ? NodeStatus.FAILURE : NodeStatus.SUCCESS);
        continue;
      }
      ExecutionStep step = steps.get(key);
      String failedUpstream = null;
      for (String upstream : step.upstreamStepKeys()) {
        NodeStatus s = finished.get(upstream);
        if (s == NodeStatus.FAILURE || s == NodeStatus.SKIPPED_AFTER_FAILURE) {
          failedUpstream = upstream;
          break;
        }
      }
      String skippedCollect = failedUpstream == null ? skippedCollectSource(step) : null;
      if (failedUpstream != null) {
        skip(key, step.solidHandle(), "upstream step '" + failedUpstream + "' did not succeed",
            NodeStatus.SKIPPED_AFTER_FAILURE);
      } else if (skippedCollect != null) {
        skip(key, step.solidHandle(), skippedCollect, NodeStatus.SKIPPED);
      } else {
        ready.add(step);
      }
    }
  }

  /**
   * Why {@code step} must be skipped because a required input collects the values of a step that
   * was skipped (it never ran, so there is no list to collect, not even an empty one); or null.
   */
  private String skippedCollectSource(ExecutionStep step) {
    for (InputDef<?> input : step.solid().inputs()) {
      if (!input.isOptional()
          && step.inputs().get(input.name()) instanceof StepSource.Collect collect
          && finished.get(collect.stepKey()) == NodeStatus.SKIPPED) {
        return "input '" + input.name() + "' collects the values of step '" + collect.stepKey()
            + "', which was skipped";
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "LocalRun{run=" + runId + ", pipeline=" + plan.pipeline().name() + ", status=" + status + "}";
  }
}
