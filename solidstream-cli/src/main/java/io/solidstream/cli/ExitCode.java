package io.solidstream.cli;

/**
 * The exit codes of the {@code solidstream} command, which scripts can rely on.
 *
 * <pre>{@code
 * solidstream run orders_etl || case $? in 1) echo "the run failed";; 2) echo "fix the command";; 3) echo "retry later";; esac
 * }</pre>
 */
public final class ExitCode {
  /** The command did what it was asked; a run succeeded. */
  public static final int OK = 0;
  /** A run ended in failure or was canceled; a cluster refused a submitted job. */
  public static final int RUN_FAILED = 1;
  /**
   * The invocation is wrong and retrying will not help: bad arguments or options, unknown pipeline
   * or run id, invalid run config or instance config, missing file.
   */
  public static final int USAGE = 2;
  /**
   * Infrastructure was unavailable and retrying may help: unreachable Flink cluster, storage that
   * cannot be opened.
   */
  public static final int UNAVAILABLE = 3;
  /** An unexpected error inside Solidstream: a bug to report, with the output of {@code --verbose}. */
  public static final int INTERNAL = 4;

  private ExitCode() {}
}
