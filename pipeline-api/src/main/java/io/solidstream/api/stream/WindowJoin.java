package io.solidstream.api.stream;

import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.stream.function.JoinFunction;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.time.WindowSpec;
import java.util.Objects;

/**
 * The steps of a window join: {@code a.join(b).where(keyA).equalTo(keyB).window(spec).apply(fn)}.
 * Every pair of records with equal keys in the same window is joined when the window fires (an
 * inner join; Flink's semantics).
 */
public final class WindowJoin {
  private WindowJoin() {}

  /**
   * Awaiting the left key.
   *
   * @param <A> left type
   * @param <B> right type
   */
  public static final class Where<A, B> {
    private final DataStream<A> left;
    private final DataStream<B> right;

    Where(DataStream<A> left, DataStream<B> right) {
      this.left = left;
      this.right = right;
    }

    /** The key of left records. */
    public <K> EqualTo<A, B, K> where(SerializableFunction<? super A, K> leftKey) {
      return new EqualTo<>(left.keyBy(leftKey), right);
    }
  }

  /**
   * Awaiting the right key.
   *
   * @param <A> left type
   * @param <B> right type
   * @param <K> key type
   */
  public static final class EqualTo<A, B, K> {
    private final KeyedStream<A, K> left;
    private final DataStream<B> right;

    EqualTo(KeyedStream<A, K> left, DataStream<B> right) {
      this.left = left;
      this.right = right;
    }

    /** The key of right records, of the same type as the left key. */
    public Windowed<A, B, K> equalTo(SerializableFunction<? super B, K> rightKey) {
      return new Windowed<>(left, right.keyBy(rightKey));
    }
  }

  /**
   * Awaiting the window.
   *
   * @param <A> left type
   * @param <B> right type
   * @param <K> key type
   */
  public static final class Windowed<A, B, K> {
    private final KeyedStream<A, K> left;
    private final KeyedStream<B, K> right;

    Windowed(KeyedStream<A, K> left, KeyedStream<B, K> right) {
      this.left = left;
      this.right = right;
    }

    /** The windows pairs must share. */
    public Apply<A, B, K> window(WindowSpec spec) {
      return new Apply<>(left, right, Objects.requireNonNull(spec, "spec"));
    }
  }

  /**
   * Awaiting the join function.
   *
   * @param <A> left type
   * @param <B> right type
   * @param <K> key type
   */
  public static final class Apply<A, B, K> {
    private final KeyedStream<A, K> left;
    private final KeyedStream<B, K> right;
    private final WindowSpec spec;

    Apply(KeyedStream<A, K> left, KeyedStream<B, K> right, WindowSpec spec) {
      this.left = left;
      this.right = right;
      this.spec = spec;
    }

    /** Joins each pair with {@code function}. */
    public <O> DataStream<O> apply(JoinFunction<A, B, O> function) {
      StreamBuilder builder = left.builder;
      builder.checkFunction(function, "function", "window join");
      return new DataStream<>(builder, builder.add("window_join",
          (i, n) -> new StreamNode.WindowJoin(i, n, left.id, right.id, spec, function)));
    }
  }
}
