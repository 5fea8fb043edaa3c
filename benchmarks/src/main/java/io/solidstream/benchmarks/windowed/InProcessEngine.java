package io.solidstream.benchmarks.windowed;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;
import java.time.Duration;
import java.util.List;

/**
 * The workload written with the Solidstream stream DSL and run on the in-process runtime
 * ({@link LocalStreamRuntime}) with {@code --parallelism} key partitions: a bounded generator of
 * the events, monotonous event-time watermarks from the events' timestamps, {@code keyBy} key,
 * 60 s tumbling windows counting with {@link Aggregators#count()}, collected; the outcome is
 * computed from the collected outputs. Building the program and starting the job are timed.
 */
public final class InProcessEngine implements Engine {
  private static final Sink.Collect<Workload.WindowCount> COUNTS = Sinks.collect("counts");

  @Override
  public String name() {
    return "in-process";
  }

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

  @Override
  public Workload.Outcome run(long events, int keys, int parallelism) {
    try (LocalStreamRuntime runtime = LocalStreamRuntime.create()) {
      StreamResult result = runtime.start(program(events, keys), StreamOptions.defaults().withParallelism(parallelism))
          .await()
          .orThrow();
      List<Workload.WindowCount> counts = result.collected(COUNTS);
      long checksum = 0;
      for (int i = 0, n = counts.size(); i < n; i++) {
        checksum += counts.get(i).contribution();
      }
      return new Workload.Outcome(counts.size(), checksum);
    }
  }
}
