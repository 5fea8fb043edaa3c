package io.solidstream.instance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.instance.EventSamplesAccess;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventJsonTest {

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyEventTypeRoundTripsThroughJsonUnchanged(EventType type) {
    RunEvent event = EventSamplesAccess.of(type, "run-1");

    String json = EventJson.toJson(event);
    RunEvent back = EventJson.fromJson(json);

    assertThat(back).isEqualTo(event);
    assertThat(back.type()).isEqualTo(type);
    assertThat(json).startsWith("{\"type\":\"" + type.name() + "\"");
  }

  @Test
  void errorsKeepTheirCauseChainClassesMessagesAndStackTrace() {
    RunEvent.StepFailed failed = (RunEvent.StepFailed) EventSamplesAccess.of(EventType.STEP_FAILED, "run-1");

    RunEvent.StepFailed back = (RunEvent.StepFailed) EventJson.fromJson(EventJson.toJson(failed));

    assertThat(back.error().className()).isEqualTo("java.lang.RuntimeException");
    assertThat(back.error().message()).isEqualTo("step failed: \"quoted\" and\nnewline");
    assertThat(back.error().stackTrace()).isEqualTo(failed.error().stackTrace()).contains("Caused by:");
    assertThat(back.error().cause().className()).isEqualTo("java.lang.IllegalStateException");
    assertThat(back.error().cause().cause().message()).isEqualTo("connection reset by peer");
    assertThat(back.error().cause().cause().cause()).isNull();
  }

  @Test
  void theFormatIsPlainJsonWithIsoTimesAndNamedFields() {
    RunEvent event = new RunEvent.StepStarted("r1", Instant.parse("2025-03-01T10:15:30Z"), "load", "load", 1);

    assertThat(EventJson.toJson(event)).isEqualTo("{\"type\":\"STEP_STARTED\",\"runId\":\"r1\","
        + "\"timestamp\":\"2025-03-01T10:15:30Z\",\"stepKey\":\"load\",\"solidHandle\":\"load\",\"attempt\":1}");
  }

  @Test
  void unknownPropertiesFromANewerWriterAreIgnored() {
    RunEvent event = EventJson.fromJson("{\"type\":\"LOG_MESSAGE\",\"runId\":\"r1\",\"timestamp\":"
        + "\"2025-03-01T10:15:30Z\",\"stepKey\":null,\"solidHandle\":null,\"level\":\"INFO\",\"text\":\"hi\","
        + "\"addedLater\":{\"x\":1}}");

    assertThat(event).isEqualTo(new RunEvent.LogMessage("r1", Instant.parse("2025-03-01T10:15:30Z"), null, null,
        "INFO", "hi"));
  }

  @Test
  void anUnknownEventTypeIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> EventJson.fromJson("{\"type\":\"STEP_TELEPORTED\",\"runId\":\"r1\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown event type 'STEP_TELEPORTED'")
        .hasMessageContaining("RUN_STARTED, RUN_SUCCEEDED");
  }

  @Test
  void textThatIsNotAnEventIsRefusedShowingItsStart() {
    assertThatThrownBy(() -> EventJson.fromJson("not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot read event JSON")
        .hasMessageContaining("not json");
  }

  @Test
  void tagMapsRoundTripInOrder() {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("z", "1");
    tags.put("a", "ü \"2\"");

    assertThat(EventJson.mapFromJson(EventJson.mapToJson(tags))).containsExactlyEntriesOf(tags);
  }
}
