package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.JoinFunction;
import io.solidstream.api.stream.function.ProcessWindowFunction;
import io.solidstream.api.stream.function.ReduceFunction;
import io.solidstream.api.stream.function.WindowResultFunction;
import io.solidstream.api.stream.time.TimeDomain;
import io.solidstream.api.stream.time.TimeWindow;
import io.solidstream.api.stream.time.WindowSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Keyed windows, {@code windowAll} (key {@code null}) and window joins (two inputs), with Flink's
 * {@code WindowOperator} semantics and default triggers:
 *
 * <ul>
 *   <li>Tumbling and sliding windows are aligned to the epoch plus the offset; a record belongs to
 *       one (tumbling) or {@code size / slide} (sliding) windows. Session windows start as
 *       {@code [t, t + gap)} and merge with every window of the key they intersect (touching
 *       counts, {@link TimeWindow#intersects}); the merged window's state is the merge of theirs
 *       (aggregator merge, reduce, or concatenation of the buffered elements), then the record is
 *       added.
 *   <li>Event time: a window fires when the watermark reaches {@code maxTimestamp()}. Its state is
 *       kept until the watermark reaches {@code maxTimestamp() + allowedLateness}. A record whose
 *       every window is past that point is late: it goes to the late-data side output if one is
 *       set, otherwise it is dropped and counted ({@code lateRecordsDropped}). A record added to a
 *       window that already fired (late, but within the allowed lateness) fires the window again
 *       at once with its full contents.
 *   <li>Processing time: a record belongs to the windows of the current processing time; a window
 *       fires, and is purged, when the clock reaches {@code maxTimestamp()}. Windows still open
 *       when a bounded job ends do not fire (as in Flink, pending processing-time timers are
 *       dropped at the end of input).
 *   <li>Reduce and aggregate are incremental (one accumulator per window and key); process
 *       buffers the elements in arrival order; a join buffers both sides and joins every pair of
 *       equal keys when the window fires. Outputs carry the timestamp {@code maxTimestamp()}.
 * </ul>
 *
 * <p>Windows are found per key in a hash map (no scan of other keys), and fire from a sorted map
 * of fire times: a watermark only touches the windows it makes due. Tumbling event-time windows
 * run on {@link TumblingWindowOperator} instead, a fast path with the same semantics and output
 * order (chosen in {@link OperatorRegistry}).
 */
final class WindowOperator extends StreamOperator {

  /** What a window holds and computes. */
  interface PaneFunction {
    /** The state of a new window. */
    Object create();

    /** Adds a record of {@code input}; returns the new state. */
    Object add(Object state, int input, Object value) throws Exception;

    /** Merges the states of two merging windows, {@code a} the earlier. */
    Object merge(Object a, Object b) throws Exception;

    /** Emits the window's result. */
    void emit(Object key, TimeWindow window, Object state, Collector<Object> out) throws Exception;
  }

  /** The state of one window of one key. */
  private static final class Pane {
    final Object key;
    long start;
    long end;
    TimeWindow window;
    Object state;
    long fireTime = Long.MIN_VALUE;
    long cleanupTime = Long.MIN_VALUE;
    boolean dead;
    /** The next window of the same key (a key's windows form a short linked list). */
    Pane next;

    Pane(Object key, long start, long end, Object state) {
      this.key = key;
      this.start = start;
      this.end = end;
      this.window = new TimeWindow(start, end);
      this.state = state;
    }
  }

  private final Function<Object, Object>[] keySelectors;
  private final WindowSpec.Kind kind;
  private final boolean eventTime;
  private final long size;
  private final long slide;
  private final long gap;
  private final long offset;
  private final long lateness;
  private final String lateTag;
  private final PaneFunction function;
  private final HashMap<Object, Pane> panesByKey = new HashMap<>();
  private final TreeMap<Long, ArrayList<Pane>> fireQueue = new TreeMap<>();
  private final TreeMap<Long, ArrayList<Pane>> cleanupQueue = new TreeMap<>();
  private final ArrayList<Pane> merging = new ArrayList<>();
  private final BasicOperators.TimestampedCollector collector = new BasicOperators.TimestampedCollector(this);

  /**
   * A window operator.
   *
   * @param keySelectors the key of each input's records; null entries for {@code windowAll}
   * @param lateTag the id of the late-data side output, or null to drop late records
   */
  WindowOperator(String name, Function<Object, Object>[] keySelectors, WindowSpec spec, long allowedLateness,
      String lateTag, PaneFunction function) {
    super(name);
    this.keySelectors = keySelectors.clone();
    this.kind = spec.kind();
    this.eventTime = spec.domain() == TimeDomain.EVENT_TIME;
    this.size = spec.size();
    this.slide = spec.slide();
    this.gap = spec.gap();
    this.offset = spec.offset();
    this.lateness = eventTime ? allowedLateness : 0;
    this.lateTag = lateTag;
    this.function = function;
  }

  @Override
  void processElement(int input, Object value, long timestamp) {
    Function<Object, Object> selector = keySelectors[input];
    Object key;
    try {
      key = selector == null ? null : selector.apply(value);
    } catch (RuntimeException e) {
      throw userFailure(e);
    }
    long time;
    if (eventTime) {
      if (timestamp == NO_TIMESTAMP) {
        throw userFailure(new IllegalStateException("a record without a timestamp reached an event-time window: "
            + value + "; give its source a WatermarkStrategy with a timestamp assigner"));
      }
      time = timestamp;
    } else {
      time = task.now();
    }
    boolean accepted;
    switch (kind) {
      case TUMBLING -> {
        long start = TimeWindow.startOf(time, offset, size);
        accepted = add(key, start, start + size, input, value);
      }
      case SLIDING -> {
        accepted = false;
        long last = TimeWindow.startOf(time, offset, slide);
        for (long start = last; start > time - size; start -= slide) {
          accepted |= add(key, start, start + size, input, value);
        }
      }
      default -> accepted = addToSession(key, time, input, value);
    }
    if (!accepted) {
      if (lateTag != null) {
        emitSide(lateTag, value, timestamp);
      } else {
        countLateDropped();
      }
    }
  }

  /** When the state of a window with this max timestamp is purged (Flink's cleanup time). */
  private long cleanupTime(long maxTimestamp) {
    long cleanup = maxTimestamp + lateness;
    return cleanup >= maxTimestamp ? cleanup : Long.MAX_VALUE;
  }

  private boolean isLate(long maxTimestamp) {
    return eventTime && cleanupTime(maxTimestamp) <= currentWatermark;
  }

  private boolean add(Object key, long start, long end, int input, Object value) {
    long maxTimestamp = end - 1;
    if (isLate(maxTimestamp)) {
      return false;
    }
    Pane head = panesByKey.get(key);
    Pane pane = head;
    while (pane != null && (pane.start != start || pane.end != end)) {
      pane = pane.next;
    }
    if (pane == null) {
      pane = new Pane(key, start, end, create());
      pane.next = head;
      panesByKey.put(key, pane);
      schedule(pane);
    }
    addTo(pane, input, value);
    return true;
  }

  private boolean addToSession(Object key, long time, int input, Object value) {
    long start = time;
    long end = time + gap;
    merging.clear();
    for (Pane candidate = panesByKey.get(key); candidate != null; candidate = candidate.next) {
      if (candidate.start <= end && candidate.end >= start) {
        merging.add(candidate);
      }
    }
    Pane pane;
    if (merging.isEmpty()) {
      if (isLate(end - 1)) {
        return false;
      }
      pane = new Pane(key, start, end, create());
      pane.next = panesByKey.get(key);
      panesByKey.put(key, pane);
      schedule(pane);
    } else {
      merging.sort(Comparator.comparingLong(p -> p.start));
      pane = merging.get(0);
      long mergedStart = Math.min(start, pane.start);
      long mergedEnd = Math.max(end, pane.end);
      Object state = pane.state;
      for (int i = 1; i < merging.size(); i++) {
        Pane other = merging.get(i);
        mergedEnd = Math.max(mergedEnd, other.end);
        try {
          state = function.merge(state, other.state);
        } catch (Exception e) {
          throw userFailure(e);
        }
        purge(other);
      }
      pane.state = state;
      merging.clear();
      if (mergedStart != pane.start || mergedEnd != pane.end) {
        pane.start = mergedStart;
        pane.end = mergedEnd;
        pane.window = new TimeWindow(mergedStart, mergedEnd);
        schedule(pane);
      }
    }
    addTo(pane, input, value);
    return true;
  }

  private Object create() {
    try {
      return function.create();
    } catch (RuntimeException e) {
      throw userFailure(e);
    }
  }

  private void addTo(Pane pane, int input, Object value) {
    try {
      pane.state = function.add(pane.state, input, value);
    } catch (Exception e) {
      throw userFailure(e);
    }
    if (eventTime && pane.end - 1 <= currentWatermark) {
      fire(pane);
    }
  }

  /** Registers the firing (unless due already: then adding fires) and the cleanup of a window. */
  private void schedule(Pane pane) {
    long maxTimestamp = pane.end - 1;
    if (!eventTime || maxTimestamp > currentWatermark) {
      pane.fireTime = maxTimestamp;
      enqueue(fireQueue, maxTimestamp, pane, !eventTime);
    } else {
      pane.fireTime = Long.MIN_VALUE;
    }
    if (lateness > 0) {
      pane.cleanupTime = cleanupTime(maxTimestamp);
      enqueue(cleanupQueue, pane.cleanupTime, pane, false);
    }
  }

  private void enqueue(TreeMap<Long, ArrayList<Pane>> queue, long time, Pane pane, boolean processingTime) {
    ArrayList<Pane> due = queue.get(time);
    if (due == null) {
      due = new ArrayList<>();
      queue.put(time, due);
      if (processingTime) {
        task.scheduleProcessingTime(time, this);
      }
    }
    due.add(pane);
  }

  private void fire(Pane pane) {
    collector.timestamp = pane.end - 1;
    try {
      function.emit(pane.key, pane.window, pane.state, collector);
    } catch (Exception e) {
      throw userFailure(e);
    }
  }

  private void purge(Pane pane) {
    pane.dead = true;
    pane.state = null;
    Pane head = panesByKey.get(pane.key);
    if (head == pane) {
      if (pane.next == null) {
        panesByKey.remove(pane.key);
      } else {
        panesByKey.put(pane.key, pane.next);
      }
    } else {
      for (Pane previous = head; previous != null; previous = previous.next) {
        if (previous.next == pane) {
          previous.next = pane.next;
          break;
        }
      }
    }
    pane.next = null;
  }

  @Override
  void onWatermark(long watermark) {
    if (eventTime) {
      fireDue(watermark);
    }
  }

  @Override
  void onProcessingTime(long now) {
    if (!eventTime) {
      fireDue(now);
    }
  }

  private void fireDue(long time) {
    while (!fireQueue.isEmpty() && fireQueue.firstKey() <= time) {
      Map.Entry<Long, ArrayList<Pane>> due = fireQueue.pollFirstEntry();
      long fireTime = due.getKey();
      for (Pane pane : due.getValue()) {
        if (!pane.dead && pane.fireTime == fireTime) {
          fire(pane);
          if (lateness == 0) {
            purge(pane);
          }
        }
      }
    }
    while (!cleanupQueue.isEmpty() && cleanupQueue.firstKey() <= time) {
      Map.Entry<Long, ArrayList<Pane>> due = cleanupQueue.pollFirstEntry();
      for (Pane pane : due.getValue()) {
        if (!pane.dead && pane.cleanupTime == due.getKey()) {
          purge(pane);
        }
      }
    }
  }

  // ------------------------------------------------------------------ what windows compute

  private static final Object EMPTY = new Object();

  /** Incremental reduce, optionally through a window result function. */
  static PaneFunction reduce(ReduceFunction<Object> reducer, WindowResultFunction<Object, Object, Object> result) {
    return new PaneFunction() {
      @Override
      public Object create() {
        return EMPTY;
      }

      @Override
      public Object add(Object state, int input, Object value) throws Exception {
        return state == EMPTY ? value : reducer.reduce(state, value);
      }

      @Override
      public Object merge(Object a, Object b) throws Exception {
        return a == EMPTY ? b : b == EMPTY ? a : reducer.reduce(a, b);
      }

      @Override
      public void emit(Object key, TimeWindow window, Object state, Collector<Object> out) throws Exception {
        if (state != EMPTY) {
          out.collect(result == null ? state : result.apply(key, window, state));
        }
      }
    };
  }

  /** Incremental aggregation, optionally through a window result function. */
  static PaneFunction aggregate(Aggregator<Object, Object, Object> aggregator,
      WindowResultFunction<Object, Object, Object> result) {
    return new PaneFunction() {
      @Override
      public Object create() {
        return aggregator.createAccumulator();
      }

      @Override
      public Object add(Object state, int input, Object value) {
        return aggregator.add(value, state);
      }

      @Override
      public Object merge(Object a, Object b) {
        return aggregator.merge(a, b);
      }

      @Override
      public void emit(Object key, TimeWindow window, Object state, Collector<Object> out) throws Exception {
        Object value = aggregator.result(state);
        out.collect(result == null ? value : result.apply(key, window, value));
      }
    };
  }

  /** All elements, in arrival order, handed to a process window function. */
  static PaneFunction process(ProcessWindowFunction<Object, Object, Object> function) {
    return new PaneFunction() {
      @Override
      public Object create() {
        return new ArrayList<>();
      }

      @Override
      @SuppressWarnings("unchecked")
      public Object add(Object state, int input, Object value) {
        ((ArrayList<Object>) state).add(value);
        return state;
      }

      @Override
      @SuppressWarnings("unchecked")
      public Object merge(Object a, Object b) {
        ((ArrayList<Object>) a).addAll((ArrayList<Object>) b);
        return a;
      }

      @Override
      @SuppressWarnings("unchecked")
      public void emit(Object key, TimeWindow window, Object state, Collector<Object> out) throws Exception {
        function.process(key, window, Collections.unmodifiableList((List<Object>) state), out);
      }
    };
  }

  /** Both sides of a window join; every left-right pair is joined when the window fires. */
  static PaneFunction join(JoinFunction<Object, Object, Object> join) {
    return new PaneFunction() {
      @Override
      public Object create() {
        return new JoinBuffers();
      }

      @Override
      public Object add(Object state, int input, Object value) {
        JoinBuffers buffers = (JoinBuffers) state;
        (input == 0 ? buffers.left : buffers.right).add(value);
        return state;
      }

      @Override
      public Object merge(Object a, Object b) {
        JoinBuffers first = (JoinBuffers) a;
        JoinBuffers second = (JoinBuffers) b;
        first.left.addAll(second.left);
        first.right.addAll(second.right);
        return first;
      }

      @Override
      public void emit(Object key, TimeWindow window, Object state, Collector<Object> out) throws Exception {
        JoinBuffers buffers = (JoinBuffers) state;
        for (Object left : buffers.left) {
          for (Object right : buffers.right) {
            out.collect(join.join(left, right));
          }
        }
      }
    };
  }

  private static final class JoinBuffers {
    final ArrayList<Object> left = new ArrayList<>();
    final ArrayList<Object> right = new ArrayList<>();
  }
}
