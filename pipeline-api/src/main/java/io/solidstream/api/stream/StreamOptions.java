package io.solidstream.api.stream;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a stream job runs: parallelism, test clocks, checkpointing, restarts, and the savepoint it
 * resumes from. Immutable; every {@code withX} returns a copy.
 *
 * <pre>{@code
 * StreamOptions options = StreamOptions.defaults()
 *     .withParallelism(2)
 *     .withCheckpointing(Checkpointing.every(Duration.ofSeconds(5)))
 *     .withCheckpointDirectory("file:///shared/checkpoints")
 *     .withRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ofSeconds(1)));
 * StreamJob job = runtime.start(program, options);
 * String savepoint = job.stopWithSavepoint("file:///shared/savepoints");
 * runtime.start(program, options.fromSavepoint(savepoint));   // goes on where the job stopped
 * }</pre>
 *
 * <p>Defaults: parallelism 1, wall-clock processing time, no mutation check, {@link
 * Checkpointing#defaults()} (unbounded programs checkpoint every 10 s, exactly-once), {@link
 * RestartStrategy#none()}, the runtime's checkpoint directory, no savepoint. What each runtime
 * makes of checkpoints, restarts and savepoints is described on the runtime.
 */
public final class StreamOptions implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final StreamOptions DEFAULTS = new StreamOptions(1, false, false, 0, Checkpointing.defaults(),
      RestartStrategy.none(), null, null);

  private final int parallelism;
  private final boolean checkNoMutation;
  private final boolean manualProcessingTime;
  private final long processingTimeStart;
  private final Checkpointing checkpointing;
  private final RestartStrategy restartStrategy;
  private final String checkpointDirectory;
  private final SavepointRestore savepoint;

  private StreamOptions(int parallelism, boolean checkNoMutation, boolean manualProcessingTime,
      long processingTimeStart, Checkpointing checkpointing, RestartStrategy restartStrategy,
      String checkpointDirectory, SavepointRestore savepoint) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    this.parallelism = parallelism;
    this.checkNoMutation = checkNoMutation;
    this.manualProcessingTime = manualProcessingTime;
    this.processingTimeStart = processingTimeStart;
    this.checkpointing = Objects.requireNonNull(checkpointing, "checkpointing");
    this.restartStrategy = Objects.requireNonNull(restartStrategy, "restartStrategy");
    this.checkpointDirectory = checkpointDirectory;
    this.savepoint = savepoint;
  }

  /** The defaults described above. */
  public static StreamOptions defaults() {
    return DEFAULTS;
  }

  /** How many parallel instances keyed operators get (in-process: threads). */
  public int parallelism() {
    return parallelism;
  }

  /** Whether the in-process runtime checks that functions do not mutate their input records. */
  public boolean checkNoMutation() {
    return checkNoMutation;
  }

  /** Whether processing time only advances when a scripted test source says so. */
  public boolean manualProcessingTime() {
    return manualProcessingTime;
  }

  /** The initial processing time when {@link #manualProcessingTime()}. */
  public long processingTimeStart() {
    return processingTimeStart;
  }

  /** When and how the job checkpoints. */
  public Checkpointing checkpointing() {
    return checkpointing;
  }

  /** What happens when the job fails. */
  public RestartStrategy restartStrategy() {
    return restartStrategy;
  }

  /** Where checkpoints are stored, if set; else the runtime's (or cluster's) default. */
  public Optional<String> checkpointDirectory() {
    return Optional.ofNullable(checkpointDirectory);
  }

  /** The savepoint the job starts from, if any. */
  public Optional<SavepointRestore> savepoint() {
    return Optional.ofNullable(savepoint);
  }

  /** A copy with this parallelism. */
  public StreamOptions withParallelism(int parallelism) {
    return new StreamOptions(parallelism, checkNoMutation, manualProcessingTime, processingTimeStart, checkpointing,
        restartStrategy, checkpointDirectory, savepoint);
  }

  /** A copy that checks (in-process) that user functions leave their inputs unchanged. */
  public StreamOptions withMutationCheck(boolean check) {
    return new StreamOptions(parallelism, check, manualProcessingTime, processingTimeStart, checkpointing,
        restartStrategy, checkpointDirectory, savepoint);
  }

  /** A copy whose processing time starts at {@code start} and only moves when a test source advances it. */
  public StreamOptions withManualProcessingTime(long start) {
    return new StreamOptions(parallelism, checkNoMutation, true, start, checkpointing, restartStrategy,
        checkpointDirectory, savepoint);
  }

  /** A copy with this checkpointing, e.g. {@code Checkpointing.every(Duration.ofSeconds(5))}. */
  public StreamOptions withCheckpointing(Checkpointing checkpointing) {
    Objects.requireNonNull(checkpointing, "checkpointing");
    return new StreamOptions(parallelism, checkNoMutation, manualProcessingTime, processingTimeStart, checkpointing,
        restartStrategy, checkpointDirectory, savepoint);
  }

  /** A copy with this restart strategy, e.g. {@code RestartStrategy.fixedDelay(3, Duration.ofSeconds(1))}. */
  public StreamOptions withRestartStrategy(RestartStrategy restartStrategy) {
    Objects.requireNonNull(restartStrategy, "restartStrategy");
    return new StreamOptions(parallelism, checkNoMutation, manualProcessingTime, processingTimeStart, checkpointing,
        restartStrategy, checkpointDirectory, savepoint);
  }

  /**
   * A copy that stores checkpoints under {@code uri}: a directory every JobManager and
   * TaskManager reaches ({@code file:///shared/...} on a shared file system, {@code s3://...}, or
   * a local path for the mini-cluster).
   *
   * @throws IllegalArgumentException if {@code uri} is blank
   */
  public StreamOptions withCheckpointDirectory(String uri) {
    Objects.requireNonNull(uri, "uri");
    if (uri.isBlank()) {
      throw new IllegalArgumentException("checkpoint directory must not be blank; give a path or URI such as"
          + " file:///shared/checkpoints");
    }
    return new StreamOptions(parallelism, checkNoMutation, manualProcessingTime, processingTimeStart, checkpointing,
        restartStrategy, uri, savepoint);
  }

  /** A copy that stores checkpoints in the local (or shared, mounted) directory {@code dir}. */
  public StreamOptions withCheckpointDirectory(Path dir) {
    return withCheckpointDirectory(dir.toAbsolutePath().toUri().toString());
  }

  /**
   * A copy that starts the job from the savepoint at {@code path}, strictly: savepoint state of
   * an operator the program no longer has fails the start.
   *
   * @throws IllegalArgumentException if {@code path} is blank
   */
  public StreamOptions fromSavepoint(String path) {
    return fromSavepoint(path, false);
  }

  /**
   * A copy that starts the job from the savepoint at {@code path}; with {@code
   * allowNonRestoredState}, state of operators the program no longer has is skipped.
   *
   * @throws IllegalArgumentException if {@code path} is blank
   */
  public StreamOptions fromSavepoint(String path, boolean allowNonRestoredState) {
    return new StreamOptions(parallelism, checkNoMutation, manualProcessingTime, processingTimeStart, checkpointing,
        restartStrategy, checkpointDirectory, new SavepointRestore(path, allowNonRestoredState));
  }

  /** A copy that starts with empty state (no savepoint). */
  public StreamOptions withoutSavepoint() {
    return new StreamOptions(parallelism, checkNoMutation, manualProcessingTime, processingTimeStart, checkpointing,
        restartStrategy, checkpointDirectory, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamOptions other
        && parallelism == other.parallelism
        && checkNoMutation == other.checkNoMutation
        && manualProcessingTime == other.manualProcessingTime
        && processingTimeStart == other.processingTimeStart
        && checkpointing.equals(other.checkpointing)
        && restartStrategy.equals(other.restartStrategy)
        && Objects.equals(checkpointDirectory, other.checkpointDirectory)
        && Objects.equals(savepoint, other.savepoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parallelism, checkNoMutation, manualProcessingTime, processingTimeStart, checkpointing,
        restartStrategy, checkpointDirectory, savepoint);
  }

  @Override
  public String toString() {
    return "StreamOptions{parallelism=" + parallelism + ", checkNoMutation=" + checkNoMutation
        + ", manualProcessingTime=" + manualProcessingTime + ", processingTimeStart=" + processingTimeStart
        + ", checkpointing=" + checkpointing + ", restartStrategy=" + restartStrategy
        + ", checkpointDirectory=" + checkpointDirectory + ", savepoint=" + savepoint + "}";
  }
}
