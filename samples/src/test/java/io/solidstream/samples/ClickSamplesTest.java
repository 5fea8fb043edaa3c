package io.solidstream.samples;

import static io.solidstream.testkit.SolidstreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.runtime.local.LocalRuntime;
import io.solidstream.samples.ClickCounts.UserMinute;
import io.solidstream.samples.ClickSessions.Session;
import io.solidstream.testkit.StreamTestResult;
import io.solidstream.testkit.StreamTester;
import io.solidstream.testkit.TestOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The click samples' results equal plain {@code java.util.stream} computations over the same
 * bundled clicks.
 */
class ClickSamplesTest {
  static List<Click> clicks;

  @TempDir Path tmp;

  @BeforeAll
  static void readBundledClicks() throws IOException {
    clicks = Click.bundled();
  }

  /**
   * The clicks that arrive more than an hour behind the newest click before them: in the bundled
   * data, exactly the ones the watermark (10 s behind) has long passed. All others are at most
   * 8 s out of order.
   */
  static List<Click> arrivingLate(List<Click> inArrivalOrder) {
    List<Click> late = new ArrayList<>();
    long newest = Long.MIN_VALUE;
    for (Click click : inArrivalOrder) {
      if (newest != Long.MIN_VALUE && click.timestamp() < newest - Duration.ofHours(1).toMillis()) {
        late.add(click);
      }
      newest = Math.max(newest, click.timestamp());
    }
    return late;
  }

  /** Sessions by hand: per user, ordered by time, a click at most a gap after the previous one continues the session. */
  static List<Session> sessionsByGap(List<Click> input, Duration gap) {
    Map<String, List<Click>> byUser = input.stream()
        .sorted(Comparator.comparingLong(Click::timestamp))
        .collect(Collectors.groupingBy(Click::user, TreeMap::new, Collectors.toList()));
    List<Session> sessions = new ArrayList<>();
    byUser.forEach((user, userClicks) -> {
      List<Click> current = new ArrayList<>();
      for (Click click : userClicks) {
        if (!current.isEmpty() && click.timestamp() - current.get(current.size() - 1).timestamp() > gap.toMillis()) {
          sessions.add(summarize(user, current));
          current = new ArrayList<>();
        }
        current.add(click);
      }
      sessions.add(summarize(user, current));
    });
    return sessions;
  }

  static Session summarize(String user, List<Click> session) {
    Set<String> pages = session.stream().map(Click::url).collect(Collectors.toCollection(HashSet::new));
    return new Session(user, session.get(0).timestamp(), session.get(session.size() - 1).timestamp(),
        session.size(), pages.size());
  }

  @Test
  void theBundledDataHas300ClicksOf8UsersSixOfThemTwoHoursLate() {
    assertThat(clicks).hasSize(300);
    assertThat(clicks.stream().map(Click::user).distinct()).hasSize(8);
    assertThat(arrivingLate(clicks)).hasSize(6).allSatisfy(c -> assertThat(c.user()).isEqualTo("gus"));
  }

  @Test
  void clickCountsCountsTheOnTimeClicksPerUserAndMinuteAndSendsTheLateOnesToTheSideOutput() throws IOException {
    // Given the bundled CSV, read by the sample's own transformation
    StreamTester tester = StreamTester.create(ClickCounts.NAME);
    DataStream<UserMinute> counts = ClickCounts.countPerUserMinute(
        tester.source(Sources.csv(Click.bundledCsvFile(), Click::fromCsv), Click.watermarks()));
    TestOutput<UserMinute> countsOut = tester.capture(counts);
    TestOutput<Click> lateOut = tester.capture(counts.sideOutput(ClickCounts.LATE));

    // When it runs
    StreamTestResult result = tester.run();

    // Then the counts are those of a plain group-by over the on-time clicks
    List<Click> late = arrivingLate(clicks);
    List<Click> onTime = new ArrayList<>(clicks);
    onTime.removeAll(late);
    List<UserMinute> expected = onTime.stream()
        .collect(Collectors.groupingBy(c -> c.user() + "@" + (c.timestamp() - c.timestamp() % 60_000), Collectors.counting()))
        .entrySet().stream()
        .map(e -> new UserMinute(e.getKey().split("@")[0], Long.parseLong(e.getKey().split("@")[1]), e.getValue()))
        .toList();
    assertThat(result.records(countsOut)).containsExactlyInAnyOrderElementsOf(expected);
    // and the late clicks are on the side output, in arrival order, none dropped
    assertThat(result.records(lateOut)).containsExactlyElementsOf(late);
    assertThat(result).operator("count_per_minute").receivedRecords(300).emittedRecords(expected.size())
        .droppedLateRecords(0);
  }

  @Test
  void clickCountsGivesTheSameCountsWithParallelismFour() throws IOException {
    StreamResult one = ClickCounts.run(Click.bundledCsvFile());
    StreamTester tester = StreamTester.create(ClickCounts.NAME).parallelism(4);
    TestOutput<UserMinute> counts = tester.capture(ClickCounts.countPerUserMinute(
        tester.source(Sources.csv(Click.bundledCsvFile(), Click::fromCsv), Click.watermarks())));

    assertThat(tester.run().records(counts)).containsExactlyInAnyOrderElementsOf(one.collected(ClickCounts.COUNTS));
  }

  @Test
  void clickSessionsEqualsSessionsComputedByGapOverTheOnTimeClicks() throws IOException {
    StreamResult result = ClickSessions.run(Click.bundledCsvFile());

    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    List<Click> late = arrivingLate(clicks);
    List<Click> onTime = new ArrayList<>(clicks);
    onTime.removeAll(late);
    List<Session> expected = sessionsByGap(onTime, ClickSessions.GAP);
    assertThat(expected).hasSize(22);
    assertThat(result.collected(ClickSessions.SESSIONS)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(result.collected(ClickSessions.LATE_CLICKS)).containsExactlyElementsOf(late);
  }

  @Test
  void clickReportSessionizesEveryClickInsideThePipelineAndWritesTheReport() throws IOException {
    RunRequest request = RunRequest.of(RunConfig.fromYaml(
        "solids: {write_report: {config: {output_dir: '" + tmp + "'}}}"));

    RunResult result = LocalRuntime.create().execute(ClickReport.pipeline(), request);

    // the batch is ordered by event time, so no click is late: gus's offline session is there too
    List<Session> expected = sessionsByGap(clicks, ClickSessions.GAP);
    assertThat(expected).hasSize(23);
    assertThat(result)
        .succeeded()
        .hasMaterialization(ClickReport.REPORT_ASSET)
        .output("sessionize", ClickReport.SESSIONS)
        .satisfies(sessions -> assertThat(sessions).containsExactlyInAnyOrderElementsOf(expected));
    Path report = tmp.resolve("click_sessions.md");
    assertThat(report).isRegularFile();
    assertThat(Files.readString(report))
        .startsWith("# Click sessions\n")
        .contains("| gus | 3 | 40 |")
        .contains("| gus | 09:04:13 | 09:08:19 | 6 | 6 |");
  }
}
