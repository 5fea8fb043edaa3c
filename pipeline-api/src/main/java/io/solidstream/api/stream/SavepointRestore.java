package io.solidstream.api.stream;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a stream job's state comes from when it starts: a savepoint written by {@link
 * StreamJob#stopWithSavepoint(String)} (or by Flink's own tools). Set with {@link
 * StreamOptions#fromSavepoint(String)}.
 *
 * <p>State is matched to operators by their names (the Flink operator uids), so a resumed program
 * must keep the names of its stateful operators. Savepoint state of an operator the program no
 * longer has fails the start, unless {@code allowNonRestoredState}.
 *
 * @param path the savepoint's path or URI, as {@code stopWithSavepoint} returned it
 * @param allowNonRestoredState whether state of operators the program no longer has is skipped
 *     instead of failing the start
 */
public record SavepointRestore(String path, boolean allowNonRestoredState) implements Serializable {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the path is blank
   */
  public SavepointRestore {
    Objects.requireNonNull(path, "path");
    if (path.isBlank()) {
      throw new IllegalArgumentException("savepoint path must not be blank; pass the path stopWithSavepoint returned");
    }
  }
}
