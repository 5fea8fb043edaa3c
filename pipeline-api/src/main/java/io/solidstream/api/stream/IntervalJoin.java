package io.solidstream.api.stream;

import io.solidstream.api.stream.function.JoinFunction;
import io.solidstream.api.stream.graph.StreamNode;
import java.time.Duration;

/**
 * An interval join under construction: {@code a.intervalJoin(b).between(lower, upper).join(fn)}.
 * A left record at time {@code t} joins every right record of the same key with a timestamp in
 * {@code [t + lower, t + upper]} (bounds inclusive unless made exclusive), as in Flink. Needs event
 * time on both inputs. Immutable.
 *
 * @param <A> left type
 * @param <B> right type
 * @param <K> key type
 */
public final class IntervalJoin<A, B, K> {
  private final StreamBuilder builder;
  private final int left;
  private final int right;
  private final long lower;
  private final long upper;
  private final boolean lowerInclusive;
  private final boolean upperInclusive;
  private final boolean boundsSet;

  IntervalJoin(StreamBuilder builder, int left, int right, long lower, long upper,
      boolean lowerInclusive, boolean upperInclusive, boolean boundsSet) {
    this.builder = builder;
    this.left = left;
    this.right = right;
    this.lower = lower;
    this.upper = upper;
    this.lowerInclusive = lowerInclusive;
    this.upperInclusive = upperInclusive;
    this.boundsSet = boundsSet;
  }

  /** The interval relative to the left record's timestamp; {@code lower <= upper}, either may be negative. */
  public IntervalJoin<A, B, K> between(Duration lower, Duration upper) {
    long lo = lower.toMillis();
    long hi = upper.toMillis();
    if (lo > hi) {
      throw new IllegalArgumentException("interval join lower bound " + lower + " is above the upper bound " + upper);
    }
    return new IntervalJoin<>(builder, left, right, lo, hi, lowerInclusive, upperInclusive, true);
  }

  /** Excludes the lower bound. */
  public IntervalJoin<A, B, K> lowerBoundExclusive() {
    return new IntervalJoin<>(builder, left, right, lower, upper, false, upperInclusive, boundsSet);
  }

  /** Excludes the upper bound. */
  public IntervalJoin<A, B, K> upperBoundExclusive() {
    return new IntervalJoin<>(builder, left, right, lower, upper, lowerInclusive, false, boundsSet);
  }

  /** Joins each matching pair with {@code function}; the output's timestamp is the later of the two. */
  public <O> DataStream<O> join(JoinFunction<A, B, O> function) {
    if (!boundsSet) {
      throw new IllegalStateException("interval join needs bounds; call between(lower, upper) first");
    }
    builder.checkFunction(function, "function", "interval join");
    return new DataStream<>(builder, builder.add("interval_join", (i, n) -> new StreamNode.IntervalJoin(
        i, n, left, right, lower, upper, lowerInclusive, upperInclusive, function)));
  }
}
