package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.function.JoinFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An interval join with Flink's {@code IntervalJoinOperator} semantics: a left record at {@code t}
 * joins every right record of the same key at {@code t'} with {@code t + lower <= t' <= t + upper}
 * (an exclusive bound moves by one millisecond). Both sides are buffered per key and timestamp;
 * each record is joined against the other side's buffer when it arrives, so every matching pair
 * is emitted exactly once, with the timestamp {@code max(t, t')}. A record older than the
 * operator's watermark is late and dropped (counted in {@code lateRecordsDropped}). Buffers are
 * cleaned up when the watermark passes the last time they can still match: a left record at
 * {@code t} at {@code t + upper} (or {@code t} if {@code upper <= 0}), a right record at {@code t'}
 * at {@code t' - lower} (or {@code t'} if {@code lower >= 0}).
 */
final class IntervalJoinOperator extends StreamOperator {
  private static final int LEFT = 0;

  private final Function<Object, Object> leftKey;
  private final Function<Object, Object> rightKey;
  private final long lower;
  private final long upper;
  private final JoinFunction<Object, Object, Object> function;
  private final HashMap<Object, Buffers> buffers = new HashMap<>();
  private final TreeMap<Long, ArrayList<Cleanup>> cleanups = new TreeMap<>();

  private static final class Buffers {
    final TreeMap<Long, ArrayList<Object>> left = new TreeMap<>();
    final TreeMap<Long, ArrayList<Object>> right = new TreeMap<>();
  }

  private record Cleanup(Object key, int side, long bucket) {}

  IntervalJoinOperator(String name, Function<Object, Object> leftKey, Function<Object, Object> rightKey,
      long lowerBound, long upperBound, boolean lowerInclusive, boolean upperInclusive,
      JoinFunction<Object, Object, Object> function) {
    super(name);
    this.leftKey = leftKey;
    this.rightKey = rightKey;
    this.lower = lowerInclusive ? lowerBound : lowerBound + 1;
    this.upper = upperInclusive ? upperBound : upperBound - 1;
    this.function = function;
  }

  @Override
  void processElement(int input, Object value, long timestamp) {
    Object key;
    try {
      key = (input == LEFT ? leftKey : rightKey).apply(value);
    } catch (RuntimeException e) {
      throw userFailure(e);
    }
    if (timestamp == NO_TIMESTAMP) {
      throw userFailure(new IllegalStateException("a record without a timestamp reached an interval join: " + value
          + "; give its source a WatermarkStrategy with a timestamp assigner"));
    }
    if (currentWatermark != Long.MIN_VALUE && timestamp < currentWatermark) {
      countLateDropped();
      return;
    }
    Buffers keyBuffers = buffers.computeIfAbsent(key, k -> new Buffers());
    boolean left = input == LEFT;
    TreeMap<Long, ArrayList<Object>> own = left ? keyBuffers.left : keyBuffers.right;
    TreeMap<Long, ArrayList<Object>> other = left ? keyBuffers.right : keyBuffers.left;
    own.computeIfAbsent(timestamp, t -> new ArrayList<>()).add(value);
    long from = left ? timestamp + lower : timestamp - upper;
    long to = left ? timestamp + upper : timestamp - lower;
    if (from <= to) {
      NavigableMap<Long, ArrayList<Object>> matches = other.subMap(from, true, to, true);
      for (Map.Entry<Long, ArrayList<Object>> bucket : matches.entrySet()) {
        long outTimestamp = Math.max(timestamp, bucket.getKey());
        for (Object match : bucket.getValue()) {
          Object joined;
          try {
            joined = left ? function.join(value, match) : function.join(match, value);
          } catch (Exception e) {
            throw userFailure(e);
          }
          emit(joined, outTimestamp);
        }
      }
    }
    long relativeUpper = left ? upper : -lower;
    long cleanupTime = relativeUpper > 0 ? timestamp + relativeUpper : timestamp;
    cleanups.computeIfAbsent(cleanupTime, t -> new ArrayList<>()).add(new Cleanup(key, input, timestamp));
  }

  @Override
  void onWatermark(long watermark) {
    while (!cleanups.isEmpty() && cleanups.firstKey() <= watermark) {
      for (Cleanup cleanup : cleanups.pollFirstEntry().getValue()) {
        Buffers keyBuffers = buffers.get(cleanup.key());
        if (keyBuffers != null) {
          (cleanup.side() == LEFT ? keyBuffers.left : keyBuffers.right).remove(cleanup.bucket());
          if (keyBuffers.left.isEmpty() && keyBuffers.right.isEmpty()) {
            buffers.remove(cleanup.key());
          }
        }
      }
    }
  }
}
