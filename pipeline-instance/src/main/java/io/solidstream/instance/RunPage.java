package io.solidstream.instance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of runs matching a {@link RunQuery}, newest first, and where the next page starts.
 *
 * @param runs the runs of this page, newest first
 * @param next the cursor of the next page, or {@code null} if this is the last page
 */
public record RunPage(List<RunRecord> runs, String next) {

  /** Copies the runs. */
  public RunPage {
    runs = List.copyOf(runs);
  }

  /** The cursor to pass to {@link RunQuery#after(String)} for the next page; empty on the last page. */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(next);
  }

  /** Whether more runs match after this page. */
  public boolean hasMore() {
    return next != null;
  }

  /** The ids of this page's runs, newest first. */
  public List<String> runIds() {
    return runs.stream().map(RunRecord::runId).toList();
  }

  @Override
  public String toString() {
    return "RunPage{" + runIds() + (next == null ? "" : ", next=" + next) + "}";
  }

  /** A page with these runs and next cursor. */
  public static RunPage of(List<RunRecord> runs, String next) {
    return new RunPage(Objects.requireNonNull(runs, "runs"), next);
  }
}
