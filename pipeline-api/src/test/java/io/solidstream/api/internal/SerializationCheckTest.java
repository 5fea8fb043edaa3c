package io.solidstream.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SerializationCheckTest {

  private static final String TEST = SerializationCheckTest.class.getName();
  private static final String RESOURCE = Resource.class.getName();

  /** A serializable function type, as solids declare them. */
  interface SFn extends Function<Object, Object>, Serializable {}

  /** Stands in for a connection, socket or client: not serializable. */
  static final class Resource {
    @Override
    public String toString() {
      return "resource";
    }
  }

  static final class Wrapper implements Serializable {
    Object client;
    transient Object ignored = new Resource();
    static Object alsoIgnored = new Resource();

    Wrapper(Object client) {
      this.client = client;
    }
  }

  static final class Client implements Serializable {
    final String name = "client";
    final Object socket;

    Client(Object socket) {
      this.socket = socket;
    }
  }

  static final class Node implements Serializable {
    Node next;
    Object payload;
  }

  /** Fails in its own writeObject and refers to itself. */
  static final class Exploding implements Serializable {
    final Exploding self = this;

    private void writeObject(ObjectOutputStream out) throws IOException {
      throw new IllegalStateException("boom");
    }
  }

  /** A non-static inner class: holds a reference to the (non-serializable) test instance. */
  final class Inner implements Serializable {}

  private final String prefix = "p-";

  @Test
  void serializableLambdaCapturingNonSerializableObject() {
    Resource conn = new Resource();
    SFn fn = x -> conn + "" + x;

    assertThat(SerializationCheck.findProblem(fn))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .startsWith(
                        "captured argument #1 of type "
                            + RESOURCE
                            + " is not serializable (lambda in "
                            + TEST
                            + ".lambda$serializableLambdaCapturingNonSerializableObject$")
                    .endsWith(")"));
  }

  @Test
  void lambdaCapturingThis() {
    SFn fn = x -> prefix + x;

    assertThat(SerializationCheck.findProblem(fn).orElseThrow())
        .startsWith(
            "captured 'this' of type "
                + TEST
                + " is not serializable (the lambda uses a field or method of its enclosing"
                + " instance; make it static or copy the value into a local variable)"
                + " (lambda in "
                + TEST
                + ".lambda$lambdaCapturingThis$");
  }

  @Test
  void lambdaCapturingSeveralValuesNamesTheCulpritsPosition() {
    String table = "t";
    Resource conn = new Resource();
    SFn fn = x -> table + conn + x;

    assertThat(SerializationCheck.findProblem(fn).orElseThrow())
        .startsWith("captured argument #2 of type " + RESOURCE + " is not serializable");
  }

  @Test
  void boundMethodReferenceOnNonSerializableReceiver() {
    Resource conn = new Resource();
    SFn fn = conn::equals;

    assertThat(SerializationCheck.findProblem(fn).orElseThrow())
        .startsWith(
            "captured receiver of type " + RESOURCE + " is not serializable (method reference ")
        .endsWith("::equals)");
  }

  @Test
  void nonSerializableLambda() {
    Function<Object, Object> fn = x -> x;

    assertThat(SerializationCheck.findProblem(fn).orElseThrow())
        .isEqualTo(
            "lambda "
                + fn.getClass().getName()
                + " is not serializable: declare it with a serializable functional interface")
        .startsWith("lambda " + TEST + "$$Lambda");
  }

  @Test
  void nonSerializableLambdaInAField() {
    Function<Object, Object> fn = x -> x;

    assertThat(SerializationCheck.findProblem(new Wrapper(fn)).orElseThrow())
        .isEqualTo(
            "field 'client' (lambda "
                + fn.getClass().getName()
                + ") is not serializable: declare it with a serializable functional interface");
  }

  @Test
  void anonymousClassWithCapturedVariable() {
    assertThat(SerializationCheck.findProblem(anonymousCapturing(new Resource())))
        .hasValue("captured field 'conn' of type " + RESOURCE + " is not serializable");
  }

  private static SFn anonymousCapturing(Resource conn) {
    return new SFn() {
      @Override
      public Object apply(Object x) {
        return conn + "" + x;
      }
    };
  }

  @Test
  void innerClassCapturingEnclosingInstance() {
    assertThat(SerializationCheck.findProblem(new Inner()))
        .hasValue(
            "enclosing instance of type "
                + TEST
                + " is not serializable (inner and anonymous classes keep a reference to their"
                + " enclosing instance; use a static nested class or create the object in a"
                + " static method)");
  }

  @Test
  void nestedFieldPath() {
    Wrapper wrapper = new Wrapper(new Client(new Resource()));

    assertThat(SerializationCheck.findProblem(wrapper))
        .hasValue(
            "field 'client' ("
                + Client.class.getName()
                + ") → field 'socket' of type "
                + RESOURCE
                + " is not serializable");
  }

  @Test
  void lambdaCapturingSerializableObjectWithBadField() {
    Client client = new Client(new Resource());
    SFn fn = x -> client.name + x;

    assertThat(SerializationCheck.findProblem(fn).orElseThrow())
        .startsWith(
            "captured argument #1 ("
                + Client.class.getName()
                + ") → field 'socket' of type "
                + RESOURCE
                + " is not serializable (lambda in "
                + TEST
                + ".lambda$");
  }

  @Test
  void collectionElement() {
    List<Object> list = new ArrayList<>(List.of("a", "b", 3));
    list.add(new Resource());

    assertThat(SerializationCheck.findProblem(new Wrapper(list)))
        .hasValue(
            "field 'client' (java.util.ArrayList) → [3] of type " + RESOURCE + " is not serializable");
  }

  @Test
  void arrayElement() {
    assertThat(SerializationCheck.findProblem(new Object[] {"a", new Resource()}))
        .hasValue("[1] of type " + RESOURCE + " is not serializable");
  }

  @Test
  void mapValue() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("table", "events");
    map.put("db", new Resource());

    assertThat(SerializationCheck.findProblem(map))
        .hasValue("[db] of type " + RESOURCE + " is not serializable");
  }

  @Test
  void mapKey() {
    Map<Object, Object> map = new HashMap<>();
    map.put(new Resource(), "value");

    assertThat(SerializationCheck.findProblem(map))
        .hasValue("key [resource] of type " + RESOURCE + " is not serializable");
  }

  @Test
  void cycleDoesNotLoop() {
    Node a = new Node();
    Node b = new Node();
    a.next = b;
    b.next = a;
    b.payload = new Resource();

    assertThat(SerializationCheck.findProblem(a))
        .hasValue(
            "field 'next' ("
                + Node.class.getName()
                + ") → field 'payload' of type "
                + RESOURCE
                + " is not serializable");
  }

  @Test
  void fallsBackToExceptionWhenNoObjectIsNotSerializable() {
    assertThat(SerializationCheck.findProblem(new Exploding()))
        .hasValue("serialization failed with java.lang.IllegalStateException: boom");
  }

  @Test
  void fallsBackToTheFailingClassBeyondTheDepthLimit() {
    Node head = new Node();
    Node last = head;
    for (int i = 0; i < 200; i++) {
      last.next = new Node();
      last = last.next;
    }
    last.payload = new Resource();

    assertThat(SerializationCheck.findProblem(head))
        .hasValue("object of type " + RESOURCE + " is not serializable");
  }

  @Test
  void objectsClosedByTheModuleSystemAreReportedByTheFailingClass() {
    Wrapper wrapper = new Wrapper(new AtomicReference<>(new Resource()));

    assertThat(SerializationCheck.findProblem(wrapper))
        .hasValue(
            "field 'client' (java.util.concurrent.atomic.AtomicReference) → object of type "
                + RESOURCE
                + " is not serializable");
  }

  @Test
  void nonSerializableRoot() {
    assertThat(SerializationCheck.findProblem(new Resource()))
        .hasValue("object of type " + RESOURCE + " is not serializable");
  }

  @Test
  void serializableGraphHasNoProblem() {
    String table = "events";
    SFn fn = x -> table + x;
    Node cyclic = new Node();
    cyclic.next = cyclic;
    cyclic.payload = List.of(1, "two", Map.of("k", fn));

    assertThat(SerializationCheck.findProblem(cyclic)).isEmpty();
    assertThat(SerializationCheck.findProblem(new Wrapper(new Client("socket")))).isEmpty();
  }

  @Test
  void nullHasNoProblem() {
    assertThat(SerializationCheck.findProblem(null)).isEmpty();
    assertThatCode(() -> SerializationCheck.checkSerializable(null, "value")).doesNotThrowAnyException();
  }

  @Test
  void checkSerializableNamesTheValueAndTheCulprit() {
    assertThatThrownBy(
            () ->
                SerializationCheck.checkSerializable(
                    anonymousCapturing(new Resource()), "\"computeFn\" of solid 'load'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "\"computeFn\" of solid 'load' must be serializable: captured field 'conn' of type "
                + RESOURCE
                + " is not serializable");
  }

  @Test
  void checkSerializableAcceptsSerializableValues() {
    assertThatCode(() -> SerializationCheck.checkSerializable((SFn) x -> x, "fn"))
        .doesNotThrowAnyException();
  }

  @Test
  void serializeAndDeserializeCopyValuesAcrossTheBoundary() {
    String suffix = "!";
    SFn fn = x -> x + suffix;
    ClassLoader loader = getClass().getClassLoader();

    SFn copy = SerializationCheck.deserialize(SerializationCheck.serialize(fn), loader);
    Map<String, int[]> map =
        SerializationCheck.deserialize(
            SerializationCheck.serialize(new HashMap<>(Map.of("k", new int[] {1, 2}))), loader);

    assertThat(copy).isNotSameAs(fn);
    assertThat(copy.apply("hi")).isEqualTo("hi!");
    assertThat(map.get("k")).containsExactly(1, 2);
    Object none = SerializationCheck.deserialize(SerializationCheck.serialize(null), loader);
    assertThat(none).isNull();
  }

  @Test
  void serializeFailsWithThePathToTheCulprit() {
    Wrapper wrapper = new Wrapper(new Client(new Resource()));

    assertThatThrownBy(() -> SerializationCheck.serialize(wrapper))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Value of type "
                + Wrapper.class.getName()
                + " must be serializable: field 'client' ("
                + Client.class.getName()
                + ") → field 'socket' of type "
                + RESOURCE
                + " is not serializable");
  }

  @Test
  void deserializeResolvesClassesWithTheGivenLoader() {
    byte[] bytes = SerializationCheck.serialize(new Wrapper("client"));
    ClassLoader platformOnly = new ClassLoader(ClassLoader.getPlatformClassLoader()) {};

    assertThatThrownBy(() -> SerializationCheck.deserialize(bytes, platformOnly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot deserialize value: java.lang.ClassNotFoundException: "
                + Wrapper.class.getName());
  }

  @Test
  void deserializeRejectsCorruptBytes() {
    assertThatThrownBy(
            () -> SerializationCheck.deserialize(new byte[] {1, 2, 3, 4}, getClass().getClassLoader()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot deserialize value: java.io.StreamCorruptedException");
  }
}
