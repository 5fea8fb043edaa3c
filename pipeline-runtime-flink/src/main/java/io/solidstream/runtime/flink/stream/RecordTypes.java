package io.solidstream.runtime.flink.stream;

import com.google.common.reflect.TypeToken;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.api.java.typeutils.runtime.NullableSerializer;

/**
 * The Flink type of a stream's records, read from the declared result type of the user function
 * that produces them, so that records cross the network (key partitioning, collect sinks) with
 * Flink's own serializers (POJO and Java record, {@code String}...) instead of Kryo, which writes
 * the class name into every record.
 *
 * <p>Stream programs carry no types, but a user function still tells what it returns: a lambda or
 * method reference through its {@link SerializedLambda} (the instantiated method type, e.g. {@code
 * (J)Lcom/acme/Click;} for {@code i -> new Click(...)}), a function class through its generic
 * interfaces. The type is used only if it is a concrete class that Flink serializes without Kryo,
 * with {@code null}, and back into equal records of the same classes: {@code String} and similar
 * basic types, and POJOs and Java records whose fields are such types, primitive arrays, nested
 * POJOs or left to Kryo. Anything else (an interface, {@code Object}, a type variable, a class
 * Flink would hand to Kryo anyway, a boxed number whose serializer refuses {@code null}, a record
 * with a {@code List} or {@code Map} field) is {@link Functions#ANY}. This is sound: a function declared to return {@code Click} only returns {@code
 * Click}s (or subclasses, which Flink's POJO serializer writes with their class), and ANY is what
 * every stream used before.
 */
final class RecordTypes {
  private RecordTypes() {}

  /**
   * The type of the records {@code fn} returns: type parameter {@code resultParameter} of the
   * functional interface {@code function} it implements.
   */
  static TypeInformation<Object> returnedBy(Object fn, Class<?> function, int resultParameter) {
    return fn == null ? Functions.ANY : of(resultClass(fn, function, resultParameter));
  }

  /** The common type of {@code records} if all have the same class, else ANY. */
  static TypeInformation<Object> common(List<?> records) {
    Class<?> type = null;
    for (Object record : records) {
      if (record == null || (type != null && record.getClass() != type)) {
        return Functions.ANY;
      }
      type = record.getClass();
    }
    return of(type);
  }

  /** Flink's type for records of class {@code type}, or ANY where that would not pay or be safe. */
  static TypeInformation<Object> of(Class<?> type) {
    if (type == null || type == Object.class || type.isPrimitive() || type.isInterface()
        || Modifier.isAbstract(type.getModifiers())) {
      return Functions.ANY;
    }
    TypeInformation<?> info;
    try {
      info = TypeExtractor.createTypeInfo(type);
    } catch (RuntimeException e) {
      return Functions.ANY; // e.g. a raw Flink tuple: Kryo serializes it as before
    }
    if (!(basic(info) || info instanceof PojoTypeInfo<?> pojo && exact(pojo))
        || !NullableSerializer.checkIfNullSupported(info.createSerializer(new SerializerConfigImpl()))) {
      return Functions.ANY;
    }
    @SuppressWarnings("unchecked")
    TypeInformation<Object> typed = (TypeInformation<Object>) info;
    return typed;
  }

  /**
   * Whether Flink's POJO serializer gives back records equal to the originals and of the same
   * classes, as Kryo does: every field is of a basic final type, a primitive array, a nested POJO of the
   * same kind, or left to Kryo; not a {@code List}, {@code Map} or {@code Set} field, which Flink
   * would rebuild as an {@code ArrayList}, {@code HashMap} or {@code HashSet} (losing, e.g., the
   * order of a {@code TreeMap} or the immutability of {@code List.of}).
   */
  private static boolean exact(PojoTypeInfo<?> pojo) {
    for (int i = 0; i < pojo.getArity(); i++) {
      TypeInformation<?> field = pojo.getPojoFieldAt(i).getTypeInformation();
      boolean ok = basic(field) || field instanceof PrimitiveArrayTypeInfo<?>
          || field instanceof GenericTypeInfo<?> || field instanceof PojoTypeInfo<?> nested && exact(nested);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * A basic type of a final class ({@code String}, {@code Long}, {@code Instant}...): not {@code
   * Date} or {@code BigDecimal}, whose subclasses Flink would give back as the base class.
   */
  private static boolean basic(TypeInformation<?> info) {
    return info instanceof BasicTypeInfo<?> && Modifier.isFinal(info.getTypeClass().getModifiers());
  }

  /** The class {@code fn} declares as type parameter {@code parameter} of {@code function}, or null. */
  static Class<?> resultClass(Object fn, Class<?> function, int parameter) {
    SerializedLambda lambda = serializedLambda(fn);
    if (lambda != null) {
      try {
        return MethodType.fromMethodDescriptorString(lambda.getInstantiatedMethodType(),
            fn.getClass().getClassLoader()).returnType();
      } catch (RuntimeException e) { // e.g. TypeNotPresentException
        return null;
      }
    }
    try {
      return TypeToken.of(fn.getClass()).resolveType(function.getTypeParameters()[parameter]).getRawType();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The serialized form of a serializable lambda or method reference, or null for other objects. */
  private static SerializedLambda serializedLambda(Object fn) {
    if (!fn.getClass().isSynthetic()) {
      return null; // a class: its generic interfaces tell
    }
    try {
      Method writeReplace = fn.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      return writeReplace.invoke(fn) instanceof SerializedLambda lambda ? lambda : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
