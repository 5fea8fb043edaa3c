package io.solidstream.api.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks values against Java serialization and explains, with a precise path, why one fails.
 *
 * <p>Solid functions and their captured state are shipped to a cluster with Java serialization.
 * The in-process runtime uses this class to fail exactly where a cluster would, with a message
 * naming the culprit, for example:
 *
 * <pre>
 * captured argument #1 of type java.sql.Connection is not serializable (lambda in com.acme.Etl.lambda$main$0)
 * field 'client' (com.acme.Wrapper) → field 'socket' of type java.net.Socket is not serializable
 * </pre>
 *
 * <p>This class is internal and not part of the Solidstream API.
 */
public final class SerializationCheck {

  /** The stable phrase joining a description and the problem in exception messages. */
  private static final String MUST_BE_SERIALIZABLE = " must be serializable: ";

  private static final String LAMBDA_ADVICE =
      "declare it with a serializable functional interface";
  private static final String CAPTURED_THIS_ADVICE =
      "the lambda uses a field or method of its enclosing instance; make it static or copy the"
          + " value into a local variable";
  private static final String ENCLOSING_INSTANCE_ADVICE =
      "inner and anonymous classes keep a reference to their enclosing instance; use a static"
          + " nested class or create the object in a static method";

  private static final int MAX_DEPTH = 64;
  private static final int MAX_KEY_LENGTH = 40;
  private static final Pattern ENCLOSING_INSTANCE_FIELD = Pattern.compile("this\\$\\d+");
  private static final String CAPTURED_VARIABLE_PREFIX = "val$";

  private SerializationCheck() {}

  /**
   * Returns why {@code value} cannot be written with Java serialization, if it cannot.
   *
   * <p>The value is first written to a discarding stream; only if that fails is the object graph
   * walked to locate the first non-serializable object and describe the path to it.
   *
   * @param value the value to check; {@code null} always serializes
   * @return a description of the problem, or empty if the value serializes
   */
  public static Optional<String> findProblem(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    Exception failure = tryWrite(value);
    return failure == null ? Optional.empty() : Optional.of(explain(value, failure));
  }

  /**
   * Throws if {@code value} cannot be written with Java serialization.
   *
   * @param value the value to check
   * @param description what the value is, e.g. {@code "computeFn" of solid 'load'}; the message
   *     reads {@code <description> must be serializable: <problem>}
   * @throws IllegalArgumentException if the value does not serialize
   */
  public static void checkSerializable(Object value, String description) {
    Objects.requireNonNull(description, "description");
    Optional<String> problem = findProblem(value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(description + MUST_BE_SERIALIZABLE + problem.get());
    }
  }

  /**
   * Writes {@code value} with Java serialization.
   *
   * @param value the value to write, may be {@code null}
   * @return a new array holding the serialized form
   * @throws IllegalArgumentException if the value does not serialize; the message names the
   *     culprit like {@link #findProblem(Object)} does
   */
  public static byte[] serialize(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "Value of type " + typeName(value) + MUST_BE_SERIALIZABLE + explain(value, e), e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a value written by {@link #serialize(Object)}, resolving classes with a class loader.
   *
   * @param bytes the serialized form
   * @param classLoader the loader resolving the classes of the value, e.g. a user-code loader
   * @param <T> the expected type of the value; not checked
   * @return the deserialized value, possibly {@code null}
   * @throws IllegalArgumentException if the bytes cannot be read or name a class the loader
   *     cannot find
   */
  public static <T> T deserialize(byte[] bytes, ClassLoader classLoader) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(classLoader, "classLoader");
    try (ObjectInputStream in =
        new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
      @SuppressWarnings("unchecked")
      T value = (T) in.readObject();
      return value;
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException("Cannot deserialize value: " + e, e);
    }
  }

  /** Writes the value to a discarding stream, returning the failure or {@code null}. */
  private static Exception tryWrite(Object value) {
    try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      out.writeObject(value);
      return null;
    } catch (IOException | RuntimeException e) {
      return e;
    }
  }

  /** Describes why serializing {@code value} failed with {@code failure}. */
  private static String explain(Object value, Exception failure) {
    String culpritClass =
        failure instanceof NotSerializableException ? failure.getMessage() : null;
    Optional<String> found = new Walker(culpritClass).find(value);
    if (found.isPresent()) {
      return found.get();
    }
    return culpritClass != null
        ? "object of type " + culpritClass + " is not serializable"
        : "serialization failed with " + failure;
  }

  private static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getTypeName();
  }

  private static boolean isLambda(Class<?> type) {
    return type.isSynthetic() && type.getName().contains("$$Lambda");
  }

  /** How the walk reached an object: a label such as {@code field 'conn'} plus hints to append. */
  private record Step(String label, List<String> hints) {
    Step(String label) {
      this(label, List.of());
    }
  }

  /** A serializable object on the current path, and the step that reached it. */
  private record Hop(Step step, Object value) {}

  /** Depth-first walk of an object graph in the order Java serialization writes it. */
  private static final class Walker {
    /** Class name from the NotSerializableException, or null to accept any culprit. */
    private final String culpritClass;

    private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Hop> path = new ArrayDeque<>();

    Walker(String culpritClass) {
      this.culpritClass = culpritClass;
    }

    Optional<String> find(Object root) {
      return visit(root, null, 0);
    }

    private Optional<String> visit(Object value, Step step, int depth) {
      if (value == null) {
        return Optional.empty();
      }
      if (!(value instanceof Serializable)) {
        boolean culprit =
            culpritClass == null || culpritClass.equals(value.getClass().getName());
        return culprit ? Optional.of(describe(step, value)) : Optional.empty();
      }
      if (depth >= MAX_DEPTH || isLeaf(value) || !visited.add(value)) {
        return Optional.empty();
      }
      if (!isContainer(value)) {
        Optional<Object> replacement;
        try {
          replacement = writeReplace(value);
        } catch (ReflectiveOperationException | RuntimeException e) {
          if (step == null) {
            return whenOpaque(value);
          }
          path.addLast(new Hop(step, value));
          try {
            return whenOpaque(value);
          } finally {
            path.removeLast();
          }
        }
        if (replacement.isPresent()) {
          return visit(replacement.get(), step, depth + 1);
        }
      }
      if (step != null) {
        path.addLast(new Hop(step, value));
      }
      try {
        return visitChildren(value, depth + 1);
      } finally {
        if (step != null) {
          path.removeLast();
        }
      }
    }

    private Optional<String> visitChildren(Object value, int depth) {
      Class<?> type = value.getClass();
      if (isLambda(type)) {
        return visitCapturedArguments(value, depth);
      }
      if (Proxy.isProxyClass(type)) {
        return visit(Proxy.getInvocationHandler(value), new Step("invocation handler"), depth);
      }
      if (value instanceof Object[] array) {
        for (int i = 0; i < array.length; i++) {
          Optional<String> found = visit(array[i], new Step("[" + i + "]"), depth);
          if (found.isPresent()) {
            return found;
          }
        }
        return Optional.empty();
      }
      if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = keyText(entry.getKey());
          Optional<String> found = visit(entry.getKey(), new Step("key [" + key + "]"), depth);
          if (found.isEmpty()) {
            found = visit(entry.getValue(), new Step("[" + key + "]"), depth);
          }
          if (found.isPresent()) {
            return found;
          }
        }
        return Optional.empty();
      }
      if (value instanceof Collection<?> collection) {
        int i = 0;
        for (Object element : collection) {
          Optional<String> found = visit(element, new Step("[" + i++ + "]"), depth);
          if (found.isPresent()) {
            return found;
          }
        }
        return Optional.empty();
      }
      return visitFields(value, depth);
    }

    private Optional<String> visitCapturedArguments(Object lambda, int depth) {
      SerializedLambda serialized;
      try {
        Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
        if (!writeReplace.trySetAccessible()) {
          return whenOpaque(lambda);
        }
        serialized = (SerializedLambda) writeReplace.invoke(lambda);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return whenOpaque(lambda);
      }
      String implClass = serialized.getImplClass().replace('/', '.');
      String implMethod = serialized.getImplMethodName();
      boolean lambdaBody = implMethod.startsWith("lambda$");
      boolean hasReceiver = serialized.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic
          && serialized.getImplMethodKind() != MethodHandleInfo.REF_newInvokeSpecial;
      String location = lambdaBody
          ? "lambda in " + implClass + "." + implMethod
          : "method reference " + implClass + "::" + implMethod;
      for (int i = 0; i < serialized.getCapturedArgCount(); i++) {
        Step argStep;
        if (i == 0 && hasReceiver && lambdaBody) {
          argStep = new Step("captured 'this'", List.of(CAPTURED_THIS_ADVICE, location));
        } else if (i == 0 && hasReceiver) {
          argStep = new Step("captured receiver", List.of(location));
        } else {
          argStep = new Step("captured argument #" + (i + 1), List.of(location));
        }
        Optional<String> found = visit(serialized.getCapturedArg(i), argStep, depth);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }

    /** Visits the serialized fields: superclass fields first, each class's by name. */
    private Optional<String> visitFields(Object value, int depth) {
      List<Class<?>> hierarchy = new ArrayList<>();
      for (Class<?> c = value.getClass();
          c != null && Serializable.class.isAssignableFrom(c);
          c = c.getSuperclass()) {
        hierarchy.add(0, c);
      }
      for (Class<?> c : hierarchy) {
        Field[] fields = c.getDeclaredFields();
        Arrays.sort(fields, Comparator.comparing(Field::getName));
        for (Field field : fields) {
          int modifiers = field.getModifiers();
          if (Modifier.isStatic(modifiers)
              || Modifier.isTransient(modifiers)
              || field.getType().isPrimitive()) {
            continue;
          }
          if (!field.trySetAccessible()) {
            return whenOpaque(value);
          }
          Object fieldValue;
          try {
            fieldValue = field.get(value);
          } catch (IllegalAccessException e) {
            return whenOpaque(value);
          }
          Optional<String> found = visit(fieldValue, fieldStep(field), depth);
          if (found.isPresent()) {
            return found;
          }
        }
      }
      return Optional.empty();
    }

    /**
     * Handles an object whose insides cannot be inspected (e.g. JDK internals closed by the
     * module system): serializes it alone and, if that fails, reports the failure at the current
     * path, which ends with that object.
     */
    private Optional<String> whenOpaque(Object value) {
      Exception failure = tryWrite(value);
      if (failure == null) {
        return Optional.empty();
      }
      String problem;
      if (failure instanceof NotSerializableException) {
        if (culpritClass != null && !culpritClass.equals(failure.getMessage())) {
          return Optional.empty();
        }
        problem = "object of type " + failure.getMessage() + " is not serializable";
      } else if (culpritClass == null) {
        problem = "serialization failed with " + failure;
      } else {
        return Optional.empty();
      }
      return Optional.of(render(path, problem, List.of()));
    }

    /** Describes the non-serializable {@code culprit}, reached from the current path by step. */
    private String describe(Step step, Object culprit) {
      String type = typeName(culprit);
      boolean lambda = isLambda(culprit.getClass());
      String problem;
      if (step == null) {
        problem = lambda
            ? "lambda " + type + " is not serializable: " + LAMBDA_ADVICE
            : "object of type " + type + " is not serializable";
      } else {
        problem = lambda
            ? step.label() + " (lambda " + type + ") is not serializable: " + LAMBDA_ADVICE
            : step.label() + " of type " + type + " is not serializable";
      }
      return render(path, problem, step == null ? List.of() : step.hints());
    }

    private static String render(Collection<Hop> hops, String problem, List<String> lastHints) {
      StringBuilder text = new StringBuilder();
      Set<String> hints = new LinkedHashSet<>();
      for (Hop hop : hops) {
        text.append(hop.step().label())
            .append(" (")
            .append(typeName(hop.value()))
            .append(") → ");
        hints.addAll(hop.step().hints());
      }
      text.append(problem);
      hints.addAll(lastHints);
      for (String hint : hints) {
        text.append(" (").append(hint).append(')');
      }
      return text.toString();
    }

    private static Step fieldStep(Field field) {
      String name = field.getName();
      if (field.isSynthetic() && name.startsWith(CAPTURED_VARIABLE_PREFIX)) {
        String variable = name.substring(CAPTURED_VARIABLE_PREFIX.length());
        return new Step("captured field '" + variable + "'");
      }
      if (field.isSynthetic() && ENCLOSING_INSTANCE_FIELD.matcher(name).matches()) {
        return new Step("enclosing instance", List.of(ENCLOSING_INSTANCE_ADVICE));
      }
      return new Step("field '" + name + "'");
    }

    private static String keyText(Object key) {
      String text;
      try {
        text = String.valueOf(key);
      } catch (RuntimeException e) {
        return "<" + typeName(key) + ">";
      }
      return text.length() <= MAX_KEY_LENGTH ? text : text.substring(0, MAX_KEY_LENGTH - 3) + "...";
    }

    /** Objects serialized without nested objects worth inspecting. */
    private static boolean isLeaf(Object value) {
      Class<?> type = value.getClass();
      return value instanceof String
          || value instanceof Boolean
          || value instanceof Character
          || value instanceof Enum<?>
          || value instanceof Class<?>
          || (value instanceof Number && type.getName().startsWith("java."))
          || (type.isArray() && type.getComponentType().isPrimitive())
          || type.getName().startsWith("java.time.");
    }

    /** Objects whose serialized content the walk inspects directly instead of a replacement. */
    private static boolean isContainer(Object value) {
      return value instanceof Collection<?>
          || value instanceof Map<?, ?>
          || value instanceof Object[]
          || isLambda(value.getClass())
          || Proxy.isProxyClass(value.getClass());
    }

    /** Invokes the writeReplace method Java serialization would use, if any and it replaces. */
    private static Optional<Object> writeReplace(Object value)
        throws IllegalAccessException, InvocationTargetException {
      Class<?> declaring = value.getClass();
      for (Class<?> c = declaring; c != null; c = c.getSuperclass()) {
        Method method;
        try {
          method = c.getDeclaredMethod("writeReplace");
        } catch (NoSuchMethodException e) {
          continue;
        }
        int modifiers = method.getModifiers();
        boolean inherited = c != declaring;
        if (Modifier.isStatic(modifiers)
            || Modifier.isAbstract(modifiers)
            || method.getReturnType() != Object.class
            || (inherited && Modifier.isPrivate(modifiers))
            || (inherited
                && !Modifier.isPublic(modifiers)
                && !Modifier.isProtected(modifiers)
                && !c.getPackageName().equals(declaring.getPackageName()))) {
          return Optional.empty();
        }
        if (!method.trySetAccessible()) {
          throw new IllegalAccessException("cannot access " + method);
        }
        Object replacement = method.invoke(value);
        return replacement == value ? Optional.empty() : Optional.ofNullable(replacement);
      }
      return Optional.empty();
    }
  }

  /** An object input stream resolving classes, including proxy interfaces, with a class loader. */
  private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
    private static final Map<String, Class<?>> PRIMITIVES = Map.of(
        "boolean", boolean.class,
        "byte", byte.class,
        "char", char.class,
        "short", short.class,
        "int", int.class,
        "long", long.class,
        "float", float.class,
        "double", double.class,
        "void", void.class);

    private final ClassLoader classLoader;

    ClassLoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
      super(in);
      this.classLoader = classLoader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, classLoader);
      } catch (ClassNotFoundException e) {
        Class<?> primitive = PRIMITIVES.get(desc.getName());
        if (primitive != null) {
          return primitive;
        }
        throw e;
      }
    }

    @Override
    @SuppressWarnings("deprecation") // Proxy.getProxyClass, as in ObjectInputStream itself
    protected Class<?> resolveProxyClass(String[] interfaces)
        throws IOException, ClassNotFoundException {
      ClassLoader nonPublicLoader = null;
      Class<?>[] classes = new Class<?>[interfaces.length];
      for (int i = 0; i < interfaces.length; i++) {
        Class<?> type = Class.forName(interfaces[i], false, classLoader);
        if (!Modifier.isPublic(type.getModifiers())) {
          if (nonPublicLoader != null && nonPublicLoader != type.getClassLoader()) {
            throw new IllegalAccessError("conflicting non-public interface class loaders");
          }
          nonPublicLoader = type.getClassLoader();
        }
        classes[i] = type;
      }
      try {
        ClassLoader loader = nonPublicLoader != null ? nonPublicLoader : classLoader;
        return Proxy.getProxyClass(loader, classes);
      } catch (IllegalArgumentException e) {
        throw new ClassNotFoundException(
            "cannot define proxy class for " + Arrays.toString(interfaces), e);
      }
    }
  }
}
