package io.solidstream.runtime.flink.pipeline;

/** How a node of the plan (a step, a mapped clone, or a template as a whole) ended. */
enum Outcome {
  SUCCESS,
  FAILURE,
  /** Skipped because an optional output it needs was not emitted: downstream may still run. */
  SKIPPED,
  /** Skipped because something upstream failed: downstream is skipped too. */
  SKIPPED_AFTER_FAILURE;

  /** Whether steps downstream of a node that ended so must be skipped as after a failure. */
  boolean failed() {
    return this == FAILURE || this == SKIPPED_AFTER_FAILURE;
  }
}
