package io.solidstream.testkit;

import static io.solidstream.testkit.SolidstreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.pipeline.InvalidPipelineException;
import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamTesterTest {
  static final OutputTag<String> ODD = OutputTag.of("odd", String.class);

  @Test
  void capturesMainAndSideOutputsUnderUniqueNames() {
    StreamTester tester = StreamTester.create("split");
    DataStream<String> even = tester.source(Sources.of(1, 2, 3, 4))
        .process((Integer n, ProcessFunction.Context ctx, Collector<String> out) -> {
          if (n % 2 == 0) {
            out.collect("even " + n);
          } else {
            ctx.output(ODD, "odd " + n);
          }
        });
    TestOutput<String> evens = tester.capture(even);
    TestOutput<String> evensAgain = tester.capture(even);
    TestOutput<String> odds = tester.capture(even.sideOutput(ODD));

    StreamTestResult result = tester.run();

    assertThat(result.records(evens)).containsExactly("even 2", "even 4");
    assertThat(result.records(evensAgain)).containsExactly("even 2", "even 4");
    assertThat(result.records(odds)).containsExactly("odd 1", "odd 3");
    assertThat(List.of(evens.name(), evensAgain.name(), odds.name()))
        .containsExactly("captured.process", "captured.process_2", "captured.side_output_odd");
    assertThat(odds.operator()).isEqualTo("split/side_output_odd");
    assertThat(result.program()).isEqualTo("split");
  }

  @Test
  void metricsByFullOrShortOperatorName() {
    StreamTester tester = StreamTester.create("counts");
    tester.capture(tester.source(Sources.of("a", "b", "a")).filter(s -> s.equals("a")).name("only_a"));

    StreamTestResult result = tester.run();

    assertThat(result.metrics("counts/only_a").recordsIn()).isEqualTo(3);
    assertThat(result.metrics("only_a").recordsOut()).isEqualTo(2);
    assertThat(result.metrics()).containsKeys("counts/source", "counts/only_a");
    assertThat(result.result().status()).isEqualTo(io.solidstream.api.stream.JobStatus.FINISHED);
    assertThatThrownBy(() -> result.metrics("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("stream program 'counts' has no operator 'nope'; operators: [counts/source,");
  }

  @Test
  void aFailingFunctionFailsTheRunNamingTheOperator() {
    StreamTester tester = StreamTester.create("boom");
    tester.capture(tester.source(Sources.of(1, 2, 0)).map(n -> 10 / n).name("divide"));

    assertThatThrownBy(tester::run)
        .isInstanceOf(AssertionError.class)
        .hasMessage("stream program 'boom' ended FAILED: Error in operator 'boom/divide':"
            + " java.lang.ArithmeticException: / by zero")
        .cause().isInstanceOf(UserCodeException.class);
  }

  @Test
  void theMutationCheckCatchesAFunctionThatChangesItsInput() {
    StreamTester tester = StreamTester.create("mutation");
    tester.capture(tester.source(Sources.of(new ArrayList<>(List.of("a")))).map(list -> {
      list.add("b");
      return list.size();
    }));

    assertThatThrownBy(tester::run).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Error in operator 'mutation/map'")
        .hasMessageContaining("mutated its input record");
    StreamTester unchecked = StreamTester.create("unchecked").mutationCheck(false);
    TestOutput<Integer> sizes = unchecked.capture(unchecked.source(Sources.of(new ArrayList<>(List.of("a"))))
        .map(list -> {
          list.add("b");
          return list.size();
        }));
    assertThat(unchecked.run().records(sizes)).containsExactly(2);
  }

  @Test
  void anInvalidProgramIsReportedWhenItRuns() {
    StreamTester tester = StreamTester.create("invalid");
    tester.source(Sources.of(1)).map(n -> n + 1);

    assertThatThrownBy(tester::run).isInstanceOf(InvalidPipelineException.class)
        .hasMessageContaining("goes nowhere");
  }

  @Test
  void anUnboundedSourceIsRejected() {
    StreamTester tester = StreamTester.create("endless");
    tester.capture(tester.source(Sources.unboundedGenerator(i -> i, 0)));

    assertThatThrownBy(tester::run).isInstanceOf(IllegalStateException.class)
        .hasMessage("stream program 'endless' has an unbounded source; StreamTester runs programs to their end:"
            + " use a TestSource or a bounded generator");
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> StreamTester.create("p").parallelism(0))
        .hasMessage("parallelism must be at least 1, was 0");
    assertThatThrownBy(() -> StreamTester.create("p").timeout(Duration.ZERO))
        .hasMessage("timeout must be positive, was PT0S");
    assertThat(StreamTester.create("p").parallelism(3).processingTimeStart(42).options())
        .satisfies(o -> {
          assertThat(o.parallelism()).isEqualTo(3);
          assertThat(o.manualProcessingTime()).isTrue();
          assertThat(o.processingTimeStart()).isEqualTo(42);
          assertThat(o.checkNoMutation()).isTrue();
        });
  }

  @Test
  void operatorAssertionsShowEveryCounterWhenTheyFail() {
    StreamTester tester = StreamTester.create("late");
    tester.capture(tester.source(TestSource.<String>create().add("a", 1_000).watermark(10_000).add("a", 2_000))
        .keyBy(s -> s)
        .window(WindowSpec.tumbling(Duration.ofSeconds(10)))
        .aggregate(Aggregators.count()));
    StreamTestResult result = tester.run();

    assertThat(result).operator("window").receivedRecords(2).emittedRecords(1).droppedLateRecords(1)
        .and().operator("late/source").emittedRecords(2);
    assertThatThrownBy(() -> assertThat(result).operator("window").droppedLateRecords(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected operator 'late/window' to have dropped 0 late records, but it dropped 1.")
        .hasMessageContaining("late/window: 2 / 1 / 1");
    assertThatThrownBy(() -> assertThat(result).operator("windw"))
        .hasMessageContaining("Expected an operator 'windw' in stream program 'late', but there is none.");
  }
}
