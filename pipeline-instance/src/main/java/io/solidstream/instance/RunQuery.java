package io.solidstream.instance;

import io.solidstream.api.run.RunStatus;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which runs to list: filters by pipeline, status and tags, and one page of the result, newest
 * run first. Immutable; build with {@link #builder()}, go to the next page with {@link
 * #after(String)}.
 *
 * <pre>{@code
 * RunQuery failedNightly = RunQuery.builder()
 *     .pipeline("orders_etl")
 *     .status(RunStatus.FAILURE)
 *     .tag("schedule", "nightly")
 *     .limit(20)
 *     .build();
 * RunPage page = instance.runs(failedNightly);
 * while (page.nextCursor().isPresent()) {
 *   page = instance.runs(failedNightly.after(page.nextCursor().get()));
 * }
 * }</pre>
 *
 * <p>Filters are combined with AND; {@code parent} matches the re-executions of a run; a run matches {@code tags} when it has every one of them (it
 * may have more); {@code statuses} matches any of the given statuses.
 */
public final class RunQuery {

  /** The page size when none is given. */
  public static final int DEFAULT_LIMIT = 100;
  /** The largest page size. */
  public static final int MAX_LIMIT = 10_000;

  private static final RunQuery ALL = builder().build();

  private final String pipelineName;
  private final Set<RunStatus> statuses;
  private final Map<String, String> tags;
  private final int limit;
  private final String cursor;
  private final String parentRunId;

  private RunQuery(String pipelineName, Set<RunStatus> statuses, Map<String, String> tags, int limit, String cursor,
      String parentRunId) {
    this.pipelineName = pipelineName;
    this.parentRunId = parentRunId;
    this.statuses = statuses.isEmpty()
        ? Collections.unmodifiableSet(EnumSet.noneOf(RunStatus.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    this.limit = limit;
    this.cursor = cursor;
  }

  /** The newest {@link #DEFAULT_LIMIT} runs, unfiltered. */
  public static RunQuery all() {
    return ALL;
  }

  /** A new builder: no filter, {@link #DEFAULT_LIMIT} runs, from the newest. */
  public static Builder builder() {
    return new Builder();
  }

  /** The pipeline the runs must be of, if any. */
  public Optional<String> pipelineName() {
    return Optional.ofNullable(pipelineName);
  }

  /** The run the runs must re-execute (their parent), if any. */
  public Optional<String> parentRunId() {
    return Optional.ofNullable(parentRunId);
  }

  /** The statuses the runs must have one of; empty for any. */
  public Set<RunStatus> statuses() {
    return statuses;
  }

  /** The tags the runs must all have. */
  public Map<String, String> tags() {
    return tags;
  }

  /** The most runs in one page. */
  public int limit() {
    return limit;
  }

  /** Where the page starts: a cursor from a previous {@link RunPage}, or empty for the newest run. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** The same query for the page after the one that returned {@code nextCursor}. */
  public RunQuery after(String nextCursor) {
    return new RunQuery(pipelineName, statuses, tags, limit, Objects.requireNonNull(nextCursor, "nextCursor"),
        parentRunId);
  }

  /** A builder holding this query's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.pipelineName = pipelineName;
    builder.statuses.addAll(statuses);
    builder.tags.putAll(tags);
    builder.limit = limit;
    builder.cursor = cursor;
    builder.parentRunId = parentRunId;
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunQuery other && Objects.equals(pipelineName, other.pipelineName)
        && statuses.equals(other.statuses) && tags.equals(other.tags) && limit == other.limit
        && Objects.equals(cursor, other.cursor) && Objects.equals(parentRunId, other.parentRunId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pipelineName, statuses, tags, limit, cursor, parentRunId);
  }

  @Override
  public String toString() {
    return "RunQuery{pipeline=" + pipelineName + (parentRunId == null ? "" : ", parent=" + parentRunId)
        + ", statuses=" + statuses + ", tags=" + tags + ", limit=" + limit
        + (cursor == null ? "" : ", after=" + cursor) + "}";
  }

  /** Builds a {@link RunQuery}. */
  public static final class Builder {
    private String pipelineName;
    private final Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);
    private final Map<String, String> tags = new LinkedHashMap<>();
    private int limit = DEFAULT_LIMIT;
    private String cursor;
    private String parentRunId;

    private Builder() {}

    /** Only runs re-executing this run (whose parent it is). */
    public Builder parent(String parentRunId) {
      this.parentRunId = Objects.requireNonNull(parentRunId, "parentRunId");
      return this;
    }

    /** Only runs of this pipeline. */
    public Builder pipeline(String pipelineName) {
      this.pipelineName = Objects.requireNonNull(pipelineName, "pipelineName");
      return this;
    }

    /** Only runs with this status; call again to accept several. */
    public Builder status(RunStatus status) {
      statuses.add(Objects.requireNonNull(status, "status"));
      return this;
    }

    /** Only runs having this tag with this value; call again to require several tags. */
    public Builder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * At most this many runs per page.
     *
     * @throws IllegalArgumentException if not within 1 and {@link #MAX_LIMIT}
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("Run query limit must be between 1 and " + MAX_LIMIT + ", was " + limit
            + "; page through more runs with RunQuery.after(page.nextCursor())");
      }
      this.limit = limit;
      return this;
    }

    /** Starts after the runs of a previous page (its {@link RunPage#nextCursor()}). */
    public Builder after(String cursor) {
      this.cursor = Objects.requireNonNull(cursor, "cursor");
      return this;
    }

    /** The immutable query. */
    public RunQuery build() {
      return new RunQuery(pipelineName, statuses, tags, limit, cursor, parentRunId);
    }
  }
}
