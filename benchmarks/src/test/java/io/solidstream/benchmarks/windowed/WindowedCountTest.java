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

  @ParameterizedTest(name = "N={0} K={1} parallelism={4}")
  @CsvSource({
      "20000,100,400,1206669280,1", "200000,1000,33798,3098360438153,1", "20000,10000,15312,43082707689228,1",
      "200000,1000,33798,3098360438153,2"})
  void flinkMiniClusterMatchesTheWorkloadTable(long events, int keys, long windows, long checksum, int parallelism) {
    FlinkMiniClusterEngine engine = new FlinkMiniClusterEngine();
    try {
      assertThat(engine.run(events, keys, parallelism)).isEqualTo(new Workload.Outcome(windows, checksum));
    } finally {
      engine.release(); // stops the mini-cluster
    }
  }

  @ParameterizedTest(name = "N={0} K={1} parallelism={4}")
  @CsvSource({
      "20000,100,400,1206669280,1", "200000,1000,33798,3098360438153,1", "20000,10000,15312,43082707689228,1",
      "200000,1000,33798,3098360438153,2"})
  void flinkDataStreamMatchesTheWorkloadTable(long events, int keys, long windows, long checksum, int parallelism)
      throws Exception {
    assertThat(new FlinkDataStreamEngine().run(events, keys, parallelism))
        .isEqualTo(new Workload.Outcome(windows, checksum));
  }

  @Test
  void theParallelSourceGivesEachPartitionEveryPthEventInOrder() {
    WorkloadSource.Events partition = new WorkloadSource.Split(1, 3, 1, 10, 100).getIterator();
    java.util.List<Long> timestamps = new java.util.ArrayList<>();
    partition.forEachRemaining(event -> timestamps.add(event.timestamp()));

    assertThat(timestamps).containsExactly(10L, 40L, 70L);
  }

  @Test
  void aSplitResumesWhereItsIteratorStoppedAndSurvivesItsSerializer() throws Exception {
    WorkloadSource.Split split = new WorkloadSource.Split(0, 2, 0, 10, 100);
    WorkloadSource.Events events = split.getIterator();
    events.next();
    events.next();
    WorkloadSource.Split resumed = (WorkloadSource.Split) split.getUpdatedSplitForIterator(events);
    WorkloadSource.SplitSerializer serializer = new WorkloadSource.SplitSerializer();

    assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(resumed)))
        .isEqualTo(new WorkloadSource.Split(0, 2, 4, 10, 100));
    assertThat(resumed.getIterator().next()).isEqualTo(Workload.Event.of(4, 100));
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
  void commandRunsAllFourEnginesInOneProcessWithTheTablesChecksum() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new CommandLine(new WindowedCountCommand(print(out), print(err))).execute("--events", "20000",
        "--keys", "100", "--engines", "plain-java,in-process,flink-minicluster,flink-datastream", "--warmup-rounds", "1");

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .extracting(line -> line.replaceAll(" seconds=.*", ""))
        .containsExactly(
            "RESULT engine=plain-java events=20000 keys=100 windows=400 checksum=1206669280",
            "RESULT engine=in-process events=20000 keys=100 windows=400 checksum=1206669280",
            "RESULT engine=flink-minicluster events=20000 keys=100 windows=400 checksum=1206669280",
            "RESULT engine=flink-datastream events=20000 keys=100 windows=400 checksum=1206669280");
  }

  @Test
  void reportCpuAddsOneCpuLinePerEngineOnStderr() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new CommandLine(new WindowedCountCommand(print(out), print(err)))
        .execute("--events", "20000", "--keys", "100", "--engines", "plain-java,in-process", "--report-cpu");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(2).allMatch(line -> line.matches(
        "CPU engine=(plain-java|in-process) cpu_seconds=\\d+\\.\\d{3} gc_seconds=\\d+\\.\\d{3} jit_seconds=\\d+\\.\\d{3}"
            + " threads_cpu_seconds=\\d+\\.\\d{3} load_average=-?\\d+\\.\\d{2}"));
  }

  @Test
  void roundsRepeatTheTimedRunsAlternatelyInReverseOrderEachAfterAHeaderLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new CommandLine(new WindowedCountCommand(print(out), print(err))).execute("--events", "20000",
        "--keys", "100", "--engines", "plain-java,in-process", "--rounds", "3", "--warmup-rounds", "0");

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .extracting(line -> line.replaceAll(" events=.*", ""))
        .containsExactly(
            "# round 1: plain-java,in-process", "RESULT engine=plain-java", "RESULT engine=in-process",
            "# round 2: in-process,plain-java", "RESULT engine=in-process", "RESULT engine=plain-java",
            "# round 3: plain-java,in-process", "RESULT engine=plain-java", "RESULT engine=in-process");
  }

  @Test
  void negativeWarmupRoundsOrZeroRoundsAreErrors() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine command = new CommandLine(new WindowedCountCommand(print(new ByteArrayOutputStream()), print(err)));

    assertThat(command.execute("--events", "100", "--rounds", "0")).isEqualTo(2);
    assertThat(command.execute("--events", "100", "--warmup-rounds", "-1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--warmup-rounds must be 0 or more, --rounds positive");
  }

  @Test
  void reportThreadsPrintsTheThreadKindsThatUsedTheMostCpuPerEngine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new CommandLine(new WindowedCountCommand(print(out), print(err)))
        .execute("--events", "200000", "--keys", "1000", "--engines", "plain-java", "--report-threads", "2");

    assertThat(exit).isZero();
    // plain-java runs on the command's thread: it leads
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .hasSizeBetween(1, 2)
        .allMatch(line -> line.matches("THREAD engine=plain-java cpu_seconds=\\d+\\.\\d{3} thread=.+"))
        .first().asString().endsWith("thread=main");
  }

  @Test
  void unknownEngineIsAnErrorListingTheEngines() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new CommandLine(new WindowedCountCommand(print(new ByteArrayOutputStream()), print(err)))
        .execute("--events", "100", "--engines", "plain-jav");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown engine 'plain-jav'; engines of this build: plain-java, in-process,"
        + " flink-minicluster, flink-datastream");
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
