package io.solidstream.benchmarks.windowed;

/** One way of running the {@code windowed-count} workload. */
public interface Engine {

  /** The engine's name on the command line, e.g. {@code plain-java}. */
  String name();

  /**
   * Runs the whole workload: set-up (e.g. a cluster start) and translation included, ending with
   * the final result.
   */
  Workload.Outcome run(long events, int keys, int parallelism) throws Exception;

  /**
   * Releases what the last {@link #run} left running after its final result (e.g. stops its
   * cluster); called untimed, after every run. Does nothing by default.
   */
  default void release() {}
}
