package io.solidstream.runtime.local.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * What the operators of one task share: the processing-time clock and the processing-time timer
 * queue. Only the task's thread uses it.
 *
 * <p>With manual processing time the clock starts at the options' start and only moves when a
 * scripted source advances it ({@link #advanceTo(long)}); the advance then travels to downstream
 * tasks with the data, so a task fires its processing-time timers after the records that preceded
 * the advance. Otherwise the clock is the wall clock and the task fires due timers between
 * records.
 */
final class TaskContext {
  private final boolean manual;
  private long manualNow;
  private final PriorityQueue<Scheduled> timers = new PriorityQueue<>();
  private final List<ExchangeOutput> exchanges = new ArrayList<>();
  private long sequence;

  private record Scheduled(long time, long sequence, StreamOperator operator) implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  TaskContext(boolean manual, long start) {
    this.manual = manual;
    this.manualNow = start;
  }

  /** The current processing time in ms. */
  long now() {
    return manual ? manualNow : System.currentTimeMillis();
  }

  /** Whether processing time is manual. */
  boolean manual() {
    return manual;
  }

  /** Asks for {@code operator.onProcessingTime} once the clock reaches {@code time}. */
  void scheduleProcessingTime(long time, StreamOperator operator) {
    timers.add(new Scheduled(time, sequence++, operator));
  }

  /** The earliest scheduled time, or {@link Long#MAX_VALUE}. */
  long nextTimerTime() {
    Scheduled next = timers.peek();
    return next == null ? Long.MAX_VALUE : next.time;
  }

  /** Fires every timer due now, in time order. */
  void fireDueTimers() {
    if (timers.isEmpty()) {
      return;
    }
    long now = now();
    while (!timers.isEmpty() && timers.peek().time <= now) {
      Scheduled due = timers.poll();
      due.operator.onProcessingTime(now);
    }
  }

  /** Registers an exchange output of this task, to forward manual clock advances. */
  void addExchange(ExchangeOutput exchange) {
    exchanges.add(exchange);
  }

  /**
   * Moves the manual clock to {@code time} (never back), fires due timers and forwards the
   * advance to downstream tasks. Without manual time, only fires due timers.
   */
  void advanceTo(long time) {
    if (manual) {
      if (time <= manualNow) {
        return;
      }
      manualNow = time;
    }
    fireDueTimers();
    for (ExchangeOutput exchange : exchanges) {
      exchange.processingTime(time);
    }
  }

  /** Sends buffered exchange records on their way. */
  void flushExchanges() {
    for (ExchangeOutput exchange : exchanges) {
      exchange.flush();
    }
  }
}
