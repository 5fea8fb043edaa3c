package io.solidstream.api.execution;

import io.solidstream.api.config.Config;
import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.pipeline.HookContext;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.Inputs;
import io.solidstream.api.solid.Materialization;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.RetryRequested;
import io.solidstream.api.solid.SolidContext;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.api.types.TypeCheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one concrete step: type-checks inputs, runs the compute function with retries, checks
 * and collects outputs, runs hooks, and emits the step's events. The same code runs on every
 * runtime, so a step behaves identically in-process and on a cluster.
 */
public final class StepRunner {
  private static final Pattern MAPPING_KEY = Pattern.compile("[A-Za-z0-9_]+");

  private StepRunner() {}

  /** A failure that must not be retried (type check, missing output, serialization). */
  private static final class NonRetryable extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Throwable failure;

    NonRetryable(Throwable failure) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
    }
  }

  /**
   * Executes {@code step} with the given input values (absent optional inputs missing).
   *
   * @return the outcome; failures are reported, never thrown
   */
  public static StepOutcome execute(ExecutionStep step, Map<String, Object> inputs, RunContext run) {
    if (!run.runs(step.key())) {
      return load(step, run);
    }
    RunEvents events = run.events();
    String key = step.key();
    String handle = step.solidHandle();
    SolidDefinition solid = step.solid();
    Instant start = Instant.now();
    events.emit(new RunEvent.StepStarted(run.runId(), start, key, handle, 1));

    for (InputDef<?> input : solid.inputs()) {
      if (!inputs.containsKey(input.name())) {
        continue;
      }
      Object value = inputs.get(input.name());
      TypeCheckResult check = input.type().check(value);
      if (!check.success()) {
        Throwable error = new UserCodeException(handle, key, "Type check failed for input '" + input.name() + "'",
            new IllegalArgumentException("input '" + input.name() + "' of step '" + key + "': " + check.description()));
        return fail(step, run, error, 1);
      }
      events.emit(new RunEvent.StepInput(run.runId(), Instant.now(), key, handle, input.name(),
          input.type().name(), describeSource(step.inputs().get(input.name()), run)));
    }

    Values values = new Values(solid, inputs);
    int attempt = 1;
    while (true) {
      Context context = new Context(step, run, attempt);
      try {
        for (var resourceKey : solid.requiredResources()) {
          run.resources().get(resourceKey);
        }
        solid.compute().compute(context, values);
        Map<StepOutputKey, Object> outputs = checkOutputs(step, context.emitted, run);
        store(step, outputs, run);
        for (Map.Entry<StepOutputKey, Object> entry : outputs.entrySet()) {
          StepOutputKey outputKey = entry.getKey();
          OutputDef<?> def = solid.output(outputKey.outputName()).orElseThrow();
          events.emit(new RunEvent.StepOutput(run.runId(), Instant.now(), key, handle, outputKey.outputName(),
              outputKey.mappingKey(), def.type().name(), preview(entry.getValue())));
        }
        Instant end = Instant.now();
        events.emit(new RunEvent.StepSucceeded(run.runId(), end, key, handle, Duration.between(start, end), attempt));
        runHooks(step, run, HookDefinition.Trigger.SUCCESS, null);
        return new StepOutcome(true, outputs, null);
      } catch (NonRetryable e) {
        return fail(step, run, e.failure, attempt);
      } catch (Throwable e) {
        if (e instanceof VirtualMachineError) {
          throw (VirtualMachineError) e;
        }
        Throwable cause = e instanceof RetryRequested && e.getCause() != null ? e.getCause() : e;
        Duration delay = retryDelay(step.retryPolicy(), e, attempt, run);
        Throwable failure = new UserCodeException(handle, key, "Error", cause);
        if (delay == null) {
          return fail(step, run, failure, attempt);
        }
        events.emit(new RunEvent.StepUpForRetry(run.runId(), Instant.now(), key, handle, ErrorInfo.of(cause), attempt, delay));
        if (!sleep(delay, run)) {
          return fail(step, run, new UserCodeException(handle, key, "Cancelled",
              new java.util.concurrent.CancellationException("run was cancelled while waiting to retry")), attempt);
        }
        attempt++;
        events.emit(new RunEvent.StepStarted(run.runId(), Instant.now(), key, handle, attempt));
      }
    }
  }

  /**
   * A step of a re-execution that does not run: its outputs are loaded from the parent run's
   * output storage (and stored again under this run, so that a re-execution of this run finds them).
   */
  private static StepOutcome load(ExecutionStep step, RunContext run) {
    String parent = run.parentOutputs().parentRunId();
    OutputStorage storage = run.outputStorage();
    Optional<Map<StepOutputKey, Object>> stored;
    try {
      stored = storage.read(parent, step.key(), classLoaderOf(step));
    } catch (RuntimeException e) {
      return failLoad(step, run, "Cannot load the outputs of step '" + step.key() + "' from parent run " + parent
          + " in output storage " + storage.describe() + ": " + e.getMessage()
          + "; re-execute the step too, or restore its stored outputs", e);
    }
    if (stored.isEmpty()) {
      return failLoad(step, run, "Cannot load the outputs of step '" + step.key() + "' from parent run " + parent
          + ": output storage " + storage.describe() + " holds none (the step did not succeed in that run, or its"
          + " outputs could not be stored); re-execute the step too, e.g. Reexecution.of(\"" + step.key() + "\")", null);
    }
    Map<StepOutputKey, Object> outputs = new LinkedHashMap<>();
    stored.get().forEach((key, value) -> outputs.put(new StepOutputKey(step.key(), key.outputName(), key.mappingKey()), value));
    store(step, outputs, run);
    // A run-level message: the step itself does not run in this run (no step events, no step stats).
    run.events().emit(new RunEvent.LogMessage(run.runId(), Instant.now(), null, null, "DEBUG",
        "Loaded " + outputs.size() + " output value(s) of step '" + step.key() + "' from parent run " + parent
            + ": " + outputs.keySet()));
    return new StepOutcome(true, outputs, null);
  }

  private static StepOutcome failLoad(ExecutionStep step, RunContext run, String message, Throwable cause) {
    IllegalStateException problem = new IllegalStateException(message, cause);
    run.events().emit(new RunEvent.StepFailed(run.runId(), Instant.now(), step.key(), step.solidHandle(),
        ErrorInfo.of(problem), 1));
    return new StepOutcome(false, Map.of(),
        new UserCodeException(step.solidHandle(), step.key(), "Missing parent output", problem));
  }

  /** Writes a succeeded step's outputs to the run's output storage; a failure is a warning, not a step failure. */
  private static void store(ExecutionStep step, Map<StepOutputKey, Object> outputs, RunContext run) {
    OutputStorage storage = run.outputStorage();
    if (storage == null) {
      return;
    }
    try {
      storage.write(run.runId(), step.key(), outputs);
    } catch (RuntimeException e) {
      run.events().emit(new RunEvent.LogMessage(run.runId(), Instant.now(), step.key(), step.solidHandle(), "WARN",
          "The outputs of step '" + step.key() + "' were not stored in output storage " + storage.describe() + ": "
              + e.getMessage() + "; a re-execution of this run will have to run this step again"));
    }
  }

  private static ClassLoader classLoaderOf(ExecutionStep step) {
    ClassLoader loader = step.solid().compute().getClass().getClassLoader();
    return loader != null ? loader : StepRunner.class.getClassLoader();
  }

  /** The source of an input for its event, saying when the value was loaded from the parent run. */
  private static String describeSource(StepSource source, RunContext run) {
    String text = String.valueOf(source);
    if (run.parentOutputs() != null && readsLoaded(source, run)) {
      return text + " (loaded from parent run " + run.parentOutputs().parentRunId() + ")";
    }
    return text;
  }

  private static boolean readsLoaded(StepSource source, RunContext run) {
    if (source instanceof StepSource.FromStep from) {
      return !run.runs(from.output().stepKey());
    }
    if (source instanceof StepSource.FanIn fanIn) {
      return fanIn.sources().stream().anyMatch(element -> readsLoaded(element, run));
    }
    if (source instanceof StepSource.Collect collect) {
      return !run.parentOutputs().stepsToRun().contains(collect.stepKey());
    }
    return false;
  }

  private static Duration retryDelay(RetryPolicy policy, Throwable error, int attempt, RunContext run) {
    if (run.cancelled().getAsBoolean() || error instanceof InterruptedException) {
      return null;
    }
    if (error instanceof RetryRequested requested) {
      return attempt <= requested.maxRetries() ? requested.waitDuration() : null;
    }
    if (attempt < policy.maxAttempts() && policy.retries(error)) {
      return policy.delayAfterAttempt(attempt);
    }
    return null;
  }

  private static boolean sleep(Duration delay, RunContext run) {
    long deadline = System.nanoTime() + delay.toNanos();
    try {
      while (!run.cancelled().getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        Thread.sleep(Math.min(Duration.ofNanos(left).toMillis() + 1, 50));
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static StepOutcome fail(ExecutionStep step, RunContext run, Throwable failure, int attempt) {
    ErrorInfo info = ErrorInfo.of(failure.getCause() != null ? failure.getCause() : failure);
    run.events().emit(new RunEvent.StepFailed(run.runId(), Instant.now(), step.key(), step.solidHandle(), info, attempt));
    if (!run.cancelled().getAsBoolean()) {
      // A step stopped by cancellation did not fail on its own: failure hooks (alerts) stay quiet.
      runHooks(step, run, HookDefinition.Trigger.FAILURE, failure.getCause() != null ? failure.getCause() : failure);
    }
    return new StepOutcome(false, Map.of(), failure);
  }

  private static Map<StepOutputKey, Object> checkOutputs(
      ExecutionStep step, Map<StepOutputKey, Object> emitted, RunContext run) throws NonRetryable {
    SolidDefinition solid = step.solid();
    for (OutputDef<?> output : solid.outputs()) {
      if (!output.isDynamic() && !output.isOptional()
          && !emitted.containsKey(StepOutputKey.of(step.key(), output.name()))) {
        throw new NonRetryable(new UserCodeException(step.solidHandle(), step.key(), "Missing output",
            new IllegalStateException("solid '" + solid.name() + "' did not emit its required output '"
                + output.name() + "'; emit it with ctx.emit(...) or declare it optional()")));
      }
    }
    for (Map.Entry<StepOutputKey, Object> entry : emitted.entrySet()) {
      String name = entry.getKey().outputName();
      OutputDef<?> output = solid.output(name).orElseThrow();
      TypeCheckResult check = output.type().check(entry.getValue());
      if (!check.success()) {
        throw new NonRetryable(new UserCodeException(step.solidHandle(), step.key(),
            "Type check failed for output '" + name + "'",
            new IllegalArgumentException("output '" + name + "' of step '" + step.key() + "': " + check.description())));
      }
      if (run.checkSerializable() && !isTriviallySerializable(entry.getValue())) {
        Optional<String> problem = SerializationCheck.findProblem(entry.getValue());
        if (problem.isPresent()) {
          throw new NonRetryable(new UserCodeException(step.solidHandle(), step.key(), "Unserializable output",
              new IllegalArgumentException("output '" + name + "' of solid '" + step.solidHandle()
                  + "' must be serializable: " + problem.get() + " (" + run.serializationHint() + ")")));
        }
      }
    }
    return emitted;
  }

  private static boolean isTriviallySerializable(Object value) {
    return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Enum<?> || value instanceof Character;
  }

  private static void runHooks(ExecutionStep step, RunContext run, HookDefinition.Trigger trigger, Throwable failure) {
    for (HookDefinition hook : step.hooks()) {
      if (hook.trigger() != trigger) {
        continue;
      }
      try {
        hook.function().run(new Hook(step, run, hook, failure));
        run.events().emit(new RunEvent.HookCompleted(run.runId(), Instant.now(), step.key(), step.solidHandle(), hook.name()));
      } catch (Throwable e) {
        if (e instanceof VirtualMachineError error) {
          throw error;
        }
        // Any other error of user code, AssertionError included, is the hook's failure only.
        run.events().emit(new RunEvent.HookErrored(run.runId(), Instant.now(), step.key(), step.solidHandle(),
            hook.name(), ErrorInfo.of(e)));
      }
    }
  }

  private static String preview(Object value) {
    if (value instanceof Collection<?> collection) {
      return value.getClass().getSimpleName() + " of " + collection.size() + " elements";
    }
    if (value instanceof Map<?, ?> map) {
      return value.getClass().getSimpleName() + " of " + map.size() + " entries";
    }
    String text = String.valueOf(value);
    return text.length() > 100 ? text.substring(0, 97) + "..." : text;
  }

  /** The input values seen by compute code. */
  private static final class Values implements Inputs {
    private final SolidDefinition solid;
    private final Map<String, Object> values;

    Values(SolidDefinition solid, Map<String, Object> values) {
      this.solid = solid;
      this.values = values;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(InputDef<T> input) {
      return (T) get(input.name());
    }

    @Override
    public boolean has(InputDef<?> input) {
      checkDeclared(input.name());
      return values.containsKey(input.name());
    }

    @Override
    public Object get(String name) {
      checkDeclared(name);
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("optional input '" + name + "' of solid '" + solid.name()
            + "' has no value; check with inputs.has(...) first");
      }
      return values.get(name);
    }

    private void checkDeclared(String name) {
      if (solid.input(name).isEmpty()) {
        throw new IllegalArgumentException("solid '" + solid.name() + "' has no input '" + name + "'; its inputs: "
            + solid.inputs().stream().map(InputDef::name).toList());
      }
    }
  }

  /** The context of one attempt. */
  private static final class Context implements SolidContext {
    private final ExecutionStep step;
    private final RunContext run;
    private final int attempt;
    private final Map<StepOutputKey, Object> emitted = new LinkedHashMap<>();
    private Logger log;

    Context(ExecutionStep step, RunContext run, int attempt) {
      this.step = step;
      this.run = run;
      this.attempt = attempt;
    }

    @Override
    public String runId() {
      return run.runId();
    }

    @Override
    public String solidName() {
      return step.solid().name();
    }

    @Override
    public String solidHandle() {
      return step.solidHandle();
    }

    @Override
    public String stepKey() {
      return step.key();
    }

    @Override
    public int attempt() {
      return attempt;
    }

    @Override
    public Optional<String> mappingKey() {
      return Optional.ofNullable(step.mappingKey());
    }

    @Override
    public Config config() {
      return step.config();
    }

    @Override
    public <T> T resource(ResourceKey<T> key) {
      if (!step.solid().requiredResources().contains(key)) {
        throw new IllegalArgumentException("solid '" + step.solid().name() + "' did not declare resource '"
            + key.name() + "'; add .requires(" + key.name() + "Key) to its definition");
      }
      return run.resources().get(key);
    }

    @Override
    public Logger log() {
      if (log == null) {
        log = new EventLogger("io.solidstream.solid." + step.solidHandle(), run.events(), run.runId(),
            step.key(), step.solidHandle());
      }
      return log;
    }

    @Override
    public Map<String, String> runTags() {
      return run.runTags();
    }

    @Override
    public <T> void emit(OutputDef<T> output, T value) {
      OutputDef<?> own = own(output);
      if (own.isDynamic()) {
        throw new IllegalArgumentException(output + " of solid '" + step.solid().name()
            + "' is dynamic; emit it with ctx.emit(output, mappingKey, value)");
      }
      StepOutputKey key = StepOutputKey.of(step.key(), output.name());
      if (emitted.containsKey(key)) {
        throw new IllegalArgumentException("output '" + output.name() + "' of solid '" + step.solid().name()
            + "' was already emitted; emit each output once");
      }
      emitted.put(key, value);
    }

    @Override
    public <T> void emit(OutputDef<T> output, String mappingKey, T value) {
      OutputDef<?> own = own(output);
      if (!own.isDynamic()) {
        throw new IllegalArgumentException(output + " of solid '" + step.solid().name()
            + "' is not dynamic; emit it with ctx.emit(output, value)");
      }
      if (mappingKey == null || !MAPPING_KEY.matcher(mappingKey).matches()) {
        throw new IllegalArgumentException("mapping key '" + mappingKey + "' of output '" + output.name()
            + "' is invalid; use letters, digits and '_'");
      }
      StepOutputKey key = new StepOutputKey(step.key(), output.name(), mappingKey);
      if (emitted.containsKey(key)) {
        throw new IllegalArgumentException("mapping key '" + mappingKey + "' of output '" + output.name()
            + "' was already emitted; mapping keys must be unique");
      }
      emitted.put(key, value);
    }

    private OutputDef<?> own(OutputDef<?> output) {
      return step.solid().output(output.name()).orElseThrow(() -> new IllegalArgumentException(
          "solid '" + step.solid().name() + "' has no output '" + output.name() + "'; its outputs: "
              + step.solid().outputs().stream().map(OutputDef::name).toList()));
    }

    @Override
    public void materialize(Materialization materialization) {
      run.events().emit(new RunEvent.AssetMaterialized(run.runId(), Instant.now(), step.key(), step.solidHandle(),
          materialization));
    }

    @Override
    public void expect(ExpectationResult result) {
      run.events().emit(new RunEvent.ExpectationChecked(run.runId(), Instant.now(), step.key(), step.solidHandle(),
          result));
    }

    @Override
    public StreamRuntime streams() {
      return run.streams();
    }

    @Override
    public boolean isCancelled() {
      return run.cancelled().getAsBoolean();
    }
  }

  /** The context of a hook. */
  private static final class Hook implements HookContext {
    private final ExecutionStep step;
    private final RunContext run;
    private final HookDefinition hook;
    private final Throwable failure;

    Hook(ExecutionStep step, RunContext run, HookDefinition hook, Throwable failure) {
      this.step = step;
      this.run = run;
      this.hook = hook;
      this.failure = failure;
    }

    @Override
    public String runId() {
      return run.runId();
    }

    @Override
    public String solidHandle() {
      return step.solidHandle();
    }

    @Override
    public String stepKey() {
      return step.key();
    }

    @Override
    public String hookName() {
      return hook.name();
    }

    @Override
    public Optional<Throwable> failure() {
      return Optional.ofNullable(failure);
    }

    @Override
    public <T> T resource(ResourceKey<T> key) {
      if (hook.requiredResources().stream().noneMatch(k -> k.name().equals(key.name()))) {
        throw new IllegalArgumentException(hook + " did not declare resource '" + key.name()
            + "'; add it with requiring(...)");
      }
      return run.resources().get(key);
    }

    @Override
    public Logger log() {
      return LoggerFactory.getLogger("io.solidstream.hook." + hook.name());
    }
  }
}
