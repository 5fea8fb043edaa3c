package io.solidstream.instance.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.solid.MetadataValue;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON form of {@link RunEvent}s, as stored in an instance's event log: one JSON object per
 * event, never Java-serialized bytes, so any tool (or SQL's JSON functions) can read it.
 *
 * <p>Each object has a {@code type} property holding the event's {@link
 * io.solidstream.api.event.EventType} name and one property per record component. Instants are
 * ISO-8601 strings with nanoseconds ({@code "2025-03-01T10:15:30.123456789Z"}), durations ISO-8601
 * ({@code "PT1.5S"}), errors nested objects with their causes, metadata values objects with a
 * {@code type} of {@code text}, {@code int}, {@code float}, {@code bool}, {@code path} or {@code url}:
 *
 * <pre>{@code
 * String json = EventJson.toJson(event);
 * // {"type":"STEP_STARTED","runId":"r1","timestamp":"2025-03-01T10:15:30Z","stepKey":"load","solidHandle":"load","attempt":1}
 * RunEvent back = EventJson.fromJson(json);   // equals event
 * }</pre>
 *
 * <p>Unknown properties are ignored when reading, so events written by a newer version with more
 * properties stay readable. Thread-safe.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .addMixIn(RunEvent.class, RunEventMixin.class)
      .addMixIn(MetadataValue.class, MetadataValueMixin.class)
      .build();
  private static final ObjectWriter EVENT_WRITER = MAPPER.writerFor(RunEvent.class);
  private static final ObjectReader EVENT_READER = MAPPER.readerFor(RunEvent.class);
  private static final ObjectWriter MAP_WRITER = MAPPER.writerFor(new TypeReference<Map<String, String>>() {});
  private static final ObjectReader MAP_READER = MAPPER.readerFor(new TypeReference<Map<String, String>>() {});

  private EventJson() {}

  /**
   * The JSON object of one event.
   *
   * @throws IllegalArgumentException if the event cannot be written (e.g. a null where none is allowed)
   */
  public static String toJson(RunEvent event) {
    Objects.requireNonNull(event, "event");
    try {
      return EVENT_WRITER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot write " + event.type() + " event of run " + event.runId() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The event written by {@link #toJson}.
   *
   * @throws IllegalArgumentException if the text is not such an object, naming the problem (an
   *     unknown event type names the known ones)
   */
  public static RunEvent fromJson(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return EVENT_READER.readValue(json);
    } catch (InvalidTypeIdException e) {
      throw new IllegalArgumentException("Cannot read event JSON: unknown event type '" + e.getTypeId()
          + "' (written by a newer Solidstream?); known types: " + knownTypes(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot read event JSON: " + e.getOriginalMessage()
          + "; the text starts with: " + abbreviate(json), e);
    }
  }

  /** A string map (e.g. run tags) as a JSON object. */
  public static String mapToJson(Map<String, String> map) {
    try {
      return MAP_WRITER.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write map as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A JSON object of strings (e.g. run tags) as an insertion-ordered map. */
  public static Map<String, String> mapFromJson(String json) {
    try {
      return MAP_READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot read a JSON object of strings: " + e.getOriginalMessage()
          + "; the text starts with: " + abbreviate(json), e);
    }
  }

  private static String knownTypes() {
    StringBuilder names = new StringBuilder();
    for (JsonSubTypes.Type type : RunEventMixin.class.getAnnotation(JsonSubTypes.class).value()) {
      names.append(names.length() == 0 ? "" : ", ").append(type.name());
    }
    return names.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...";
  }

  /** Type ids of events: the {@code EventType} names. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = RunEvent.RunStarted.class, name = "RUN_STARTED"),
      @JsonSubTypes.Type(value = RunEvent.RunSucceeded.class, name = "RUN_SUCCEEDED"),
      @JsonSubTypes.Type(value = RunEvent.RunFailed.class, name = "RUN_FAILED"),
      @JsonSubTypes.Type(value = RunEvent.RunCanceled.class, name = "RUN_CANCELED"),
      @JsonSubTypes.Type(value = RunEvent.StepStarted.class, name = "STEP_STARTED"),
      @JsonSubTypes.Type(value = RunEvent.StepInput.class, name = "STEP_INPUT"),
      @JsonSubTypes.Type(value = RunEvent.StepOutput.class, name = "STEP_OUTPUT"),
      @JsonSubTypes.Type(value = RunEvent.StepSucceeded.class, name = "STEP_SUCCEEDED"),
      @JsonSubTypes.Type(value = RunEvent.StepFailed.class, name = "STEP_FAILED"),
      @JsonSubTypes.Type(value = RunEvent.StepSkipped.class, name = "STEP_SKIPPED"),
      @JsonSubTypes.Type(value = RunEvent.StepUpForRetry.class, name = "STEP_UP_FOR_RETRY"),
      @JsonSubTypes.Type(value = RunEvent.AssetMaterialized.class, name = "MATERIALIZATION"),
      @JsonSubTypes.Type(value = RunEvent.ExpectationChecked.class, name = "EXPECTATION_RESULT"),
      @JsonSubTypes.Type(value = RunEvent.LogMessage.class, name = "LOG_MESSAGE"),
      @JsonSubTypes.Type(value = RunEvent.HookCompleted.class, name = "HOOK_COMPLETED"),
      @JsonSubTypes.Type(value = RunEvent.HookErrored.class, name = "HOOK_ERRORED")
  })
  private abstract static class RunEventMixin {}

  /** Type ids of metadata values. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = MetadataValue.Text.class, name = "text"),
      @JsonSubTypes.Type(value = MetadataValue.IntValue.class, name = "int"),
      @JsonSubTypes.Type(value = MetadataValue.FloatValue.class, name = "float"),
      @JsonSubTypes.Type(value = MetadataValue.BoolValue.class, name = "bool"),
      @JsonSubTypes.Type(value = MetadataValue.PathValue.class, name = "path"),
      @JsonSubTypes.Type(value = MetadataValue.UrlValue.class, name = "url")
  })
  private abstract static class MetadataValueMixin {}
}
