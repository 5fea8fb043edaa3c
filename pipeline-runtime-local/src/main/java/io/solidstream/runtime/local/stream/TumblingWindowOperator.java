package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.time.TimeWindow;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The fast path of {@link WindowOperator} for tumbling event-time windows (keyed, {@code
 * windowAll} and window joins), with the same semantics and the same output order: windows fire
 * in order of their end when the watermark reaches {@code maxTimestamp()}, the keys of one window
 * in the order their first record arrived; allowed lateness, late firing at once with the full
 * contents, the late-data side output and the count of dropped records are those of {@link
 * WindowOperator}.
 *
 * <p>Instead of one pane object per key and window in a per-key list, with a sorted map of fire
 * times, it keeps one table per open window: an open-addressing hash index over arrays of keys,
 * key hashes and states in insertion order. A record computes its key's hash once and usually
 * finds its window in a one-entry cache; one {@link TimeWindow} is shared by every key of a
 * window. Tumbling windows all have the same size, so fire times and cleanup times grow with the
 * window start: the open windows are an array sorted by start, fired and dropped from its head,
 * and a watermark does nothing unless it reaches {@link #nextAction}, the earliest fire or cleanup
 * time. A dropped window's table is kept for the next window.
 */
final class TumblingWindowOperator extends StreamOperator {

  /** Every key's state of one tumbling window. */
  static final class Panes {
    long start;
    long maxTimestamp;
    long cleanupTime;
    TimeWindow window;
    /** Whether the watermark reached {@link #maxTimestamp}: records added now fire at once. */
    boolean fired;
    Object[] keys = new Object[8];
    Object[] states = new Object[8];
    int[] hashes = new int[8];
    int size;
    /** Open-addressing index: entry + 1 per slot, 0 if free; at most half full. */
    int[] table = new int[16];
    int shift = 32 - 4;

    void init(long start, long end, long cleanupTime) {
      this.start = start;
      this.maxTimestamp = end - 1;
      this.cleanupTime = cleanupTime;
      this.window = new TimeWindow(start, end);
      this.fired = false;
    }

    /** The entry of {@code key}, or -1. */
    int find(Object key, int hash) {
      int mask = table.length - 1;
      for (int slot = (hash * 0x9E3779B9) >>> shift; ; slot = (slot + 1) & mask) {
        int entry = table[slot] - 1;
        if (entry < 0) {
          return -1;
        }
        if (hashes[entry] == hash) {
          Object existing = keys[entry];
          if (existing == key || existing != null && existing.equals(key)) {
            return entry;
          }
        }
      }
    }

    /** Adds {@code key}, which is not present, with {@code state}; returns its entry. */
    int insert(Object key, int hash, Object state) {
      int entry = size;
      if (entry == keys.length) {
        int capacity = entry * 2;
        keys = Arrays.copyOf(keys, capacity);
        states = Arrays.copyOf(states, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
      }
      keys[entry] = key;
      states[entry] = state;
      hashes[entry] = hash;
      size = entry + 1;
      if (size * 2 > table.length) {
        rehash(table.length * 2);
      } else {
        place(entry, hash);
      }
      return entry;
    }

    private void place(int entry, int hash) {
      int mask = table.length - 1;
      int slot = (hash * 0x9E3779B9) >>> shift;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = entry + 1;
    }

    private void rehash(int capacity) {
      table = new int[capacity];
      shift = 32 - Integer.numberOfTrailingZeros(capacity);
      for (int entry = 0; entry < size; entry++) {
        place(entry, hashes[entry]);
      }
    }

    /** Empties the table for reuse by another window (keeps the capacity). */
    void clear() {
      Arrays.fill(keys, 0, size, null);
      Arrays.fill(states, 0, size, null);
      Arrays.fill(table, 0);
      size = 0;
      window = null;
    }
  }

  private final Function<Object, Object>[] keySelectors;
  private final long size;
  private final long offset;
  private final long lateness;
  private final String lateTag;
  private final WindowOperator.PaneFunction function;
  private final BasicOperators.TimestampedCollector collector = new BasicOperators.TimestampedCollector(this);

  /** The open windows, sorted by start, in {@code open[0 .. openCount)}. */
  private Panes[] open = new Panes[4];
  private int openCount;
  /** The window the previous record went to. */
  private Panes last;
  /** A dropped window's table, for the next window. */
  private Panes spare;
  /** The earliest fire time of an unfired window or cleanup time of a fired one; MAX_VALUE if none. */
  private long nextAction = Long.MAX_VALUE;

  /**
   * A tumbling event-time window operator.
   *
   * @param keySelectors the key of each input's records; null entries for {@code windowAll}
   * @param lateTag the id of the late-data side output, or null to drop late records
   */
  TumblingWindowOperator(String name, Function<Object, Object>[] keySelectors, long size, long offset,
      long allowedLateness, String lateTag, WindowOperator.PaneFunction function) {
    super(name);
    this.keySelectors = keySelectors.clone();
    this.size = size;
    this.offset = offset;
    this.lateness = allowedLateness;
    this.lateTag = lateTag;
    this.function = function;
  }

  @Override
  void processElement(int input, Object value, long timestamp) {
    Function<Object, Object> selector = keySelectors[input];
    Object key;
    int hash;
    try {
      key = selector == null ? null : selector.apply(value);
      hash = key == null ? 0 : key.hashCode();
    } catch (RuntimeException e) {
      throw userFailure(e);
    }
    if (timestamp == NO_TIMESTAMP) {
      throw userFailure(new IllegalStateException("a record without a timestamp reached an event-time window: "
          + value + "; give its source a WatermarkStrategy with a timestamp assigner"));
    }
    long start = TimeWindow.startOf(timestamp, offset, size);
    Panes panes = last;
    if (panes == null || panes.start != start) {
      panes = window(start);
      if (panes == null) {
        if (lateTag != null) {
          emitSide(lateTag, value, timestamp);
        } else {
          countLateDropped();
        }
        return;
      }
      last = panes;
    }
    int entry = panes.find(key, hash);
    try {
      if (entry < 0) {
        entry = panes.insert(key, hash, function.create());
      }
      panes.states[entry] = function.add(panes.states[entry], input, value);
    } catch (Exception e) {
      throw userFailure(e);
    }
    if (panes.fired) {
      fire(panes, entry);
    }
  }

  /** When the state of a window with this max timestamp is purged (Flink's cleanup time). */
  private long cleanupTime(long maxTimestamp) {
    long cleanup = maxTimestamp + lateness;
    return cleanup >= maxTimestamp ? cleanup : Long.MAX_VALUE;
  }

  /** The open window starting at {@code start}, created if needed; null if it is late. */
  private Panes window(long start) {
    int low = 0;
    int high = openCount - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long midStart = open[mid].start;
      if (midStart < start) {
        low = mid + 1;
      } else if (midStart > start) {
        high = mid - 1;
      } else {
        return open[mid];
      }
    }
    long end = start + size;
    long cleanup = cleanupTime(end - 1);
    if (cleanup <= currentWatermark) {
      return null;
    }
    Panes panes = spare != null ? spare : new Panes();
    spare = null;
    panes.init(start, end, cleanup);
    if (openCount == open.length) {
      open = Arrays.copyOf(open, openCount * 2);
    }
    System.arraycopy(open, low, open, low + 1, openCount - low);
    open[low] = panes;
    openCount++;
    if (panes.maxTimestamp <= currentWatermark) {
      // already due (within the allowed lateness): each record fires its key at once
      panes.fired = true;
      nextAction = Math.min(nextAction, cleanup);
    } else {
      nextAction = Math.min(nextAction, panes.maxTimestamp);
    }
    return panes;
  }

  private void fire(Panes panes, int entry) {
    collector.timestamp = panes.maxTimestamp;
    try {
      function.emit(panes.keys[entry], panes.window, panes.states[entry], collector);
    } catch (Exception e) {
      throw userFailure(e);
    }
  }

  @Override
  void onWatermark(long watermark) {
    if (watermark < nextAction) {
      return;
    }
    int dropped = 0;
    for (int i = 0; i < openCount; i++) {
      Panes panes = open[i];
      if (panes.maxTimestamp > watermark) {
        break;
      }
      if (!panes.fired) {
        panes.fired = true;
        for (int entry = 0; entry < panes.size; entry++) {
          fire(panes, entry);
        }
      }
      // cleanup times grow with the start like fire times: only a prefix is dropped
      if (panes.cleanupTime <= watermark && dropped == i) {
        dropped++;
      }
    }
    if (dropped > 0) {
      for (int i = 0; i < dropped; i++) {
        Panes panes = open[i];
        if (panes == last) {
          last = null;
        }
        panes.clear();
        spare = panes;
        open[i] = null;
      }
      System.arraycopy(open, dropped, open, 0, openCount - dropped);
      Arrays.fill(open, openCount - dropped, openCount, null);
      openCount -= dropped;
    }
    long next = Long.MAX_VALUE;
    for (int i = 0; i < openCount; i++) {
      Panes panes = open[i];
      if (!panes.fired) {
        next = Math.min(next, panes.maxTimestamp);
        break;
      }
      next = Math.min(next, panes.cleanupTime);
    }
    nextAction = next;
  }
}
