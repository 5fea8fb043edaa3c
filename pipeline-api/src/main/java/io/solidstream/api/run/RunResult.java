package io.solidstream.api.run;

import io.solidstream.api.event.RunEvent;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.UserCodeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The outcome of a run, the same object on every runtime: status, every event, output values by
 * solid and output, per-step stats, and the failures of user code.
 *
 * <pre>{@code
 * RunResult result = runtime.execute(etl, RunRequest.of(config));
 * assertThat(result.success()).isTrue();
 * assertThat(result.output("aggregate", TOTALS)).containsEntry("c1", 30L);
 * assertThat(result.eventsFor("load")).extracting(RunEvent::type).contains(EventType.STEP_SUCCEEDED);
 * }</pre>
 */
public final class RunResult {
  private final String runId;
  private final String pipelineName;
  private final List<RunEvent> events;
  private final Map<StepOutputKey, Object> outputs;
  private final Map<String, Throwable> failures;
  private final RunStatus status;

  /**
   * A result; runtimes build it at the end of a run.
   *
   * @param outputs every emitted value (the runtime decides which values it keeps)
   * @param failures the exception of each failed step by step key; kept in the order of the
   *     steps' {@code StepFailed} events (steps failing on several threads or task managers at once
   *     may hand in their failures in another order), then any without such an event
   */
  public RunResult(
      String runId,
      String pipelineName,
      List<? extends RunEvent> events,
      Map<StepOutputKey, Object> outputs,
      Map<String, ? extends Throwable> failures) {
    this.runId = runId;
    this.pipelineName = pipelineName;
    this.events = List.copyOf(events);
    this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    this.failures = Collections.unmodifiableMap(inFailureOrder(failures, this.events));
    this.status = RunStatus.fromEvents(this.events);
  }

  private static Map<String, Throwable> inFailureOrder(Map<String, ? extends Throwable> failures,
      List<RunEvent> events) {
    Map<String, Throwable> ordered = new LinkedHashMap<>();
    for (RunEvent event : events) {
      if (event instanceof RunEvent.StepFailed && failures.containsKey(event.stepKey())) {
        ordered.remove(event.stepKey()); // a later StepFailed of the same step is its final failure
        ordered.put(event.stepKey(), failures.get(event.stepKey()));
      }
    }
    failures.forEach(ordered::putIfAbsent);
    return ordered;
  }

  public String runId() {
    return runId;
  }

  public String pipelineName() {
    return pipelineName;
  }

  /** The status, derived from the events. */
  public RunStatus status() {
    return status;
  }

  /** Whether the run finished and every executed step succeeded. */
  public boolean success() {
    return status == RunStatus.SUCCESS;
  }

  /** All events, in order. */
  public List<RunEvent> events() {
    return events;
  }

  /** The events of one solid: of its steps, and of the inner solids if it is a composite. */
  public List<RunEvent> eventsFor(String solidHandle) {
    List<RunEvent> result = new ArrayList<>();
    for (RunEvent event : events) {
      String handle = event.solidHandle();
      if (handle != null && (handle.equals(solidHandle) || handle.startsWith(solidHandle + "."))) {
        result.add(event);
      }
    }
    return result;
  }

  /** The events of one class, e.g. {@code eventsOf(RunEvent.StepFailed.class)}. */
  public <E extends RunEvent> List<E> eventsOf(Class<E> type) {
    List<E> result = new ArrayList<>();
    for (RunEvent event : events) {
      if (type.isInstance(event)) {
        result.add(type.cast(event));
      }
    }
    return result;
  }

  /** Per-step stats in the order the steps first appear. */
  public List<StepStats> steps() {
    return StepStats.fromEvents(events);
  }

  /** The stats of one step. */
  public Optional<StepStats> step(String stepKey) {
    return steps().stream().filter(s -> s.stepKey().equals(stepKey)).findFirst();
  }

  /** Time from the first to the last event. */
  public Duration duration() {
    if (events.isEmpty()) {
      return Duration.ZERO;
    }
    return Duration.between(events.get(0).timestamp(), events.get(events.size() - 1).timestamp());
  }

  /**
   * The value of {@code output} of the solid {@code solidHandle} (not mapped over a dynamic output).
   *
   * @throws IllegalArgumentException if there is no such value, naming what exists
   */
  public <T> T output(String solidHandle, OutputDef<T> output) {
    if (output.isDynamic()) {
      throw new IllegalArgumentException(
          output + " of solid '" + solidHandle + "' is dynamic; read it with dynamicOutput(...)");
    }
    @SuppressWarnings("unchecked")
    T value = (T) output(solidHandle, output.name());
    return value;
  }

  /** The value of output {@code outputName} of the solid {@code solidHandle}, untyped. */
  public Object output(String solidHandle, String outputName) {
    StepOutputKey key = StepOutputKey.of(solidHandle, outputName);
    if (!outputs.containsKey(key)) {
      throw new IllegalArgumentException(
          "Run " + runId + " has no value for output '" + outputName + "' of solid '" + solidHandle
              + "'; outputs with values: " + outputNames());
    }
    return outputs.get(key);
  }

  /** Whether the run has a value for the output. */
  public boolean hasOutput(String solidHandle, String outputName) {
    return outputs.containsKey(StepOutputKey.of(solidHandle, outputName));
  }

  /** The values of a dynamic output by mapping key, in emission order. */
  public <T> Map<String, T> dynamicOutput(String solidHandle, OutputDef<T> output) {
    Map<String, T> values = new LinkedHashMap<>();
    for (Map.Entry<StepOutputKey, Object> entry : outputs.entrySet()) {
      StepOutputKey key = entry.getKey();
      if (key.mappingKey() != null && key.stepKey().equals(solidHandle) && key.outputName().equals(output.name())) {
        @SuppressWarnings("unchecked")
        T value = (T) entry.getValue();
        values.put(key.mappingKey(), value);
      }
    }
    return values;
  }

  /**
   * The values of {@code output} of a solid mapped over a dynamic output, by mapping key (from
   * its steps {@code solidHandle[key]}).
   */
  public <T> Map<String, T> mappedOutput(String solidHandle, OutputDef<T> output) {
    Map<String, T> values = new LinkedHashMap<>();
    String prefix = solidHandle + "[";
    for (Map.Entry<StepOutputKey, Object> entry : outputs.entrySet()) {
      StepOutputKey key = entry.getKey();
      if (key.stepKey().startsWith(prefix) && key.outputName().equals(output.name()) && key.mappingKey() == null) {
        @SuppressWarnings("unchecked")
        T value = (T) entry.getValue();
        values.put(key.stepKey().substring(prefix.length(), key.stepKey().length() - 1), value);
      }
    }
    return values;
  }

  /** Every output value by key. */
  public Map<StepOutputKey, Object> outputs() {
    return outputs;
  }

  /** The exception of each failed step by step key, in failure order. */
  public Map<String, Throwable> failures() {
    return failures;
  }

  /**
   * Returns this result if the run succeeded; otherwise throws the first step's failure.
   *
   * @throws UserCodeException wrapping the first failure (original exception as cause)
   * @throws CancellationException if the run was cancelled
   * @throws IllegalStateException if the run failed without a step failure, or has not finished
   */
  public RunResult orThrow() {
    switch (status) {
      case SUCCESS:
        return this;
      case CANCELED:
        throw new CancellationException("Run " + runId + " of pipeline '" + pipelineName + "' was cancelled");
      case FAILURE:
        if (!failures.isEmpty()) {
          Throwable first = failures.values().iterator().next();
          if (first instanceof UserCodeException userCode) {
            throw userCode;
          }
          String stepKey = failures.keySet().iterator().next();
          throw new UserCodeException(stepKey, stepKey, "Failure", first);
        }
        String reason = eventsOf(RunEvent.RunFailed.class).stream()
            .map(RunEvent.RunFailed::reason).findFirst().orElse("unknown reason");
        throw new IllegalStateException("Run " + runId + " of pipeline '" + pipelineName + "' failed: " + reason);
      default:
        throw new IllegalStateException("Run " + runId + " has not finished: " + status);
    }
  }

  private List<String> outputNames() {
    List<String> names = new ArrayList<>();
    for (StepOutputKey key : outputs.keySet()) {
      names.add(key.toString());
    }
    return names;
  }

  @Override
  public String toString() {
    return "RunResult{run=" + runId + ", pipeline=" + pipelineName + ", status=" + status + "}";
  }
}
