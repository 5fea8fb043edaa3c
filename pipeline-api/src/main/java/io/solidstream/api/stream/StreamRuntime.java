package io.solidstream.api.stream;

/**
 * Runs stream programs: the SPI every runtime implements (in-process, Flink mini-cluster, remote
 * Flink). The same program gives the same results on each.
 */
public interface StreamRuntime extends AutoCloseable {

  /** A short name, e.g. {@code in-process}. */
  String name();

  /** Starts a job and returns at once. */
  StreamJob start(StreamProgram program, StreamOptions options);

  /** Starts a job with default options. */
  default StreamJob start(StreamProgram program) {
    return start(program, StreamOptions.defaults());
  }

  /** Runs a bounded program to its end. */
  default StreamResult execute(StreamProgram program) {
    return start(program).await();
  }

  @Override
  default void close() {}
}
