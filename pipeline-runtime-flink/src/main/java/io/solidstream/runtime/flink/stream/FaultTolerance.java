package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.Checkpointing;
import io.solidstream.api.stream.RestartStrategy;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.SavepointRestore;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * Our checkpointing, restart and savepoint options as Flink job configuration: {@link
 * CheckpointingOptions} (interval, mode, filesystem storage in the checkpoint directory), {@link
 * RestartStrategyOptions} and {@link StateRecoveryOptions}.
 */
final class FaultTolerance {
  private FaultTolerance() {}

  /** Whether {@code program} checkpoints, or starts from a savepoint (either needs STREAMING mode). */
  static boolean needsStreaming(StreamProgram program, StreamOptions options) {
    return options.checkpointing().appliesTo(program) || options.savepoint().isPresent();
  }

  /** Sets the job's checkpointing, restart strategy and savepoint restore in {@code config}. */
  static void configure(Configuration config, StreamProgram program, StreamOptions options) {
    Checkpointing checkpointing = options.checkpointing();
    if (checkpointing.appliesTo(program)) {
      config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointing.interval());
      config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
          checkpointing.mode() == Checkpointing.Mode.EXACTLY_ONCE ? CheckpointingMode.EXACTLY_ONCE
              : CheckpointingMode.AT_LEAST_ONCE);
    }
    options.checkpointDirectory().ifPresent(dir -> {
      config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir);
    });
    restartStrategy(config, options.restartStrategy());
    options.savepoint().ifPresent(savepoint -> savepoint(config, savepoint));
  }

  private static void restartStrategy(Configuration config, RestartStrategy strategy) {
    if (strategy instanceof RestartStrategy.FixedDelay fixed) {
      config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, fixed.attempts());
      config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, fixed.delay());
    } else if (strategy instanceof RestartStrategy.ExponentialDelay exponential) {
      config.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
      config.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, exponential.attempts());
      config.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
          exponential.initialBackoff());
      config.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, exponential.maxBackoff());
      config.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER,
          exponential.multiplier());
      config.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.0);
    } else {
      config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    }
  }

  private static void savepoint(Configuration config, SavepointRestore savepoint) {
    config.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint.path());
    config.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, savepoint.allowNonRestoredState());
  }
}
