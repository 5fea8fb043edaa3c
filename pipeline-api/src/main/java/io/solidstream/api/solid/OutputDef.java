package io.solidstream.api.solid;

import io.solidstream.api.internal.Names;
import io.solidstream.api.types.DataType;
import io.solidstream.api.types.TypeRef;
import java.io.Serializable;
import java.util.Objects;

/**
 * A named, typed output of a solid; also the typed key with which compute code emits a value.
 *
 * <p>A solid emits each required output exactly once. An {@linkplain #optional() optional} output
 * may stay unemitted; solids wired to it are then skipped. A {@linkplain #dynamic dynamic} output
 * is emitted once per mapping key, and the pipeline can {@code map} a solid over its values.
 *
 * <pre>{@code
 * static final OutputDef<Report> REPORT = OutputDef.of("report", Report.class);
 * }</pre>
 *
 * @param <T> the Java type of the value
 */
public final class OutputDef<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The name of a solid's only output when none is named. */
  public static final String DEFAULT_NAME = "result";

  private final String name;
  private final DataType<T> type;
  private final String description;
  private final boolean optional;
  private final boolean dynamic;

  private OutputDef(String name, DataType<T> type, String description, boolean optional, boolean dynamic) {
    this.name = Names.check("output", name);
    this.type = Objects.requireNonNull(type, "type");
    this.description = description;
    this.optional = optional;
    this.dynamic = dynamic;
  }

  /** A required output of the given class. */
  public static <T> OutputDef<T> of(String name, Class<T> type) {
    return new OutputDef<>(name, DataType.of(type), null, false, false);
  }

  /** A required output of a generic type. */
  public static <T> OutputDef<T> of(String name, TypeRef<T> type) {
    return new OutputDef<>(name, DataType.of(type), null, false, false);
  }

  /** A required output of a data type with custom checks. */
  public static <T> OutputDef<T> of(String name, DataType<T> type) {
    return new OutputDef<>(name, type, null, false, false);
  }

  /**
   * A dynamic output: emitted zero or more times, each value under a unique mapping key.
   *
   * <p>Wire it with {@code SolidNode.dynamicOutput(def)} and fan out with {@code map}.
   */
  public static <T> OutputDef<T> dynamic(String name, Class<T> type) {
    return new OutputDef<>(name, DataType.of(type), null, false, true);
  }

  /** A dynamic output of a data type with custom checks. */
  public static <T> OutputDef<T> dynamic(String name, DataType<T> type) {
    return new OutputDef<>(name, type, null, false, true);
  }

  /** A copy with a description. */
  public OutputDef<T> describedAs(String description) {
    return new OutputDef<>(name, type, description, optional, dynamic);
  }

  /** A copy that the solid may leave unemitted; downstream solids are then skipped. */
  public OutputDef<T> optional() {
    return new OutputDef<>(name, type, description, true, dynamic);
  }

  public String name() {
    return name;
  }

  public DataType<T> type() {
    return type;
  }

  public String description() {
    return description == null ? "" : description;
  }

  public boolean isOptional() {
    return optional;
  }

  public boolean isDynamic() {
    return dynamic;
  }

  @Override
  public String toString() {
    return (dynamic ? "dynamic output '" : "output '") + name + "' (" + type.name() + ")";
  }
}
