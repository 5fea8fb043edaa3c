package io.solidstream.api.stream;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how a stream job takes checkpoints: consistent snapshots of its state from which a
 * failed job resumes, and the points at which part-file sinks ({@link
 * io.solidstream.api.stream.io.Sinks#textFiles}) commit their output. Immutable.
 *
 * <p>By default ({@link #defaults()}) unbounded programs checkpoint every 10 seconds with {@link
 * Mode#EXACTLY_ONCE}, and bounded programs do not checkpoint (they commit their part files when
 * their input ends, and a failed bounded job is re-run from its start). {@link #every(Duration)}
 * checkpoints every program, {@link #disabled()} none.
 *
 * <pre>{@code
 * StreamOptions options = StreamOptions.defaults()
 *     .withCheckpointing(Checkpointing.every(Duration.ofSeconds(5)).withMode(Checkpointing.Mode.AT_LEAST_ONCE));
 * }</pre>
 *
 * <p>On Flink, checkpoints are Flink's (aligned barriers, state snapshots in the checkpoint
 * directory, see {@link StreamOptions#withCheckpointDirectory(String)}). The in-process runtime
 * takes no state snapshots (it has no failover to resume from one): there a checkpoint is only
 * the commit point of part-file sinks, every {@link #interval()} of processing time.
 *
 * @param when which programs checkpoint
 * @param interval the time between the starts of two checkpoints (at least 10 ms)
 * @param mode the consistency of state and exactly-once sinks after a failure
 */
public record Checkpointing(When when, Duration interval, Mode mode) implements Serializable {

  /** The interval of {@link #defaults()}. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  private static final Duration MIN_INTERVAL = Duration.ofMillis(10);
  private static final Checkpointing DEFAULTS = new Checkpointing(When.UNBOUNDED_PROGRAMS, DEFAULT_INTERVAL,
      Mode.EXACTLY_ONCE);

  /** Which programs take checkpoints. */
  public enum When {
    /** Only programs with an unbounded source (the default). */
    UNBOUNDED_PROGRAMS,
    /** Every program, bounded ones too. */
    ALWAYS,
    /** None: a failed job restarts from its start; unbounded part-file sinks never commit. */
    NEVER
  }

  /** The consistency a checkpoint gives. */
  public enum Mode {
    /**
     * Every record affects state exactly once after a restore; part-file sinks commit every record
     * exactly once (the default).
     */
    EXACTLY_ONCE,
    /**
     * Faster barriers (no alignment), but after a restore some records may affect state twice;
     * part-file sinks still commit whole files, but records after the restored checkpoint may be
     * written again.
     */
    AT_LEAST_ONCE
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the interval is shorter than 10 ms
   */
  public Checkpointing {
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(mode, "mode");
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException("checkpoint interval must be at least 10 ms, was " + interval.toMillis()
          + " ms; use Checkpointing.disabled() to turn checkpoints off");
    }
  }

  /** Unbounded programs every 10 s, exactly-once; bounded programs none. */
  public static Checkpointing defaults() {
    return DEFAULTS;
  }

  /**
   * Every program (bounded ones too) every {@code interval}, exactly-once.
   *
   * @throws IllegalArgumentException if {@code interval} is shorter than 10 ms
   */
  public static Checkpointing every(Duration interval) {
    return new Checkpointing(When.ALWAYS, interval, Mode.EXACTLY_ONCE);
  }

  /** No checkpoints for any program. */
  public static Checkpointing disabled() {
    return new Checkpointing(When.NEVER, DEFAULT_INTERVAL, Mode.EXACTLY_ONCE);
  }

  /** A copy with this consistency mode. */
  public Checkpointing withMode(Mode mode) {
    return new Checkpointing(when, interval, mode);
  }

  /** Whether {@code program} takes checkpoints under this setting. */
  public boolean appliesTo(StreamProgram program) {
    return switch (when) {
      case ALWAYS -> true;
      case NEVER -> false;
      case UNBOUNDED_PROGRAMS -> !program.isBounded();
    };
  }
}
