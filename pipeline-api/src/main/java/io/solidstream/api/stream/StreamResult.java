package io.solidstream.api.stream;

import io.solidstream.api.stream.io.Sink;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a stream job: status, collected records per collect sink, operator counters.
 * The same object on every runtime.
 */
public final class StreamResult {
  private final String program;
  private final JobStatus status;
  private final Throwable failure;
  private final Map<String, List<Object>> collected;
  private final Map<String, OperatorMetrics> metrics;

  /** A result; runtimes build it when the job ends. */
  public StreamResult(
      String program, JobStatus status, Throwable failure, Map<String, List<Object>> collected,
      Map<String, OperatorMetrics> metrics) {
    this.program = program;
    this.status = status;
    this.failure = failure;
    Map<String, List<Object>> copy = new LinkedHashMap<>();
    collected.forEach((name, records) -> copy.put(name, Collections.unmodifiableList(records)));
    this.collected = Collections.unmodifiableMap(copy);
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public String program() {
    return program;
  }

  public JobStatus status() {
    return status;
  }

  /** The failure, if the job failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** The records the collect sink received, in arrival order. */
  @SuppressWarnings("unchecked")
  public <T> List<T> collected(Sink.Collect<T> sink) {
    return (List<T>) collected(sink.name());
  }

  /** The records of the collect sink named {@code name}. */
  public List<Object> collected(String name) {
    List<Object> records = collected.get(name);
    if (records == null) {
      throw new IllegalArgumentException("stream program '" + program + "' has no collect sink '" + name
          + "'; collect sinks: " + collected.keySet());
    }
    return records;
  }

  /** Counters by operator name. */
  public Map<String, OperatorMetrics> metrics() {
    return metrics;
  }

  /** The counters of one operator. */
  public OperatorMetrics metrics(String operator) {
    OperatorMetrics m = metrics.get(operator);
    if (m == null) {
      throw new IllegalArgumentException("no operator '" + operator + "'; operators: " + metrics.keySet());
    }
    return m;
  }

  /**
   * Returns this result if the job finished; otherwise throws its failure.
   *
   * @throws RuntimeException the failure, or an IllegalStateException if cancelled
   */
  public StreamResult orThrow() {
    if (status == JobStatus.FINISHED) {
      return this;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    throw new IllegalStateException("stream job '" + program + "' ended " + status, failure);
  }

  @Override
  public String toString() {
    return "StreamResult{program=" + program + ", status=" + status + "}";
  }
}
