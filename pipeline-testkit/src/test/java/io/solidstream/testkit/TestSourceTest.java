package io.solidstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.stream.io.Source;
import io.solidstream.api.stream.io.Source.ScriptStep;
import io.solidstream.api.stream.io.Timestamped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSourceTest {

  @Test
  void buildsTheStepsInTheOrderTheyWereWritten() {
    Source.Scripted<String> source = TestSource.<String>create()
        .add("a", 1_000)
        .add("b", Instant.ofEpochMilli(2_000))
        .watermark(5_000)
        .advanceProcessingTime(Duration.ofSeconds(10))
        .add("late", 500)
        .build();

    assertThat(source.steps()).containsExactly(
        new ScriptStep.Element<>("a", 1_000L),
        new ScriptStep.Element<>("b", 2_000L),
        new ScriptStep.Watermark<>(5_000L),
        new ScriptStep.AdvanceProcessingTime<>(10_000L),
        new ScriptStep.Element<>("late", 500L));
    assertThat(source.isBounded()).isTrue();
  }

  @Test
  void addAllTakesTimestampedRecordsATimestampFunctionOrOneTimestamp() {
    record Click(String user, long time) {}
    TestSource<Click> source = TestSource.of(Click.class)
        .addAll(List.of(Timestamped.of(new Click("ann", 1), 10L)))
        .addAll(List.of(new Click("bob", 2), new Click("cid", 3)), Click::time)
        .addAll(7L, new Click("dee", 4), new Click("eve", 5));

    assertThat(source.steps()).containsExactly(
        new ScriptStep.Element<>(new Click("ann", 1), 10L),
        new ScriptStep.Element<>(new Click("bob", 2), 2L),
        new ScriptStep.Element<>(new Click("cid", 3), 3L),
        new ScriptStep.Element<>(new Click("dee", 4), 7L),
        new ScriptStep.Element<>(new Click("eve", 5), 7L));
  }

  @Test
  void buildReturnsASnapshot() {
    TestSource<String> script = TestSource.<String>create().add("a", 1);
    Source.Scripted<String> first = script.build();

    script.add("b", 2);

    assertThat(first.steps()).hasSize(1);
    assertThat(script.build().steps()).hasSize(2);
  }

  @Test
  void rejectsANegativeProcessingTimeAdvance() {
    assertThatThrownBy(() -> TestSource.create().advanceProcessingTime(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot advance processing time by PT-0.005S: the advance must not be negative"
            + " (the clock never goes back)");
    assertThatThrownBy(() -> TestSource.create().advanceProcessingTime(-1))
        .hasMessageStartingWith("cannot advance processing time by -1 ms");
  }

  @Test
  void rejectsAWatermarkBelowAnEarlierOne() {
    TestSource<String> script = TestSource.<String>create().watermark(5_000).watermark(5_000);

    assertThatThrownBy(() -> script.watermark(4_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("watermark 4000 is below the earlier watermark 5000; watermarks only move forward (to test"
            + " late data, add a record with an old timestamp instead)");
  }

  @Test
  void rejectsNullRecords() {
    assertThatThrownBy(() -> TestSource.<String>create().add("a", 1).add(null, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("element 2 at 2 is null; stream records must not be null");
    assertThatThrownBy(() -> TestSource.<String>create().addAll(java.util.Arrays.asList("a", null), s -> 1L))
        .hasMessage("element 2 is null; stream records must not be null");
  }
}
