package io.solidstream.api.stream.function;

import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.state.KeyedStateStore;
import io.solidstream.api.stream.time.TimeDomain;
import io.solidstream.api.stream.time.TimerService;
import java.io.Serializable;

/**
 * Processes each record of a keyed stream with keyed state and timers; the most general keyed
 * operation. State and timers are scoped to the key of the record (or timer) being processed.
 *
 * <pre>{@code
 * keyed.process((click, ctx, out) -> {
 *   ValueState<Long> count = ctx.state(COUNT);
 *   count.update(count.value() == null ? 1 : count.value() + 1);
 *   ctx.timers().registerEventTimeTimer(ctx.timestamp() + 60_000);
 * })
 * }</pre>
 *
 * @param <K> key type
 * @param <I> input type
 * @param <O> output type
 */
@FunctionalInterface
public interface KeyedProcessFunction<K, I, O> extends Serializable {

  /** Processes one record. */
  void processElement(I value, Context<K> ctx, Collector<O> out) throws Exception;

  /** Called when a timer registered for {@code ctx.currentKey()} fires; does nothing by default. */
  default void onTimer(long timestamp, TimerContext<K> ctx, Collector<O> out) throws Exception {}

  /** What a keyed process function sees: the record, key, state, timers, side outputs. */
  interface Context<K> extends KeyedStateStore {
    /** The timestamp of the record (or of the firing timer), or {@code null} if none. */
    Long timestamp();

    /** The key being processed. */
    K currentKey();

    /** Time and timers of the current key. */
    TimerService timers();

    /** Emits {@code value} to the side output {@code tag}. */
    <X> void output(OutputTag<X> tag, X value);
  }

  /** The context of a firing timer. */
  interface TimerContext<K> extends Context<K> {
    /** Whether an event-time or a processing-time timer fired. */
    TimeDomain timeDomain();
  }
}
