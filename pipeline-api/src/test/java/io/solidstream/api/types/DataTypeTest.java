package io.solidstream.api.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Run-time checks and assignability of {@link DataType}. */
class DataTypeTest {

  @Test
  void classTypeAcceptsInstancesAndRejectsOthersNamingBoth() {
    DataType<Integer> type = DataType.of(Integer.class);

    assertThat(type.check(5).success()).isTrue();
    assertThat(type.check("5"))
        .isEqualTo(TypeCheckResult.failed("expected Integer (java.lang.Integer), got java.lang.String"));
  }

  @Test
  void primitiveClassIsBoxed() {
    DataType<Integer> type = DataType.of(int.class);

    assertThat(type.rawClass()).isEqualTo(Integer.class);
    assertThat(type.name()).isEqualTo("Integer");
    assertThat(type.check(3).success()).isTrue();
  }

  @Test
  void nullFailsUnlessNullable() {
    DataType<String> type = DataType.of(String.class);

    assertThat(type.check(null)).isEqualTo(TypeCheckResult.failed("expected String, got null"));
    assertThat(type.nullable().check(null).success()).isTrue();
    assertThat(type.nullable().isNullable()).isTrue();
    assertThat(type.isNullable()).isFalse();
  }

  @Test
  void listOfChecksEveryElementAndNamesTheFirstBadIndex() {
    DataType<List<Integer>> type = DataType.listOf(Integer.class);

    assertThat(type.name()).isEqualTo("List[Integer]");
    assertThat(type.javaTypeName()).isEqualTo("java.util.List<java.lang.Integer>");
    assertThat(type.check(List.of(1, 2)).success()).isTrue();
    assertThat(type.check(Arrays.asList(1, "two", 3.0)))
        .isEqualTo(TypeCheckResult.failed("expected List[Integer], but element [1] is a java.lang.String"));
    assertThat(type.check(Set.of(1)).success()).isFalse();
  }

  @Test
  void genericTypeRefChecksElementsOfCollections() {
    DataType<List<String>> type = DataType.of(new TypeRef<List<String>>() {});

    assertThat(type.name()).isEqualTo("List[String]");
    assertThat(type.check(new ArrayList<>(List.of("a"))).success()).isTrue();
    assertThat(type.check(List.of(1)).description()).isEqualTo(
        "expected List[String], but element [0] is a java.lang.Integer");
  }

  @Test
  void genericMapTypeHasAReadableName() {
    DataType<Map<String, Long>> type = DataType.of(new TypeRef<Map<String, Long>>() {});

    assertThat(type.name()).isEqualTo("Map[String, Long]");
    assertThat(type.javaTypeName()).isEqualTo("java.util.Map<java.lang.String, java.lang.Long>");
    assertThat(type.check(Map.of("a", 1L)).success()).isTrue();
  }

  @Test
  void customCheckFailureShowsItsDescriptionAndTheValue() {
    DataType<Integer> positive = DataType.of(Integer.class).withCheck("a positive integer", v -> v > 0);

    assertThat(positive.check(3).success()).isTrue();
    assertThat(positive.check(-1))
        .isEqualTo(TypeCheckResult.failed("expected a positive integer (type Integer), got -1"));
    assertThat(positive.check("x").description()).startsWith("expected Integer (java.lang.Integer)");
  }

  @Test
  void customCheckThatThrowsIsReportedAsAFailure() {
    DataType<String> type = DataType.of(String.class).withCheck("a number", s -> Integer.parseInt(s) > 0);

    assertThat(type.check("abc").success()).isFalse();
    assertThat(type.check("abc").description())
        .startsWith("the check 'a number' of type String threw java.lang.NumberFormatException");
  }

  @Test
  void longValuesAreAbbreviatedInCheckFailures() {
    DataType<String> shortText = DataType.of(String.class).withCheck("at most 3 characters", s -> s.length() <= 3);

    assertThat(shortText.check("x".repeat(200)).description())
        .isEqualTo("expected at most 3 characters (type String), got " + "x".repeat(77) + "...");
  }

  @Test
  void withNameRenamesButKeepsTheChecks() {
    DataType<Integer> type = DataType.of(Integer.class).withCheck("even", v -> v % 2 == 0).withName("EvenInt");

    assertThat(type.name()).isEqualTo("EvenInt");
    assertThat(type.toString()).isEqualTo("EvenInt");
    assertThat(type.check(3).description()).isEqualTo("expected even (type EvenInt), got 3");
  }

  @Test
  void anyAcceptsEveryNonNullValue() {
    DataType<Object> any = DataType.any();

    assertThat(any.check("x").success()).isTrue();
    assertThat(any.check(List.of()).success()).isTrue();
    assertThat(any.check(null).success()).isFalse();
    assertThat(any.isAssignableFrom(DataType.of(String.class))).isTrue();
  }

  @Test
  void isAssignableFromFollowsJavaSubtyping() {
    assertThat(DataType.of(Number.class).isAssignableFrom(DataType.of(Integer.class))).isTrue();
    assertThat(DataType.of(Integer.class).isAssignableFrom(DataType.of(Number.class))).isFalse();
    assertThat(DataType.of(Integer.class).isAssignableFrom(DataType.of(String.class))).isFalse();
  }

  @Test
  void isAssignableFromRespectsTypeArguments() {
    DataType<List<Integer>> integers = DataType.of(new TypeRef<List<Integer>>() {});
    DataType<List<String>> strings = DataType.of(new TypeRef<List<String>>() {});
    DataType<Collection<? extends Number>> numbers = DataType.of(new TypeRef<Collection<? extends Number>>() {});

    assertThat(integers.isAssignableFrom(strings)).isFalse();
    assertThat(integers.isAssignableFrom(DataType.listOf(Integer.class))).isTrue();
    assertThat(DataType.listOf(Integer.class).isAssignableFrom(integers)).isTrue();
    assertThat(numbers.isAssignableFrom(integers)).isTrue();
    assertThat(integers.isAssignableFrom(numbers)).isFalse();
  }

  @Test
  void acceptsElementChecksTheElementTypeOfCollections() {
    DataType<List<Number>> numbers = DataType.of(new TypeRef<List<Number>>() {});

    assertThat(numbers.acceptsElement(DataType.of(Integer.class))).isTrue();
    assertThat(numbers.acceptsElement(DataType.of(String.class))).isFalse();
    assertThat(DataType.listOf(String.class).acceptsElement(DataType.of(String.class))).isTrue();
    assertThat(DataType.listOf(String.class).acceptsElement(DataType.of(Integer.class))).isFalse();
    assertThat(DataType.of(new TypeRef<List<List<String>>>() {})
        .acceptsElement(DataType.of(new TypeRef<List<String>>() {}))).isTrue();
    assertThat(DataType.of(new TypeRef<List<List<String>>>() {})
        .acceptsElement(DataType.of(new TypeRef<List<Integer>>() {}))).isFalse();
  }

  @Test
  void acceptsElementIsFalseForNonCollections() {
    assertThat(DataType.of(Integer.class).acceptsElement(DataType.of(Integer.class))).isFalse();
    assertThat(DataType.of(String.class).acceptsElement(DataType.of(Character.class))).isFalse();
  }

  @Test
  void typeRefWithoutTypeArgumentIsRejected() {
    @SuppressWarnings("rawtypes")
    class Raw extends TypeRef {}

    assertThatThrownBy(Raw::new)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("new TypeRef<List<String>>() {}");
  }
}
