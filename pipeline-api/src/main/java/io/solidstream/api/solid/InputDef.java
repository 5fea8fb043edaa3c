package io.solidstream.api.solid;

import io.solidstream.api.internal.Names;
import io.solidstream.api.types.DataType;
import io.solidstream.api.types.TypeRef;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A named, typed input of a solid; also the typed key with which compute code reads the value.
 *
 * <p>Declare inputs as constants and use them both when defining the solid and when wiring it:
 *
 * <pre>{@code
 * static final InputDef<List<Order>> ORDERS = InputDef.of("orders", new TypeRef<List<Order>>() {});
 * }</pre>
 *
 * <p>An input must be wired in the pipeline unless it is {@linkplain #optional() optional}, has a
 * {@linkplain #withDefault(Object) default value}, or is {@linkplain #fromConfig() loadable from run
 * config} (then it is given under {@code solids.<solid>.inputs.<input>}).
 *
 * @param <T> the Java type of the value
 */
public final class InputDef<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final DataType<T> type;
  private final String description;
  private final boolean optional;
  private final boolean hasDefault;
  private final T defaultValue;
  private final boolean fromConfig;

  private InputDef(
      String name,
      DataType<T> type,
      String description,
      boolean optional,
      boolean hasDefault,
      T defaultValue,
      boolean fromConfig) {
    this.name = Names.check("input", name);
    this.type = Objects.requireNonNull(type, "type");
    this.description = description;
    this.optional = optional;
    this.hasDefault = hasDefault;
    this.defaultValue = defaultValue;
    this.fromConfig = fromConfig;
  }

  /** A required input of the given class. */
  public static <T> InputDef<T> of(String name, Class<T> type) {
    return new InputDef<>(name, DataType.of(type), null, false, false, null, false);
  }

  /** A required input of a generic type. */
  public static <T> InputDef<T> of(String name, TypeRef<T> type) {
    return new InputDef<>(name, DataType.of(type), null, false, false, null, false);
  }

  /** A required input of a data type with custom checks. */
  public static <T> InputDef<T> of(String name, DataType<T> type) {
    return new InputDef<>(name, type, null, false, false, null, false);
  }

  /**
   * A fan-in input: it receives a list with one element per wired output, in wiring order.
   *
   * <p>Wire it with {@code SolidNode.wireAll(input, outputs)}; each element is checked against
   * {@code elementType} at run time.
   */
  public static <E> InputDef<List<E>> list(String name, Class<E> elementType) {
    return new InputDef<>(name, DataType.listOf(elementType), null, false, false, null, false);
  }

  /** A copy with a description shown in docs and the CLI. */
  public InputDef<T> describedAs(String description) {
    return new InputDef<>(name, type, description, optional, hasDefault, defaultValue, fromConfig);
  }

  /**
   * A copy that may stay unwired; compute code then sees it as absent ({@code Inputs.has}).
   *
   * <p>If it is wired to an optional output that was not emitted, it is absent too.
   */
  public InputDef<T> optional() {
    return new InputDef<>(name, type, description, true, hasDefault, defaultValue, fromConfig);
  }

  /** A copy that uses {@code value} when the input is neither wired nor given in run config. */
  public InputDef<T> withDefault(T value) {
    return new InputDef<>(name, type, description, optional, true, value, fromConfig);
  }

  /**
   * A copy that may be given in run config under {@code solids.<solid>.inputs.<name>} when unwired.
   *
   * <p>The config value is converted to the input's Java type with Jackson (scalars, lists, maps,
   * records).
   */
  public InputDef<T> fromConfig() {
    return new InputDef<>(name, type, description, optional, hasDefault, defaultValue, true);
  }

  public String name() {
    return name;
  }

  public DataType<T> type() {
    return type;
  }

  /** The description, or the empty string. */
  public String description() {
    return description == null ? "" : description;
  }

  public boolean isOptional() {
    return optional;
  }

  public boolean hasDefault() {
    return hasDefault;
  }

  /** The default value; meaningful only if {@link #hasDefault()}. */
  public T defaultValue() {
    return defaultValue;
  }

  public boolean isFromConfig() {
    return fromConfig;
  }

  /** Whether the pipeline must wire this input (no default, not optional, not from config). */
  public boolean mustBeWired() {
    return !optional && !hasDefault && !fromConfig;
  }

  @Override
  public String toString() {
    return "input '" + name + "' (" + type.name() + ")";
  }
}
