package io.solidstream.api.types;

import com.google.common.reflect.TypeToken;
import io.solidstream.api.function.SerializablePredicate;
import java.io.Serializable;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The type of a solid input or output: a Java type, checked at run time, plus optional custom checks.
 *
 * <p>The Java type makes wiring type-safe at compile time; the run-time check catches what erasure
 * hides (the elements of a {@code List}, a value produced by reflection, a config-provided input).
 * A custom check adds a domain rule with a description that appears in the failure message:
 *
 * <pre>{@code
 * DataType<Integer> positive = DataType.of(Integer.class).withCheck("a positive integer", v -> v > 0);
 * }</pre>
 *
 * <p>{@code null} fails the check unless the type was made {@link #nullable()}.
 *
 * @param <T> the Java type of the values
 */
public final class DataType<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final transient Type javaType;
  private final String javaTypeName;
  private final Class<?> rawClass;
  private final Class<?> elementClass;
  private final boolean nullable;
  private final String checkDescription;
  private final SerializablePredicate<? super T> check;

  private DataType(
      String name,
      Type javaType,
      Class<?> rawClass,
      Class<?> elementClass,
      boolean nullable,
      String checkDescription,
      SerializablePredicate<? super T> check) {
    this.name = name;
    this.javaType = javaType;
    this.javaTypeName = javaType == null ? rawClass.getName() : javaType.getTypeName();
    this.rawClass = rawClass;
    this.elementClass = elementClass;
    this.nullable = nullable;
    this.checkDescription = checkDescription;
    this.check = check;
  }

  /** The type of values of the given class. */
  public static <T> DataType<T> of(Class<T> type) {
    Objects.requireNonNull(type, "type");
    Class<?> boxed = box(type);
    return new DataType<>(boxed.getSimpleName(), boxed, boxed, null, false, null, null);
  }

  /** The type of values of a generic type, e.g. {@code new TypeRef<Map<String, Long>>() {}}. */
  public static <T> DataType<T> of(TypeRef<T> type) {
    Objects.requireNonNull(type, "type");
    TypeToken<?> token = TypeToken.of(type.type());
    Class<?> raw = box(token.getRawType());
    Class<?> element = null;
    if (Collection.class.isAssignableFrom(raw)) {
      TypeToken<?> elementToken =
          token.resolveType(Collection.class.getTypeParameters()[0]);
      element = box(elementToken.getRawType());
      if (element == Object.class) {
        element = null;
      }
    }
    return new DataType<>(simpleName(token.getType()), token.getType(), raw, element, false, null, null);
  }

  /** A list whose every element is checked against {@code elementType} at run time. */
  @SuppressWarnings("unchecked")
  public static <E> DataType<List<E>> listOf(Class<E> elementType) {
    Class<?> element = box(elementType);
    Type type = new TypeToken<List<E>>() {}
        .where(new com.google.common.reflect.TypeParameter<E>() {}, (Class<E>) element)
        .getType();
    return new DataType<>(
        "List[" + element.getSimpleName() + "]", type, List.class, element, false, null, null);
  }

  /** Accepts any non-null value. */
  public static DataType<Object> any() {
    return new DataType<>("Any", Object.class, Object.class, null, false, null, null);
  }

  /** A copy that also requires {@code check} to hold; {@code description} says what it requires. */
  public DataType<T> withCheck(String description, SerializablePredicate<? super T> check) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(check, "check");
    return new DataType<>(name, javaType(), rawClass, elementClass, nullable, description, check);
  }

  /** A copy with another display name, e.g. {@code "OrderRows"}. */
  public DataType<T> withName(String name) {
    return new DataType<>(
        Objects.requireNonNull(name, "name"), javaType(), rawClass, elementClass, nullable, checkDescription, check);
  }

  /** A copy that accepts {@code null}. */
  public DataType<T> nullable() {
    return new DataType<>(name, javaType(), rawClass, elementClass, true, checkDescription, check);
  }

  /** The display name used in messages and events. */
  public String name() {
    return name;
  }

  /** The full Java type, e.g. {@code java.util.List<java.lang.String>}. */
  public Type javaType() {
    return javaType != null ? javaType : rawClass;
  }

  /** The Java type's name, also available after deserialization. */
  public String javaTypeName() {
    return javaTypeName;
  }

  /** The erased class of the values. */
  public Class<?> rawClass() {
    return rawClass;
  }

  /** Whether {@code null} is a valid value. */
  public boolean isNullable() {
    return nullable;
  }

  /**
   * Whether every value of {@code other} is a value of this type, as far as Java types tell.
   *
   * <p>Used to validate wiring the compiler cannot see (wiring by name, fan-in of raw types).
   */
  public boolean isAssignableFrom(DataType<?> other) {
    if (javaType == null || other.javaType == null) {
      return rawClass.isAssignableFrom(other.rawClass);
    }
    return TypeToken.of(javaType).isSupertypeOf(other.javaType);
  }

  /**
   * Whether a value of {@code element} may be an element of this (collection) type.
   *
   * <p>Used to validate fan-in and {@code collect()} wiring; {@code false} if this is not a
   * collection type.
   */
  public boolean acceptsElement(DataType<?> element) {
    if (!Collection.class.isAssignableFrom(rawClass)) {
      return false;
    }
    if (javaType == null) {
      return elementClass == null || elementClass.isAssignableFrom(element.rawClass);
    }
    TypeToken<?> elementToken =
        TypeToken.of(javaType).resolveType(Collection.class.getTypeParameters()[0]);
    if (element.javaType == null) {
      return elementToken.getRawType().isAssignableFrom(element.rawClass);
    }
    return elementToken.isSupertypeOf(element.javaType);
  }

  /** Checks one value: its class, the elements of a collection, then the custom check. */
  @SuppressWarnings("unchecked")
  public TypeCheckResult check(Object value) {
    if (value == null) {
      return nullable
          ? TypeCheckResult.passed()
          : TypeCheckResult.failed("expected " + name + ", got null");
    }
    if (!rawClass.isInstance(value)) {
      return TypeCheckResult.failed(
          "expected " + name + " (" + javaTypeName + "), got " + value.getClass().getName());
    }
    if (elementClass != null && value instanceof Collection<?> collection) {
      int index = 0;
      for (Object element : collection) {
        if (element != null && !elementClass.isInstance(element)) {
          return TypeCheckResult.failed(
              "expected " + name + ", but element [" + index + "] is a "
                  + element.getClass().getName());
        }
        index++;
      }
    }
    if (check != null) {
      boolean ok;
      try {
        ok = ((SerializablePredicate<Object>) check).test(value);
      } catch (RuntimeException e) {
        return TypeCheckResult.failed(
            "the check '" + checkDescription + "' of type " + name + " threw " + e);
      }
      if (!ok) {
        return TypeCheckResult.failed(
            "expected " + checkDescription + " (type " + name + "), got " + abbreviate(value));
      }
    }
    return TypeCheckResult.passed();
  }

  @Override
  public String toString() {
    return name;
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  private static String simpleName(Type type) {
    if (type instanceof Class<?> c) {
      return c.getSimpleName();
    }
    if (type instanceof java.lang.reflect.ParameterizedType p) {
      StringBuilder sb = new StringBuilder(simpleName(p.getRawType())).append('[');
      Type[] args = p.getActualTypeArguments();
      for (int i = 0; i < args.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(simpleName(args[i]));
      }
      return sb.append(']').toString();
    }
    return type.getTypeName();
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return com.google.common.primitives.Primitives.wrap(type);
  }
}
