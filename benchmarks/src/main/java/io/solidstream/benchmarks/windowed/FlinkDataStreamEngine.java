package io.solidstream.benchmarks.windowed;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The workload hand-written against Flink's DataStream API, as a Flink engineer would write it,
 * on a local environment (a mini-cluster of this JVM started for the job and stopped after it):
 * the events from a Source V2 ({@link WorkloadSource}) with monotonous timestamps and watermarks,
 * {@code keyBy} key (a {@code String}), 60 s {@link TumblingEventTimeWindows}, an incremental
 * {@link AggregateFunction} count with a {@link ProcessWindowFunction} adding key and window
 * start, every operator at {@code --parallelism}, object reuse on; then the outputs' checksum
 * contributions are summed and counted in the job ({@code windowAll} over a global window fired at
 * the end of input, {@link Checksum}) and the one outcome is collected to this client. Records are
 * Java records, which Flink serializes with its POJO serializer.
 */
public final class FlinkDataStreamEngine implements Engine {

  @Override
  public String name() {
    return "flink-datastream";
  }

  /** The job: the outputs, one per non-empty key and window, summed up into the outcome. */
  static DataStream<Workload.Outcome> job(StreamExecutionEnvironment env, long events, int keys) {
    return env.fromSource(new WorkloadSource(events, keys),
            WatermarkStrategy.<Workload.Event>forMonotonousTimestamps()
                .withTimestampAssigner((event, previous) -> event.timestamp()),
            "events", TypeInformation.of(Workload.Event.class))
        .keyBy(Workload.Event::key, Types.STRING)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(Workload.WINDOW_MILLIS)))
        .aggregate(new CountEvents(), new EmitCount())
        .name("count per key and window")
        .windowAll(GlobalWindows.createWithEndOfStreamTrigger())
        .aggregate(new Checksum())
        .name("checksum");
  }

  @Override
  public Workload.Outcome run(long events, int keys, int parallelism) throws Exception {
    Configuration config = new Configuration();
    config.set(PipelineOptions.OBJECT_REUSE, true);
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
    List<Workload.Outcome> outcome = job(env, events, keys).executeAndCollect("windowed_count", 2);
    if (outcome.size() != 1) {
      throw new IllegalStateException("the windowed_count job emitted " + outcome.size() + " outcomes, expected 1");
    }
    return outcome.get(0);
  }

  /** Counts the events of a key in a window. */
  static final class CountEvents implements AggregateFunction<Workload.Event, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Workload.Event event, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Emits the count of a key in a window with the key and the window's start. */
  static final class EmitCount extends ProcessWindowFunction<Long, Workload.WindowCount, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String key, Context context, Iterable<Long> counts, Collector<Workload.WindowCount> out) {
      out.collect(new Workload.WindowCount(key, context.window().getStart(), counts.iterator().next()));
    }
  }

  /** The number of outputs and the wrapping sum of their checksum contributions. */
  static final class Checksum implements AggregateFunction<Workload.WindowCount, long[], Workload.Outcome> {
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
    public Workload.Outcome getResult(long[] accumulator) {
      return new Workload.Outcome(accumulator[0], accumulator[1]);
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }
}
