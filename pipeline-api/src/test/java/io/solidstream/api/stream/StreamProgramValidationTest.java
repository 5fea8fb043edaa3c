package io.solidstream.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.pipeline.InvalidPipelineException;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.io.Timestamped;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamProgramValidationTest {
  record Click(String user, long time) implements Serializable {}

  static final WatermarkStrategy<Click> CLICK_TIME =
      WatermarkStrategy.<Click>forMonotonousTimestamps().withTimestampAssigner((c, ts) -> c.time());

  static final OutputTag<Click> LATE = OutputTag.of("late", Click.class);

  @Test
  void eventTimeWindowOnASourceWithoutWatermarksFailsAtBuildNamingBothAndTheFix() {
    StreamBuilder b = StreamProgram.builder("clicks");
    b.source(Sources.of(new Click("a", 1)))
        .keyBy(Click::user)
        .window(WindowSpec.tumbling(Duration.ofMinutes(1)))
        .aggregate(Aggregators.count())
        .sink(Sinks.collect("counts"));

    assertThatThrownBy(b::build)
        .isInstanceOf(InvalidPipelineException.class)
        .hasMessageStartingWith("Invalid stream program 'clicks': ")
        .hasMessageContaining("'clicks/window' is an event-time window, but 'clicks/source' has no watermark strategy")
        .hasMessageContaining("WatermarkStrategy.forBoundedOutOfOrderness")
        .hasMessageContaining("onProcessingTime()");
  }

  @Test
  void eventTimeWindowWithoutATimestampAssignerFailsAtBuild() {
    StreamBuilder b = StreamProgram.builder("clicks");
    b.source(Sources.of(new Click("a", 1)), WatermarkStrategy.forMonotonousTimestamps())
        .keyBy(Click::user)
        .window(WindowSpec.tumbling(Duration.ofMinutes(1)))
        .aggregate(Aggregators.count())
        .sink(Sinks.collect("counts"));

    assertThatThrownBy(b::build)
        .hasMessageContaining("the records of 'clicks/source' carry no timestamps; add .withTimestampAssigner(");
  }

  @Test
  void timestampedSourceNeedsNoAssigner() {
    StreamBuilder b = StreamProgram.builder("clicks");
    b.source(Sources.timestamped(List.of(Timestamped.of(new Click("a", 1), 1L))), WatermarkStrategy.forMonotonousTimestamps())
        .keyBy(Click::user)
        .window(WindowSpec.tumbling(Duration.ofMinutes(1)))
        .aggregate(Aggregators.count())
        .sink(Sinks.collect("counts"));

    assertThat(b.build().isBounded()).isTrue();
  }

  @Test
  void intervalJoinNeedsEventTimeOnBothInputs() {
    StreamBuilder b = StreamProgram.builder("joins");
    KeyedStream<Click, String> left = b.source(Sources.of(new Click("a", 1)), CLICK_TIME).keyBy(Click::user);
    KeyedStream<Click, String> right = b.source(Sources.of(new Click("a", 2))).keyBy(Click::user);
    left.intervalJoin(right).between(Duration.ofSeconds(-1), Duration.ofSeconds(1)).join((l, r) -> l)
        .sink(Sinks.collect("pairs"));

    assertThatThrownBy(b::build)
        .hasMessageContaining("'joins/interval_join' is an interval join, but 'joins/source_2' has no watermark strategy");
  }

  @Test
  void nonSerializableLambdaFailsWhenPassedNamingTheParameterAndTheCapturedValue() {
    StreamBuilder b = StreamProgram.builder("clicks");
    Object notSerializable = new Object();
    DataStream<Click> clicks = b.source(Sources.of(new Click("a", 1)));

    assertThatThrownBy(() -> clicks.map(c -> c.user() + notSerializable.hashCode()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"mapper\" of map in stream program 'clicks' must be serializable")
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void programWithoutSinkAndDanglingStreamsListsEveryProblem() {
    StreamBuilder b = StreamProgram.builder("dangling");
    DataStream<Click> clicks = b.source(Sources.of(new Click("a", 1)));
    clicks.map(Click::user);

    assertThatThrownBy(b::build)
        .isInstanceOf(InvalidPipelineException.class)
        .hasMessageContaining("it has no sink")
        .hasMessageContaining("the output of 'dangling/map' goes nowhere");
  }

  @Test
  void twoCollectSinksWithOneNameAreRejected() {
    StreamBuilder b = StreamProgram.builder("sinks");
    DataStream<Click> clicks = b.source(Sources.of(new Click("a", 1)));
    clicks.sink(Sinks.collect("out"));
    clicks.sink(Sinks.collect("out"));

    assertThatThrownBy(b::build).hasMessageContaining("two collect sinks are named 'out'");
  }

  @Test
  void sideOutputOfAnOperatorThatCannotEmitThemIsRejectedAtOnce() {
    StreamBuilder b = StreamProgram.builder("sides");
    DataStream<String> users = b.source(Sources.of(new Click("a", 1))).map(Click::user);

    assertThatThrownBy(() -> users.sideOutput(OutputTag.of("x", String.class)))
        .hasMessageContaining("side output 'x' is read from 'sides/map', which cannot emit side outputs");
  }

  @Test
  void allowedLatenessOnProcessingTimeWindowsIsRejected() {
    StreamBuilder b = StreamProgram.builder("late");
    WindowedStream<Click, String> windows = b.source(Sources.of(new Click("a", 1))).keyBy(Click::user)
        .window(WindowSpec.tumbling(Duration.ofSeconds(5)).onProcessingTime());

    assertThatThrownBy(() -> windows.allowedLateness(Duration.ofSeconds(1)))
        .hasMessageContaining("allowedLateness applies to event-time windows only");
    assertThatThrownBy(() -> windows.sideOutputLateData(LATE))
        .hasMessageContaining("late data exists for event-time windows only");
  }

  @Test
  void invalidWindowSpecsAreRejectedWithTheParameter() {
    assertThatThrownBy(() -> WindowSpec.tumbling(Duration.ZERO))
        .hasMessage("Invalid window: the size of a tumbling window must be positive, was 0 ms");
    assertThatThrownBy(() -> WindowSpec.sliding(Duration.ofMinutes(1), Duration.ZERO))
        .hasMessage("Invalid window: the slide of a sliding window must be positive, was 0 ms");
    assertThatThrownBy(() -> WindowSpec.tumbling(Duration.ofMinutes(1)).withOffset(Duration.ofMinutes(2)))
        .hasMessageContaining("the offset must be at least 0 and smaller than the size");
  }

  @Test
  void operatorNamesAreDeterministicHierarchicalUniquifiedAndOverridable() {
    StreamBuilder b = StreamProgram.builder("etl");
    DataStream<Click> clicks = b.source(Sources.of(new Click("a", 1)));
    clicks.map(Click::user).name("users").map(String::length).map(n -> n + 1).sink(Sinks.collect("out"));
    clicks.sink(Sinks.log("clicks")).name("log_clicks");
    StreamProgram program = b.build();

    assertThat(program.nodes()).extracting(StreamNode::name)
        .containsExactly("etl/source", "etl/users", "etl/map_2", "etl/map_3", "etl/sink", "etl/log_clicks");
  }

  @Test
  void duplicateUserNameIsRejected() {
    StreamBuilder b = StreamProgram.builder("etl");
    DataStream<Click> clicks = b.source(Sources.of(new Click("a", 1))).name("clicks");
    DataStream<String> users = clicks.map(Click::user);

    assertThatThrownBy(() -> users.name("clicks"))
        .hasMessageContaining("operator name 'clicks' is already used by another operator");
  }

  @Test
  void streamsOfTwoProgramsCannotBeCombined() {
    DataStream<Click> a = StreamProgram.builder("a").source(Sources.of(new Click("a", 1)));
    DataStream<Click> b = StreamProgram.builder("b").source(Sources.of(new Click("b", 1)));

    assertThatThrownBy(() -> a.union(b)).hasMessageContaining("union combines streams of two programs ('a' and 'b')");
  }

  @Test
  void unboundedGeneratorMakesTheProgramUnbounded() {
    StreamBuilder b = StreamProgram.builder("endless");
    b.source(Sources.unboundedGenerator(i -> i, 0)).sink(Sinks.log("numbers"));

    assertThat(b.build().isBounded()).isFalse();
  }
}
