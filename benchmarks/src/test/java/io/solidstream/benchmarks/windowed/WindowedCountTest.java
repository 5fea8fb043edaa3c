package io.solidstream.benchmarks.windowed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class WindowedCountTest {

  @ParameterizedTest(name = "N={0} K={1}")
  @CsvSource({"20000,100,400,1206669280", "200000,1000,33798,3098360438153", "20000,10000,15312,43082707689228"})
  void plainJavaMatchesTheWorkloadTable(long events, int keys, long windows, long checksum) {
    assertThat(new PlainJavaEngine().run(events, keys, 1)).isEqualTo(new Workload.Outcome(windows, checksum));
  }

  @ParameterizedTest(name = "N={0} K={1} parallelism={4}")
  @CsvSource({
      "20000,100,400,1206669280,1", "200000,1000,33798,3098360438153,1", "20000,10000,15312,43082707689228,1",
      "20000,100,400,1206669280,2", "200000,1000,33798,3098360438153,2", "20000,10000,15312,43082707689228,2"})
  void inProcessMatchesTheWorkloadTable(long events, int keys, long windows, long checksum, int parallelism) {
    assertThat(new InProcessEngine().run(events, keys, parallelism)).isEqualTo(new Workload.Outcome(windows, checksum));
  }

  @Test
  void commandPrintsOneResultLinePerEngineInTheWorkloadFormat() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new CommandLine(new WindowedCountCommand(print(out), print(err)))
        .execute("--events", "20000", "--keys", "100", "--engines", "plain-java");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).matches(
        "RESULT engine=plain-java events=20000 keys=100 windows=400 checksum=1206669280"
            + " seconds=\\d+\\.\\d{3} events_per_s=\\d+\\R");
  }

  @Test
  void unknownEngineIsAnErrorListingTheEngines() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new CommandLine(new WindowedCountCommand(print(new ByteArrayOutputStream()), print(err)))
        .execute("--events", "100", "--engines", "plain-jav");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown engine 'plain-jav'; engines of this build: plain-java, in-process");
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
