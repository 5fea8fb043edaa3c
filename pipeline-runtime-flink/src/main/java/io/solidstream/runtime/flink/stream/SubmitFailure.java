package io.solidstream.runtime.flink.stream;

/**
 * The failure to report when a job cannot be submitted: Flink's wrappers ("Failed to execute job")
 * say nothing, so the message names the root cause, which for a remote cluster is the last
 * {@code Caused by:} line of the server-side trace the REST client received.
 */
final class SubmitFailure {
  private SubmitFailure() {}

  static IllegalStateException of(String program, String runtime, Exception e) {
    String cause = rootCause(e);
    String hint = cause.contains("ClassNotFoundException") || cause.contains("NoClassDefFoundError")
        ? "; the cluster lacks a class of the job: ship the jar that holds it (with FlinkCluster.remote(...)"
            + ".withJars(...) list every jar the job needs, or ship the class path)"
        : "";
    return new IllegalStateException("could not submit stream program '" + program + "' to " + runtime + ": " + cause
        + hint, e);
  }

  static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getName() : root.toString();
    String lastCausedBy = null;
    for (String line : message.split("\n")) {
      if (line.startsWith("Caused by: ")) {
        lastCausedBy = line.substring("Caused by: ".length()).strip();
      }
    }
    if (lastCausedBy != null) {
      return lastCausedBy;
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
