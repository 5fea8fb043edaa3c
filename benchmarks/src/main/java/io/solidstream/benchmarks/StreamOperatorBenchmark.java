package io.solidstream.benchmarks;

import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-operator throughput of the in-process stream engine, in input records per second: a
 * bounded generator of {@link StreamBenchPrograms#RECORDS} records, one operator (none, map,
 * filter, keyBy + rolling reduce, tumbling event-time window aggregate) and a log sink (a no-op
 * here: the jar's SLF4J binding is {@code slf4j-nop}). {@code engine} runs the whole job (start,
 * threads and end included); {@code plainLoop} computes the same outputs in a plain Java loop and
 * hands them to a {@link Blackhole}: the baseline of the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StreamOperatorBenchmark {

  @Param
  public StreamBenchPrograms.Operator operator;

  /** Instances of keyed operators (threads); stateless operators run once. */
  @Param({"1"})
  public int parallelism;

  private LocalStreamRuntime runtime;
  private StreamProgram program;
  private StreamOptions options;
  private String sink;
  private long expectedOutputs;

  @Setup
  public void setup() {
    runtime = LocalStreamRuntime.create();
    program = StreamBenchPrograms.program(operator, StreamBenchPrograms.RECORDS, Sinks.log("bench"));
    options = StreamOptions.defaults().withParallelism(parallelism);
    sink = StreamBenchPrograms.sinkName(operator);
    expectedOutputs = StreamBenchPrograms.plain(operator, StreamBenchPrograms.RECORDS, o -> { });
    engine();
  }

  @TearDown
  public void tearDown() {
    runtime.close();
  }

  /** One run of the job on the in-process engine; fails unless it finished with every output. */
  @Benchmark
  @OperationsPerInvocation(StreamBenchPrograms.RECORDS)
  public long engine() {
    StreamResult result = runtime.start(program, options).await();
    if (result.status() != JobStatus.FINISHED) {
      throw new IllegalStateException(operator + " job ended " + result.status(), result.failure().orElse(null));
    }
    long outputs = result.metrics(sink).recordsIn();
    if (outputs != expectedOutputs) {
      throw new IllegalStateException(operator + " job emitted " + outputs + " records, expected " + expectedOutputs);
    }
    return outputs;
  }

  /** The same outputs from a plain loop (the baseline). */
  @Benchmark
  @OperationsPerInvocation(StreamBenchPrograms.RECORDS)
  public long plainLoop(Blackhole blackhole) {
    return StreamBenchPrograms.plain(operator, StreamBenchPrograms.RECORDS, blackhole::consume);
  }
}
