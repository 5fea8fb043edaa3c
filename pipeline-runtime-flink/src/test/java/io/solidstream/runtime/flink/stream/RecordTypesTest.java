package io.solidstream.runtime.flink.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.io.GeneratorFunction;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** Which record types the translation reads from user functions, and where it keeps Kryo. */
class RecordTypesTest {

  public record Click(String user, long time, double[] weights) {}

  public record Visit(Click click, String page) {}

  public record Basket(String owner, List<String> items) {}

  public record Stamped(String user, java.util.Date at) {}

  record Hidden(String user) {}

  /** A function class: its generic interface names the result type. */
  static final class ToClick implements SerializableFunction<String, Click> {
    private static final long serialVersionUID = 1L;

    @Override
    public Click apply(String user) {
      return new Click(user, 0, new double[0]);
    }
  }

  static <T> SerializableFunction<T, T> identity() {
    return x -> x;
  }

  @Test
  void aLambdaReturningARecordGivesFlinksPojoTypeOfTheRecord() {
    GeneratorFunction<Click> fn = i -> new Click("u" + i, i, new double[] {1});

    TypeInformation<Object> type = RecordTypes.returnedBy(fn, GeneratorFunction.class, 0);

    assertThat(type).isInstanceOf(PojoTypeInfo.class);
    assertThat(type.getTypeClass()).isEqualTo(Click.class);
  }

  @Test
  void aMethodReferenceGivesItsReturnType() {
    SerializableFunction<Click, String> user = Click::user;

    assertThat(RecordTypes.returnedBy(user, Function.class, 1)).isEqualTo(BasicTypeInfo.STRING_TYPE_INFO);
  }

  @Test
  void aFunctionClassGivesTheTypeArgumentItDeclares() {
    assertThat(RecordTypes.returnedBy(new ToClick(), Function.class, 1).getTypeClass()).isEqualTo(Click.class);
  }

  @Test
  void aRecordNestingARecordIsTyped() {
    SerializableFunction<Click, Visit> visit = click -> new Visit(click, "/");

    assertThat(RecordTypes.returnedBy(visit, Function.class, 1)).isInstanceOf(PojoTypeInfo.class);
  }

  @Test
  void anErasedOrInterfaceResultStaysGeneric() {
    SerializableFunction<String, CharSequence> chars = s -> s;

    assertThat(RecordTypes.returnedBy(identity(), Function.class, 1)).isEqualTo(Functions.ANY);
    assertThat(RecordTypes.returnedBy(chars, Function.class, 1)).isEqualTo(Functions.ANY);
    Aggregator<String, long[], Long> anonymous = Aggregator.of(() -> new long[1], (s, a) -> a, (a, b) -> a, a -> a[0]);
    assertThat(RecordTypes.returnedBy(anonymous, Aggregator.class, 2)).isEqualTo(Functions.ANY);
  }

  @Test
  void boxedNumbersStayGenericBecauseFlinksSerializersRefuseNull() {
    SerializableFunction<String, Long> length = s -> (long) s.length();

    assertThat(RecordTypes.returnedBy(length, Function.class, 1)).isEqualTo(Functions.ANY);
    assertThat(RecordTypes.returnedBy(Aggregators.count(), Aggregator.class, 2)).isEqualTo(Functions.ANY);
  }

  @Test
  void recordsFlinkWouldNotGiveBackAsTheyWereStayGeneric() {
    // a List field would come back as an ArrayList, a Date field's Timestamp as a Date
    assertThat(RecordTypes.of(Basket.class)).isEqualTo(Functions.ANY);
    assertThat(RecordTypes.of(Stamped.class)).isEqualTo(Functions.ANY);
    // not public: Flink cannot use it as a POJO
    assertThat(RecordTypes.of(Hidden.class)).isEqualTo(Functions.ANY);
    assertThat(RecordTypes.of(Map.class)).isEqualTo(Functions.ANY);
    assertThat(RecordTypes.of(Object.class)).isEqualTo(Functions.ANY);
  }

  @Test
  void aCollectionOfOneClassIsTypedAndOfMixedClassesIsGeneric() {
    assertThat(RecordTypes.common(List.of("a", "b"))).isEqualTo(BasicTypeInfo.STRING_TYPE_INFO);
    assertThat(RecordTypes.common(List.of("a", new Click("u", 1, new double[0])))).isEqualTo(Functions.ANY);
    assertThat(RecordTypes.common(List.of())).isEqualTo(Functions.ANY);
  }
}
