package io.solidstream.benchmarks;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The single-operator stream programs of {@link StreamOperatorBenchmark} and the same computation
 * as a plain Java loop (the baseline, and the oracle of the unit test). Records are the boxed
 * numbers {@code 0 .. n-1} of a bounded generator; the number {@code i} has event time {@code i}
 * ms where a window needs one.
 */
public final class StreamBenchPrograms {
  /** Records per run. */
  public static final int RECORDS = 1_000_000;
  /** Distinct keys of the keyed operators ({@code i % KEYS}). */
  public static final long KEYS = 100;
  /** The size of the tumbling windows: {@value} ms of event time, i.e. {@value} records. */
  public static final long WINDOW_MILLIS = 1_000;

  /** The operator under test, between the generator source and the sink. */
  public enum Operator {
    /** None: the source feeds the sink directly (the engine's fixed cost per record). */
    SOURCE,
    /** {@code map(i -> i + 1)}. */
    MAP,
    /** {@code filter(i -> i % 2 == 0)}: half the records pass. */
    FILTER,
    /** {@code keyBy(i -> i % KEYS).reduce(Long::sum)}: a rolling sum per key, one output per record. */
    KEY_BY_REDUCE,
    /**
     * Monotonous event time {@code i} ms, {@code keyBy(i -> i % KEYS)}, tumbling windows of
     * {@link #WINDOW_MILLIS} ms, {@code aggregate(count)}: one output per key and window.
     */
    TUMBLING_WINDOW
  }

  private StreamBenchPrograms() {}

  /** The program running {@code operator} over {@code records} records into {@code sink}. */
  public static StreamProgram program(Operator operator, long records, Sink<Long> sink) {
    StreamBuilder b = StreamProgram.builder("bench_" + operator.name().toLowerCase(java.util.Locale.ROOT));
    DataStream<Long> source = operator == Operator.TUMBLING_WINDOW
        ? b.source(Sources.generator(records, i -> i),
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((i, ts) -> i))
        : b.source(Sources.generator(records, i -> i));
    DataStream<Long> out = switch (operator) {
      case SOURCE -> source;
      case MAP -> source.map(i -> i + 1);
      case FILTER -> source.filter(i -> i % 2 == 0);
      case KEY_BY_REDUCE -> source.keyBy(i -> i % KEYS).reduce(Long::sum);
      case TUMBLING_WINDOW -> source.keyBy(i -> i % KEYS)
          .window(WindowSpec.tumbling(Duration.ofMillis(WINDOW_MILLIS)))
          .aggregate(Aggregators.count(), (key, window, count) -> windowOutput(key, window.start(), count));
    };
    out.sink(sink);
    return b.build();
  }

  /** The name of the operator whose records go to the sink, for its counters. */
  public static String sinkName(Operator operator) {
    return "bench_" + operator.name().toLowerCase(java.util.Locale.ROOT) + "/sink";
  }

  /** The output of a window: its key, start and count in one number. */
  static Long windowOutput(long key, long windowStart, long count) {
    return (windowStart * KEYS + key) * WINDOW_MILLIS + count;
  }

  /**
   * The same computation as a plain single-threaded loop (the same outputs as the program, each
   * handed to {@code out}).
   *
   * @return the number of outputs
   */
  public static long plain(Operator operator, long records, Consumer<Object> out) {
    long outputs = 0;
    switch (operator) {
      case SOURCE -> {
        for (long i = 0; i < records; i++) {
          out.accept(Long.valueOf(i));
          outputs++;
        }
      }
      case MAP -> {
        for (long i = 0; i < records; i++) {
          out.accept(Long.valueOf(i) + 1);
          outputs++;
        }
      }
      case FILTER -> {
        for (long i = 0; i < records; i++) {
          Long value = i;
          if (value % 2 == 0) {
            out.accept(value);
            outputs++;
          }
        }
      }
      case KEY_BY_REDUCE -> {
        Map<Long, Long> sums = new HashMap<>();
        for (long i = 0; i < records; i++) {
          Long value = i;
          Long sum = sums.merge(value % KEYS, value, Long::sum);
          out.accept(sum);
          outputs++;
        }
      }
      case TUMBLING_WINDOW -> {
        // monotonous time: one window open at a time, emitted when the next one starts
        Map<Long, long[]> counts = new HashMap<>();
        long open = Long.MIN_VALUE;
        for (long i = 0; i <= records; i++) {
          long start = i == records ? Long.MAX_VALUE : i - i % WINDOW_MILLIS;
          if (start != open) {
            for (Map.Entry<Long, long[]> entry : counts.entrySet()) {
              out.accept(windowOutput(entry.getKey(), open, entry.getValue()[0]));
              outputs++;
            }
            counts = new HashMap<>();
            open = start;
          }
          if (i < records) {
            counts.computeIfAbsent(i % KEYS, k -> new long[1])[0]++;
          }
        }
      }
      default -> throw new IllegalArgumentException("unknown operator " + operator);
    }
    return outputs;
  }
}
