package io.solidstream.instance;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.solid.AssetKey;
import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.Materialization;
import io.solidstream.api.solid.MetadataValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One event of every {@link EventType}, with every field set, including errors with causes. */
final class EventSamples {
  private EventSamples() {}

  static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456789Z");

  private static final ErrorInfo ERROR = newErrorWithCauses();

  /** The same error every time (its stack trace depends on where it was made). */
  static ErrorInfo errorWithCauses() {
    return ERROR;
  }

  private static ErrorInfo newErrorWithCauses() {
    Exception root = new java.io.IOException("connection reset by peer");
    Exception middle = new IllegalStateException("cannot read orders.csv", root);
    return ErrorInfo.of(new RuntimeException("step failed: \"quoted\" and\nnewline", middle));
  }

  /** The sample of one type; the switch fails to compile when a type is added without a sample. */
  static RunEvent of(EventType type, String runId) {
    Instant t = T0.plusMillis(type.ordinal());
    return switch (type) {
      case RUN_STARTED -> new RunEvent.RunStarted(runId, t, "orders_etl", Map.of("team", "data", "env", "prod"));
      case RUN_SUCCEEDED -> new RunEvent.RunSucceeded(runId, t, Duration.ofMillis(1234).plusNanos(567));
      case RUN_FAILED -> new RunEvent.RunFailed(runId, t, "steps failed: load", List.of("load", "agg[x]"),
          errorWithCauses());
      case RUN_CANCELED -> new RunEvent.RunCanceled(runId, t, "cancelled by request");
      case STEP_STARTED -> new RunEvent.StepStarted(runId, t, "load", "load", 2);
      case STEP_INPUT -> new RunEvent.StepInput(runId, t, "agg[x]", "agg", "orders", "List<Order>",
          "output 'orders' of step 'load'");
      case STEP_OUTPUT -> new RunEvent.StepOutput(runId, t, "load", "load", "orders", "x", "List<Order>",
          "[Order[id=1], ...]");
      case STEP_SUCCEEDED -> new RunEvent.StepSucceeded(runId, t, "load", "load", Duration.ofMillis(42), 2);
      case STEP_FAILED -> new RunEvent.StepFailed(runId, t, "load", "load", errorWithCauses(), 3);
      case STEP_SKIPPED -> new RunEvent.StepSkipped(runId, t, "report", "report", "upstream step 'load' failed");
      case STEP_UP_FOR_RETRY -> new RunEvent.StepUpForRetry(runId, t, "load", "load", errorWithCauses(), 1,
          Duration.ofMillis(250));
      case MATERIALIZATION -> new RunEvent.AssetMaterialized(runId, t, "report", "report",
          Materialization.of(AssetKey.of("reports", "orders_by_customer"))
              .withDescription("orders per customer")
              .withMetadata("path", Path.of("/tmp/report.md"))
              .withMetadata("rows", 42)
              .withMetadata("share", 0.25)
              .withMetadata("complete", true)
              .withMetadata("link", MetadataValue.url("https://example.org/report"))
              .withMetadata("note", "ünïcødé ✓")
              .withMetadata("not_a_number", Double.NaN));
      case EXPECTATION_RESULT -> new RunEvent.ExpectationChecked(runId, t, "validate", "ingest.validate",
          ExpectationResult.failed("customer_present").withDescription("6 rows without customer")
              .withMetadata("bad_rows", 6));
      case LOG_MESSAGE -> new RunEvent.LogMessage(runId, t, "load", "load", "WARN", "slow disk: 3 s");
      case HOOK_COMPLETED -> new RunEvent.HookCompleted(runId, t, "load", "load", "notify_slack");
      case HOOK_ERRORED -> new RunEvent.HookErrored(runId, t, "load", "load", "notify_slack", errorWithCauses());
    };
  }

  /** One event of every type, in {@link EventType} order. */
  static List<RunEvent> all(String runId) {
    List<RunEvent> events = new ArrayList<>();
    for (EventType type : EventType.values()) {
      events.add(of(type, runId));
    }
    return events;
  }
}
