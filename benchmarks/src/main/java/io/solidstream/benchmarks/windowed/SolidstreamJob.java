package io.solidstream.benchmarks.windowed;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.StreamRuntime;
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
 * window, collected; the outcome is computed from the collected outputs by the caller.
 */
final class SolidstreamJob {
  /** The sink the window counts are collected into. */
  static final Sink.Collect<Workload.WindowCount> COUNTS = Sinks.collect("counts");

  private SolidstreamJob() {}

  /** The workload as a stream program of {@code events} events over {@code keys} keys. */
  static StreamProgram program(long events, int keys) {
    StreamBuilder b = StreamProgram.builder("windowed_count");
    b.source(Sources.generator(events, i -> Workload.Event.of(i, keys)),
            WatermarkStrategy.<Workload.Event>forMonotonousTimestamps()
                .withTimestampAssigner((event, ts) -> event.timestamp()))
        .keyBy(Workload.Event::key)
        .window(WindowSpec.tumbling(Duration.ofMillis(Workload.WINDOW_MILLIS)))
        .aggregate(Aggregators.count(), (key, window, count) -> new Workload.WindowCount(key, window.start(), count))
        .sink(COUNTS);
    return b.build();
  }

  /**
   * Runs the program on {@code runtime} with {@code parallelism} and returns the outcome; the
   * caller owns (and closes) the runtime.
   */
  static Workload.Outcome run(StreamRuntime runtime, long events, int keys, int parallelism) {
    StreamJob job = runtime.start(program(events, keys), StreamOptions.defaults().withParallelism(parallelism));
    StreamResult result = job.await().orThrow();
    List<Workload.WindowCount> counts = result.collected(COUNTS);
    long checksum = 0;
    for (int i = 0, n = counts.size(); i < n; i++) {
      checksum += counts.get(i).contribution();
    }
    return new Workload.Outcome(counts.size(), checksum);
  }
}
