package io.solidstream.conformance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.KeyedCoProcessFunction;
import io.solidstream.api.stream.function.KeyedProcessFunction;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.state.ListState;
import io.solidstream.api.stream.state.MapState;
import io.solidstream.api.stream.state.StateDescriptor;
import io.solidstream.api.stream.state.ValueState;
import io.solidstream.api.stream.time.TimeDomain;
import io.solidstream.api.stream.time.WatermarkStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keyed process functions: value, list and map state, timers, keyed connect, side outputs. */
public abstract class StateAndTimersConformance extends StreamConformance {
  static final StateDescriptor.Value<Long> COUNT = StateDescriptor.value("count", Long.class);
  static final StateDescriptor.ListOf<Long> SEEN = StateDescriptor.list("seen", Long.class);
  static final StateDescriptor.MapOf<Long, Integer> HISTOGRAM = StateDescriptor.map("histogram", Long.class, Integer.class);
  static final StateDescriptor.Value<String> PROFILE = StateDescriptor.value("profile", String.class);
  static final StateDescriptor.ListOf<String> WAITING = StateDescriptor.list("waiting", String.class);

  /** Keeps value, list and map state per key and reports all three after each record. */
  static final class AllStates implements KeyedProcessFunction<String, Event, String> {
    @Override
    public void processElement(Event event, Context<String> ctx, Collector<String> out) {
      ValueState<Long> count = ctx.state(COUNT);
      count.update(count.value() == null ? 1 : count.value() + 1);
      ListState<Long> seen = ctx.state(SEEN);
      seen.add(event.value());
      MapState<Long, Integer> histogram = ctx.state(HISTOGRAM);
      Integer n = histogram.get(event.value());
      histogram.put(event.value(), n == null ? 1 : n + 1);
      List<Long> all = new ArrayList<>();
      seen.get().forEach(all::add);
      out.collect(ctx.currentKey() + " count=" + count.value() + " seen=" + all + " dup=" + histogram.get(event.value()));
    }
  }

  @Test
  void keyedValueListAndMapStateAreScopedToTheKey() {
    StreamBuilder b = StreamProgram.builder("state");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.of(Event.of("a", 0, 1), Event.of("b", 0, 5), Event.of("a", 0, 1), Event.of("a", 0, 2)))
        .keyBy(Event::key)
        .process(new AllStates())
        .sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactly(
        "a count=1 seen=[1] dup=1",
        "b count=1 seen=[5] dup=1",
        "a count=2 seen=[1, 1] dup=2",
        "a count=3 seen=[1, 1, 2] dup=1");
  }

  @Test
  void perKeyStateMatchesAPlainJavaComputationInParallel() {
    List<Event> events = Event.outOfOrder(2000, 7);
    StreamBuilder b = StreamProgram.builder("plain_state");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.fromList(events)).keyBy(Event::key).process(new AllStates()).sink(out);

    Map<String, Long> expected = events.stream().collect(Collectors.groupingBy(Event::key, Collectors.counting()));
    Map<String, Long> last = execute(b.build(), StreamOptions.defaults().withParallelism(2)).orThrow()
        .collected(out).stream()
        .collect(Collectors.toMap(s -> s.split(" ")[0], s -> Long.parseLong(s.split(" ")[1].substring(6)), Math::max));
    assertThat(last).isEqualTo(expected);
    assertThat(TimeDomain.values()).hasSize(2);
  }

  /** Registers event-time timers at the record's value (twice); deletes the one at 4000. */
  static final class Reminders implements KeyedProcessFunction<String, Event, String> {
    @Override
    public void processElement(Event event, Context<String> ctx, Collector<String> out) {
      ctx.timers().registerEventTimeTimer(event.value());
      ctx.timers().registerEventTimeTimer(event.value());
      if (event.value() == 4000) {
        ctx.timers().deleteEventTimeTimer(4000);
      }
    }

    @Override
    public void onTimer(long timestamp, TimerContext<String> ctx, Collector<String> out) {
      out.collect(ctx.currentKey() + "@" + timestamp + " ts=" + ctx.timestamp() + " " + ctx.timeDomain());
    }
  }

  @Test
  void eventTimeTimersAreDedupedAndFireInTimestampOrderWithTheTimerTimestamp() {
    StreamBuilder b = StreamProgram.builder("timers");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Script.of(Event.class)
                .element(Event.of("a", 0, 3000), 0)
                .element(Event.of("b", 0, 1000), 0)
                .element(Event.of("a", 0, 2000), 0)
                .element(Event.of("a", 0, 3000), 0)
                .element(Event.of("a", 0, 4000), 0)
                .watermark(2500)
                .element(Event.of("b", 0, 9000), 0)
                .build(),
            WatermarkStrategy.forMonotonousTimestamps())
        .keyBy(Event::key)
        .process(new Reminders())
        .process((String s, ProcessFunction.Context ctx, Collector<String> o) -> o.collect(s + " out@" + ctx.timestamp()))
        .sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactly(
        "b@1000 ts=1000 EVENT_TIME out@1000",
        "a@2000 ts=2000 EVENT_TIME out@2000",
        "a@3000 ts=3000 EVENT_TIME out@3000",
        "b@9000 ts=9000 EVENT_TIME out@9000");
  }

  /** Reports the watermark each record sees. */
  static final class Watermarks implements KeyedProcessFunction<String, Event, String> {
    @Override
    public void processElement(Event event, Context<String> ctx, Collector<String> out) {
      out.collect(event.value() + " wm=" + ctx.timers().currentWatermark());
    }
  }

  @Test
  void keyedFunctionsSeeTheWatermarksOfAScriptedSource() {
    StreamBuilder b = StreamProgram.builder("wm");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Script.of(Event.class)
                .element(Event.of("a", 0, 1), 100)
                .watermark(500)
                .element(Event.of("a", 0, 2), 600)
                .watermark(900)
                .element(Event.of("a", 0, 3), 950)
                .build(),
            WatermarkStrategy.forMonotonousTimestamps())
        .keyBy(Event::key)
        .process(new Watermarks())
        .sink(out);

    assertThat(execute(b.build()).orThrow().collected(out))
        .containsExactly("1 wm=" + Long.MIN_VALUE, "2 wm=500", "3 wm=900");
  }

  /** Registers a processing-time timer 1 s after each record. */
  static final class Timeout implements KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, Context<String> ctx, Collector<String> out) {
      ctx.timers().registerProcessingTimeTimer(ctx.timers().currentProcessingTime() + 1000);
      out.collect("got " + value + " at " + ctx.timers().currentProcessingTime());
    }

    @Override
    public void onTimer(long timestamp, TimerContext<String> ctx, Collector<String> out) {
      out.collect("timeout " + ctx.currentKey() + "@" + timestamp + " " + ctx.timeDomain());
    }
  }

  @Test
  void processingTimeTimersFireWhenAScriptedManualClockReachesThem() {
    StreamBuilder b = StreamProgram.builder("proc_timers");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Script.of(String.class)
            .element("a", 0)
            .advanceProcessingTime(500)
            .element("b", 0)
            .advanceProcessingTime(500)
            .advanceProcessingTime(500)
            .element("c", 0)
            .build())
        .keyBy(s -> s)
        .process(new Timeout())
        .sink(out);

    Optional<StreamResult> result = executeIf(Feature.SCRIPTED_PROCESSING_TIME, b.build(),
        StreamOptions.defaults().withManualProcessingTime(10_000), "proc_timers/source", "SourceNode");

    // c's timer (12500) is pending when the bounded job ends: it does not fire
    result.ifPresent(r -> assertThat(r.orThrow().collected(out)).containsExactly(
        "got a at 10000",
        "got b at 10500",
        "timeout a@11000 PROCESSING_TIME",
        "timeout b@11500 PROCESSING_TIME",
        "got c at 11500"));
  }

  /** Enriches clicks (input 2) with the profile of their user (input 1), whichever comes first. */
  static final class Enrich implements KeyedCoProcessFunction<String, Event, Event, String> {
    @Override
    public void processElement1(Event profile, KeyedProcessFunction.Context<String> ctx, Collector<String> out) {
      ctx.state(PROFILE).update("profile" + profile.value());
      for (String click : ctx.state(WAITING).get()) {
        out.collect(click + "+profile" + profile.value());
      }
      ctx.state(WAITING).clear();
    }

    @Override
    public void processElement2(Event click, KeyedProcessFunction.Context<String> ctx, Collector<String> out) {
      String profile = ctx.state(PROFILE).value();
      String name = ctx.currentKey() + "/click" + click.value();
      if (profile == null) {
        ctx.state(WAITING).add(name);
      } else {
        out.collect(name + "+" + profile);
      }
    }
  }

  @Test
  void keyedConnectSharesStateBetweenBothInputs() {
    StreamBuilder b = StreamProgram.builder("enrich");
    Sink.Collect<String> out = Sinks.collect("out");
    DataStream<Event> profiles = b.source(Sources.of(Event.of("u1", 0, 1), Event.of("u2", 0, 2)));
    DataStream<Event> clicks = b.source(Sources.of(Event.of("u1", 0, 10), Event.of("u2", 0, 20),
        Event.of("u1", 0, 11), Event.of("u3", 0, 30)));
    profiles.keyBy(Event::key).connect(clicks.keyBy(Event::key)).process(new Enrich()).sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactlyInAnyOrder(
        "u1/click10+profile1", "u2/click20+profile2", "u1/click11+profile1");
  }

  /** Sends odd values to a side output. */
  static final class Odd implements KeyedProcessFunction<String, Event, Long> {
    static final OutputTag<Long> ODD = OutputTag.of("odd", Long.class);

    @Override
    public void processElement(Event event, Context<String> ctx, Collector<Long> out) {
      if (event.value() % 2 == 1) {
        ctx.output(ODD, event.value());
      } else {
        out.collect(event.value());
      }
    }
  }

  @Test
  void keyedProcessFunctionsEmitSideOutputs() {
    StreamBuilder b = StreamProgram.builder("keyed_side");
    Sink.Collect<Long> even = Sinks.collect("even");
    Sink.Collect<Long> odd = Sinks.collect("odd");
    DataStream<Long> main = b.source(Sources.of(Event.of("a", 0, 1), Event.of("a", 0, 2), Event.of("b", 0, 3)))
        .keyBy(Event::key)
        .process(new Odd());
    main.sink(even);
    main.sideOutput(Odd.ODD).sink(odd);

    StreamResult result = execute(b.build()).orThrow();

    assertThat(result.collected(even)).containsExactly(2L);
    assertThat(result.collected(odd)).containsExactly(1L, 3L);
    assertThat(result.metrics("keyed_side/process").recordsIn()).isEqualTo(3);
    assertThat(result.metrics("keyed_side/process").recordsOut()).isEqualTo(1);
  }

  /** Counts each key's records of both inputs and reports the counts when the event-time timer fires. */
  static final class CountBoth implements KeyedCoProcessFunction<String, Event, Event, String> {
    static final OutputTag<String> SEEN_SECOND = OutputTag.of("seen-second", String.class);

    @Override
    public void processElement1(Event value, KeyedProcessFunction.Context<String> ctx, Collector<String> out) {
      ValueState<Long> count = ctx.state(COUNT);
      count.update(count.value() == null ? 1 : count.value() + 1);
      ctx.timers().registerEventTimeTimer(10_000);
    }

    @Override
    public void processElement2(Event value, KeyedProcessFunction.Context<String> ctx, Collector<String> out) {
      ValueState<Long> count = ctx.state(COUNT);
      count.update(count.value() == null ? 1 : count.value() + 1);
      ctx.output(SEEN_SECOND, ctx.currentKey() + ":" + value.value());
    }

    @Override
    public void onTimer(long timestamp, KeyedProcessFunction.TimerContext<String> ctx, Collector<String> out) {
      out.collect(ctx.currentKey() + "=" + ctx.state(COUNT).value() + "@" + timestamp + " " + ctx.timeDomain());
    }
  }

  @Test
  void keyedConnectHasTimersAndSideOutputs() {
    StreamBuilder b = StreamProgram.builder("co_timers");
    Sink.Collect<String> out = Sinks.collect("out");
    Sink.Collect<String> seen = Sinks.collect("seen");
    DataStream<Event> first = b.source(Script.of(Event.class)
        .element(Event.of("a", 0, 1), 100).element(Event.of("b", 0, 2), 200).build(),
        WatermarkStrategy.forMonotonousTimestamps());
    DataStream<Event> second = b.source(Script.of(Event.class)
        .element(Event.of("a", 0, 3), 300).element(Event.of("a", 0, 4), 400).element(Event.of("c", 0, 5), 500).build(),
        WatermarkStrategy.forMonotonousTimestamps());
    DataStream<String> counts = first.keyBy(Event::key).connect(second.keyBy(Event::key)).process(new CountBoth());
    counts.sink(out);
    counts.sideOutput(CountBoth.SEEN_SECOND).sink(seen);

    StreamResult result = execute(b.build(), StreamOptions.defaults().withParallelism(2)).orThrow();

    assertThat(result.collected(out)).containsExactlyInAnyOrder("a=3@10000 EVENT_TIME", "b=1@10000 EVENT_TIME");
    assertThat(result.collected(seen)).containsExactlyInAnyOrder("a:3", "a:4", "c:5");
  }
}
