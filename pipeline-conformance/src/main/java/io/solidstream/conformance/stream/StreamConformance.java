package io.solidstream.conformance.stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.api.stream.io.Source;
import io.solidstream.api.stream.io.Source.ScriptStep;
import io.solidstream.api.stream.time.WatermarkStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The base of every conformance test class: the runtime hook and what a runtime may declare it
 * does not support yet. A test of an unsupported feature does not skip: it asserts that the
 * runtime refuses the program at start, naming the operator, its kind and the runtime.
 */
public abstract class StreamConformance {

  /** Features a runtime may not support yet. */
  public enum Feature {
    /** Text-file and JSON-lines sinks. */
    FILE_SINKS,
    /** CSV and JSON-lines sources. */
    STRUCTURED_FILE_SOURCES,
    /** Scripted sources that advance a manual processing-time clock. */
    SCRIPTED_PROCESSING_TIME
  }

  /** The runtime under test; may return the same instance every time. */
  protected abstract StreamRuntime runtime();

  /** The features this runtime does not support yet (none by default). */
  protected Set<Feature> unsupported() {
    return Set.of();
  }

  /** Runs a bounded program to its end. */
  protected StreamResult execute(StreamProgram program) {
    return runtime().execute(program);
  }

  /** Runs a bounded program with options to its end. */
  protected StreamResult execute(StreamProgram program, StreamOptions options) {
    return runtime().start(program, options).await();
  }

  /**
   * Runs the program if the runtime supports {@code feature}; otherwise asserts that it is
   * refused at start naming {@code operator}, {@code kind} (e.g. {@code SinkNode}) and the runtime,
   * and returns empty.
   */
  protected Optional<StreamResult> executeIf(Feature feature, StreamProgram program, StreamOptions options,
      String operator, String kind) {
    if (!unsupported().contains(feature)) {
      return Optional.of(execute(program, options));
    }
    assertThatThrownBy(() -> runtime().start(program, options))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'" + operator + "'")
        .hasMessageContaining(kind + " node")
        .hasMessageContaining(runtime().name());
    return Optional.empty();
  }

  /** Waits (at most 60 s, polling) until {@code condition} holds, for unbounded jobs. */
  protected static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(10);
    }
  }

  /** Scripted test sources: elements with timestamps, explicit watermarks, clock advances. */
  protected static final class Script<T> {
    private final List<ScriptStep<T>> steps = new ArrayList<>();

    private Script() {}

    /** An empty script of records of {@code type}. */
    public static <T> Script<T> of(Class<T> type) {
      return new Script<>();
    }

    /** A record at {@code timestamp}. */
    public Script<T> element(T value, long timestamp) {
      steps.add(new ScriptStep.Element<>(value, timestamp));
      return this;
    }

    /** A watermark. */
    public Script<T> watermark(long timestamp) {
      steps.add(new ScriptStep.Watermark<>(timestamp));
      return this;
    }

    /** A processing-time advance. */
    public Script<T> advanceProcessingTime(long millis) {
      steps.add(new ScriptStep.AdvanceProcessingTime<>(millis));
      return this;
    }

    /** The source. */
    public Source<T> build() {
      return new Source.Scripted<>(steps);
    }
  }

  /** Event time read from {@link Event#time()}, up to 2 s out of order. */
  protected static WatermarkStrategy<Event> eventTime() {
    return WatermarkStrategy.<Event>forBoundedOutOfOrderness(java.time.Duration.ofSeconds(2))
        .withTimestampAssigner((e, ts) -> e.time());
  }

  /** Event time read from {@link Event#time()}, in order. */
  protected static WatermarkStrategy<Event> monotonous() {
    return WatermarkStrategy.<Event>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.time());
  }
}
