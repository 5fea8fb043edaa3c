package io.solidstream.api.stream.graph;

import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.function.ProcessWindowFunction;
import io.solidstream.api.stream.function.ReduceFunction;
import io.solidstream.api.stream.function.WindowResultFunction;
import java.io.Serializable;

/** What a window computes when it fires. */
public sealed interface WindowFunctionSpec extends Serializable {

  /** Incremental reduce; {@code result} (nullable) turns the reduced value into the output. */
  record Reduce(ReduceFunction<?> reducer, WindowResultFunction<?, ?, ?> result) implements WindowFunctionSpec {}

  /** Incremental aggregate; {@code result} (nullable) turns the aggregate into the output. */
  record Aggregate(Aggregator<?, ?, ?> aggregator, WindowResultFunction<?, ?, ?> result) implements WindowFunctionSpec {}

  /** All elements at once. */
  record Process(ProcessWindowFunction<?, ?, ?> function) implements WindowFunctionSpec {}
}
