package io.solidstream.api.stream;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a side output: records a function emits besides its main output, e.g. invalid records or
 * late data. Read a side output with {@code stream.sideOutput(tag)}.
 *
 * <pre>{@code
 * static final OutputTag<Click> LATE = OutputTag.of("late-clicks", Click.class);
 * }</pre>
 *
 * @param id the side output's name, unique in a program
 * @param type the record type
 * @param <T> the record type
 */
public record OutputTag<T>(String id, Class<T> type) implements Serializable {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  /** Validates. */
  public OutputTag {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Invalid output tag id '" + id + "': use letters, digits, '_', '.' and '-'");
    }
    Objects.requireNonNull(type, "type");
  }

  /** A tag of the given id and type. */
  public static <T> OutputTag<T> of(String id, Class<T> type) {
    return new OutputTag<>(id, type);
  }
}
