package io.solidstream.instance;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an instance keeps the output values of steps, for re-executing a run from a failed step:
 * the {@code output_storage} section of {@code solidstream.yaml}.
 */
public sealed interface OutputStorageConfig {

  /** A short description for messages. */
  String describe();

  /** Kept in memory: outputs do not outlive the process. */
  record InMemory() implements OutputStorageConfig {
    @Override
    public String describe() {
      return "in_memory";
    }
  }

  /**
   * Files under a base directory, one directory per run.
   *
   * @param baseDir the base directory, absolute
   */
  record Filesystem(Path baseDir) implements OutputStorageConfig {
    /** Validates. */
    public Filesystem {
      baseDir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
      return "filesystem " + baseDir;
    }
  }
}
