package io.solidstream.instance;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.run.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an instance knows about one run besides its events: identity, pipeline, status (derived from
 * the run's events), tags, the run config it was launched with, and its lifecycle times.
 *
 * <pre>{@code
 * RunRecord run = instance.run(runId).orElseThrow();
 * if (run.status() == RunStatus.FAILURE) {
 *   System.out.println(run.pipelineName() + " failed after " + run.duration().toSeconds() + " s");
 * }
 * }</pre>
 *
 * @param runId the run's id, unique in the instance
 * @param pipelineName the pipeline's name
 * @param status the status told by the run's events ({@link RunStatus#NOT_STARTED} before its first)
 * @param tags the run's tags
 * @param parentRunId the run this one re-executes, or {@code null} (from the tag {@link
 *     Instance#PARENT_RUN_ID_TAG})
 * @param runConfig the run config as given, {@code {env: NAME}} sources unresolved (no secrets stored)
 * @param selection the solid selection, or {@code null} for all solids
 * @param runtime the name of the runtime that executed it, e.g. {@code in-process}
 * @param owner the process that launched it, as {@code pid@host}
 * @param createdAt when the run was launched
 * @param startedAt when its {@code RUN_STARTED} event happened, or {@code null}
 * @param endedAt when its terminal event happened, or {@code null} while it runs
 * @param heartbeatAt the last heartbeat of its process (written every few seconds while it runs)
 */
public record RunRecord(
    String runId,
    String pipelineName,
    RunStatus status,
    Map<String, String> tags,
    String parentRunId,
    RunConfig runConfig,
    String selection,
    String runtime,
    String owner,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    Instant heartbeatAt) {

  /** Validates and copies. */
  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipelineName, "pipelineName");
    Objects.requireNonNull(status, "status");
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    Objects.requireNonNull(runConfig, "runConfig");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(heartbeatAt, "heartbeatAt");
  }

  /**
   * The id of the first run of the chain of re-executions this run belongs to (from the tag {@link
   * Instance#ROOT_RUN_ID_TAG}), if this run re-executes another one.
   */
  public Optional<String> root() {
    return Optional.ofNullable(tags.get(Instance.ROOT_RUN_ID_TAG));
  }

  /** The parent run's id, if this run re-executes another one. */
  public Optional<String> parent() {
    return Optional.ofNullable(parentRunId);
  }

  /** From start to end (or to the last heartbeat while running); zero before the run started. */
  public Duration duration() {
    if (startedAt == null) {
      return Duration.ZERO;
    }
    Instant end = endedAt != null ? endedAt : heartbeatAt;
    return end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
  }

  /** A copy with another status and the times a status change sets (start or end at {@code at}). */
  public RunRecord withStatus(RunStatus newStatus, Instant at) {
    Instant started = newStatus == RunStatus.STARTED && startedAt == null ? at : startedAt;
    Instant ended = newStatus.isDone() ? at : endedAt;
    return new RunRecord(runId, pipelineName, newStatus, tags, parentRunId, runConfig, selection, runtime,
        owner, createdAt, started, ended, heartbeatAt);
  }

  /** A copy with another heartbeat time. */
  public RunRecord withHeartbeat(Instant at) {
    return new RunRecord(runId, pipelineName, status, tags, parentRunId, runConfig, selection, runtime,
        owner, createdAt, startedAt, endedAt, at);
  }
}
