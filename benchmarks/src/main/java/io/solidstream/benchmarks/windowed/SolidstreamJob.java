package io.solidstream.benchmarks.windowed;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.List;

/**
 * The workload written once with the Solidstream stream DSL, run unchanged by every Solidstream
 * engine ({@code in-process}, {@code flink-minicluster}): a bounded generator of the events,
 * monotonous event-time watermarks from the events' timestamps, {@code keyBy} key, 60 s tumbling
 * windows counting with {@link Aggregators#count()}, one {@link Workload.WindowCount} per key and
 * window; then the outcome is computed in the job, as {@code flink-datastream} does: {@code
 * windowAll} over one event-time window holding the whole input sums the outputs' checksum
 * contributions and counts them ({@link Checksum}), and that one record is collected.
 */
final class SolidstreamJob {
  /** The sink the outcome is collected into. */
  static final Sink.Collect<Workload.Outcome> OUTCOME = Sinks.collect("outcome");

  private SolidstreamJob() {}

  /** The workload as a stream program of {@code events} events over {@code keys} keys. */
  static StreamProgram program(long events, int keys) {
    // the outputs' timestamps (their windows' last millisecond) are below this: one window for all
    Duration wholeInput = Duration.ofMillis(Workload.timestamp(events) + Workload.WINDOW_MILLIS);
    StreamBuilder b = StreamProgram.builder("windowed_count");
    b.source(Sources.generator(events, i -> Workload.Event.of(i, keys)),
            WatermarkStrategy.<Workload.Event>forMonotonousTimestamps()
                .withTimestampAssigner((event, ts) -> event.timestamp()))
        .keyBy(Workload.Event::key)
        .window(WindowSpec.tumbling(Duration.ofMillis(Workload.WINDOW_MILLIS)))
        .aggregate(Aggregators.count(), (key, window, count) -> new Workload.WindowCount(key, window.start(), count))
        .windowAll(WindowSpec.tumbling(wholeInput))
        .aggregate(new Checksum())
        .sink(OUTCOME);
    return b.build();
  }

  /**
   * Runs the program on {@code runtime} with {@code parallelism} and returns the outcome; the
   * caller owns (and closes) the runtime.
   */
  static Workload.Outcome run(StreamRuntime runtime, long events, int keys, int parallelism) {
    StreamResult result = runtime.start(program(events, keys), StreamOptions.defaults().withParallelism(parallelism))
        .await()
        .orThrow();
    List<Workload.Outcome> outcome = result.collected(OUTCOME);
    if (outcome.size() != 1) {
      throw new IllegalStateException("the windowed_count job emitted " + outcome.size() + " outcomes, expected 1");
    }
    return outcome.get(0);
  }

  /** The number of outputs and the wrapping sum of their checksum contributions. */
  static final class Checksum implements Aggregator<Workload.WindowCount, long[], Workload.Outcome> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Workload.WindowCount count, long[] accumulator) {
      accumulator[0]++;
      accumulator[1] += count.contribution();
      return accumulator;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }

    @Override
    public Workload.Outcome result(long[] accumulator) {
      return new Workload.Outcome(accumulator[0], accumulator[1]);
    }
  }
}
