package io.solidstream.api.stream.time;

/** Which clock a window or timer follows. */
public enum TimeDomain {
  /** The records' timestamps, advanced by watermarks. */
  EVENT_TIME,
  /** The wall clock of the machine that runs the operator (a test clock in the test kit). */
  PROCESSING_TIME
}
