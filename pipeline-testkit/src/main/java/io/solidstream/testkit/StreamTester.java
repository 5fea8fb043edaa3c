package io.solidstream.testkit;

import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Source;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a stream program deterministically on the in-process engine, for unit tests: processing
 * time is manual (it starts at {@code 0} and only moves when a {@link TestSource} advances it),
 * the engine checks that functions do not mutate their input records, and failures are rethrown
 * as assertion errors naming the failing operator.
 *
 * <pre>{@code
 * StreamTester tester = StreamTester.create("sessions");
 * DataStream<Session> sessions = tester.source(TestSource.<Click>create()
 *         .add(new Click("ann", "/home"), 1_000)
 *         .add(new Click("ann", "/cart"), 4_000))
 *     .keyBy(Click::user)
 *     .window(WindowSpec.session(Duration.ofSeconds(5)))
 *     .process(new SummarizeSession());
 * TestOutput<Session> out = tester.capture(sessions);
 *
 * StreamTestResult r = tester.run();
 *
 * assertThat(r.records(out)).containsExactly(new Session("ann", 1_000, 4_000, 2));
 * }</pre>
 *
 * <p>Build the program on {@link #builder()} (or start it with the {@code source(...)} shortcuts),
 * {@link #capture} every stream the test reads (main outputs and side outputs alike; each gets a
 * collect sink), then {@link #run()} once. Not thread-safe.
 */
public final class StreamTester {
  /** How long {@link #run()} waits for the job by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final StreamBuilder builder;
  private final Set<String> captureNames = new HashSet<>();
  private int parallelism = 1;
  private long processingTimeStart;
  private boolean mutationCheck = true;
  private Duration timeout = DEFAULT_TIMEOUT;
  private StreamProgram program;

  private StreamTester(String programName) {
    this.builder = StreamProgram.builder(programName);
  }

  /**
   * A tester of a new program named {@code programName}; operators are named {@code
   * <programName>/<operator>}.
   *
   * @throws IllegalArgumentException if the name is not made of letters, digits, '_', '.' and '-'
   */
  public static StreamTester create(String programName) {
    return new StreamTester(programName);
  }

  /** The builder of the program under test. */
  public StreamBuilder builder() {
    return builder;
  }

  /** Adds {@code source} without event time (processing-time programs). */
  public <T> DataStream<T> source(Source<T> source) {
    return builder.source(source);
  }

  /** Adds {@code source} with timestamps and watermarks per {@code watermarks}. */
  public <T> DataStream<T> source(Source<T> source, WatermarkStrategy<T> watermarks) {
    return builder.source(source, watermarks);
  }

  /**
   * Adds the scripted {@code source} on event time: the records carry the script's timestamps and
   * the only watermarks are the script's (plus the final one when it ends).
   */
  public <T> DataStream<T> source(TestSource<T> source) {
    Objects.requireNonNull(source, "source");
    return builder.source(source.build(), WatermarkStrategy.forMonotonousTimestamps());
  }

  /**
   * Captures {@code stream}: adds a collect sink (with a unique name) whose records {@link
   * StreamTestResult#records(TestOutput)} returns. Works for side outputs too: {@code
   * tester.capture(windowed.sideOutput(LATE))}. Name operators before capturing their output.
   */
  public <T> TestOutput<T> capture(DataStream<T> stream) {
    Objects.requireNonNull(stream, "stream");
    String operator = stream.operatorName();
    String local = operator.substring(operator.indexOf('/') + 1).replaceAll("[^A-Za-z0-9_.-]", "_");
    String name = "captured." + local;
    for (int i = 2; !captureNames.add(name); i++) {
      name = "captured." + local + "_" + i;
    }
    Sink.Collect<T> sink = Sinks.collect(name);
    stream.sink(sink);
    return new TestOutput<>(operator, sink);
  }

  /** Runs keyed operators in {@code parallelism} key partitions (default 1); per-key results are the same. */
  public StreamTester parallelism(int parallelism) {
    StreamOptions.defaults().withParallelism(parallelism); // validates
    this.parallelism = parallelism;
    return this;
  }

  /** Starts the manual processing-time clock at {@code start} ms (default 0). */
  public StreamTester processingTimeStart(long start) {
    this.processingTimeStart = start;
    return this;
  }

  /** Whether the engine checks that functions leave their input records unchanged (default on). */
  public StreamTester mutationCheck(boolean check) {
    this.mutationCheck = check;
    return this;
  }

  /** How long {@link #run()} waits before cancelling the job and failing (default 60 s). */
  public StreamTester timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /** The options {@link #run()} uses. */
  public StreamOptions options() {
    return StreamOptions.defaults()
        .withParallelism(parallelism)
        .withMutationCheck(mutationCheck)
        .withManualProcessingTime(processingTimeStart);
  }

  /**
   * Builds the program (on the first call), runs it to its end and returns the result.
   *
   * @throws io.solidstream.api.pipeline.InvalidPipelineException if the program is invalid
   * @throws IllegalStateException if the program has an unbounded source
   * @throws AssertionError if the job failed (the message names the failing operator; the cause is
   *     the engine's exception) or did not finish within the timeout (it is cancelled)
   */
  public StreamTestResult run() {
    if (program == null) {
      program = builder.build();
    }
    if (!program.isBounded()) {
      throw new IllegalStateException("stream program '" + program.name() + "' has an unbounded source;"
          + " StreamTester runs programs to their end: use a TestSource or a bounded generator");
    }
    LocalStreamRuntime runtime = LocalStreamRuntime.create();
    StreamJob job = runtime.start(program, options());
    Optional<StreamResult> outcome = job.await(timeout);
    if (outcome.isEmpty()) {
      job.cancel();
      throw new AssertionError("stream program '" + program.name() + "' did not finish within " + timeout
          + "; it was cancelled. Counters: " + job.metrics().values());
    }
    StreamResult result = outcome.get();
    if (result.status() != JobStatus.FINISHED) {
      Throwable failure = result.failure().orElse(null);
      throw new AssertionError("stream program '" + program.name() + "' ended " + result.status()
          + (failure == null ? "" : ": " + failure.getMessage()), failure);
    }
    return new StreamTestResult(result);
  }

  @Override
  public String toString() {
    return "StreamTester{" + builder.programName() + "}";
  }
}
