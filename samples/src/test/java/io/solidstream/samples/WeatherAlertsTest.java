package io.solidstream.samples;

import static io.solidstream.testkit.SolidstreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.EnvironmentLookup;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.config.RunConfigException;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import io.solidstream.runtime.local.LocalRuntime;
import io.solidstream.samples.WeatherAlerts.AlertDigest;
import io.solidstream.samples.WeatherAlerts.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeatherAlertsTest {
  private static final Set<String> REGIONS = Set.of("alps", "nordic", "coast");

  private final Notifier notifier = new Notifier("#test", false);

  /**
   * The bundled run config merged with {@code overrides}, with {@link #notifier} replacing the
   * notifier resource; the bundled {@code resources.notifier} section is accepted and ignored.
   */
  private RunRequest.Builder request(RunConfig overrides) {
    return RunRequest.builder()
        .runConfig(WeatherAlerts.defaultRunConfig().merge(overrides))
        .resource(WeatherAlerts.NOTIFIER, notifier);
  }

  @ParameterizedTest(name = "maxConcurrent={0}")
  @ValueSource(ints = {1, 4})
  void alertsMatchAPlainJavaComputationOverTheBundledData(int threads) throws IOException {
    RunResult result = LocalRuntime.builder().maxConcurrent(threads).build()
        .execute(WeatherAlerts.pipeline(), request(RunConfig.empty()).build());

    assertThat(result).succeeded();
    AlertDigest digest = result.output("summarize_alerts", WeatherAlerts.DIGEST);
    List<String> expected = expectedAlerts("WARNING");
    assertThat(digest.alerts())
        .extracting(a -> a.stationId() + " " + a.observedAt() + " " + a.kind() + " " + a.severity())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(digest.stationsChecked()).isEqualTo(7);
    assertThat(digest.readingsChecked()).isEqualTo(28);
    assertThat(digest.alerts().get(0).severity()).isEqualTo(Severity.SEVERE);
    assertThat(result.dynamicOutput("list_stations", WeatherAlerts.STATION))
        .containsOnlyKeys("ZRH", "SMA", "JFJ", "OSL", "TRD", "BRE", "LIS");
    assertThat(result.mappedOutput("evaluate_station", WeatherAlerts.STATION_ALERTS).get("OSL").alerts()).isEmpty();
  }

  @Test
  void minSeverityFiltersTheDigest() throws IOException {
    RunConfig severeOnly = RunConfig.builder().solidConfig("summarize_alerts", Map.of("min_severity", "SEVERE")).build();

    RunResult result = LocalRuntime.create().execute(WeatherAlerts.pipeline(), request(severeOnly).build());

    AlertDigest digest = result.output("summarize_alerts", WeatherAlerts.DIGEST);
    assertThat(digest.alerts()).hasSize(expectedAlerts("SEVERE").size()).allMatch(a -> a.severity() == Severity.SEVERE);
  }

  @Test
  void flakyStationsAreRetriedOnce() {
    RunResult result = LocalRuntime.create().execute(WeatherAlerts.pipeline(), request(RunConfig.empty()).build());

    assertThat(result.steps()).filteredOn(s -> s.stepKey().startsWith("fetch_readings["))
        .hasSize(7)
        .allMatch(s -> s.status() == StepStatus.SUCCESS)
        .allMatch(s -> s.attempts() == (Set.of("SMA", "BRE").contains(mappingKey(s)) ? 2 : 1));
    assertThat(result.eventsOf(RunEvent.StepUpForRetry.class))
        .extracting(RunEvent::stepKey)
        .containsExactlyInAnyOrder("fetch_readings[SMA]", "fetch_readings[BRE]");
  }

  @Test
  void sendsTheDigestAndTheSuccessHookMessage() throws IOException {
    RunResult result = LocalRuntime.create().execute(WeatherAlerts.pipeline(), request(RunConfig.empty()).build());

    List<String> messages = notifier.messages();
    int alerts = expectedAlerts("WARNING").size();
    assertThat(messages).hasSize(alerts + 2);
    assertThat(messages.get(0)).startsWith(alerts + " weather alerts (");
    assertThat(messages.get(messages.size() - 1)).isEqualTo("digest of run " + result.runId() + " sent");
    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).extracting(RunEvent.HookCompleted::hookName)
        .containsExactly("digest_sent");
  }

  @Test
  void stationThatKeepsTimingOutFailsTheRunAndTriggersTheFailureHook() {
    RunConfig alwaysTimingOut = RunConfig.builder()
        .resourceConfig("station_registry", Map.of("flaky_stations", List.of("JFJ"), "timeouts_per_station", 5))
        .build();
    List<RunEvent> seen = new CopyOnWriteArrayList<>();

    RunResult result = LocalRuntime.create().execute(WeatherAlerts.pipeline(),
        request(alwaysTimingOut).listener(seen::add).build());

    assertThat(result).failed().stepFailed("fetch_readings[JFJ]").stepWasSkipped("summarize_alerts");
    assertThat(result.step("fetch_readings[JFJ]").orElseThrow().attempts()).isEqualTo(3);
    assertThat(notifier.messages()).containsExactly("step fetch_readings[JFJ] of run " + result.runId()
        + " failed: FeedTimeoutException: feed timed out for station JFJ (request 3)");
    assertThat(seen).extracting(RunEvent::type).containsExactlyElementsOf(
        result.events().stream().map(RunEvent::type).toList());
  }

  @Test
  void channelComesFromTheEnvironmentVariableWhenItIsSet() {
    RunResult result = runWithTheRealNotifier(WeatherAlerts.defaultRunConfig(),
        EnvironmentLookup.of(Map.of(WeatherAlerts.CHANNEL_VARIABLE, "#ops")));

    assertThat(result).succeeded();
    assertThat(sentTo(result)).isEqualTo("#ops");
  }

  @Test
  void channelIsTheBundledDefaultWhenTheVariableIsUnset() {
    RunResult result = runWithTheRealNotifier(WeatherAlerts.defaultRunConfig(), EnvironmentLookup.of(Map.of()));

    assertThat(result).succeeded();
    assertThat(sentTo(result)).isEqualTo(WeatherAlerts.DEFAULT_CHANNEL);
  }

  @Test
  void withoutADefaultAnUnsetVariableIsAConfigErrorSayingHowToFixIt() throws IOException {
    String bundled = Resources.text(WeatherAlerts.BUNDLED_RUN_CONFIG);
    String withDefault = "{env: WEATHER_ALERTS_CHANNEL, default: \"#weather-alerts\"}";
    assertThat(bundled).contains(withDefault);
    RunConfig withoutDefault = RunConfig.fromYaml(bundled.replace(withDefault, "{env: WEATHER_ALERTS_CHANNEL}"));

    assertThatThrownBy(() -> runWithTheRealNotifier(withoutDefault, EnvironmentLookup.of(Map.of())))
        .isInstanceOf(RunConfigException.class)
        .hasMessageContaining("resources.notifier.config.channel: environment variable 'WEATHER_ALERTS_CHANNEL' is "
            + "not set; set it, or give a fallback: {env: WEATHER_ALERTS_CHANNEL, default: ...}");
  }

  @Test
  void unknownRegionFailsListStations() {
    RunConfig config = RunConfig.builder().solidConfig("list_stations", Map.of("regions", List.of("alps", "moon"))).build();

    RunResult result = LocalRuntime.create().execute(WeatherAlerts.pipeline(), request(config).build());

    assertThat(result).failed().stepFailed("list_stations");
    assertThat(result.eventsOf(RunEvent.StepFailed.class).get(0).error().toString()).contains("unknown regions [moon]");
  }

  /** Runs with {@code config} and the notifier opened from it (not printing), reading {@code env}. */
  private static RunResult runWithTheRealNotifier(RunConfig config, EnvironmentLookup env) {
    RunRequest request = RunRequest.builder()
        .runConfig(config.merge(RunConfig.builder().resourceConfig("notifier", Map.of("echo", false)).build()))
        .environment(env)
        .build();
    return LocalRuntime.create().execute(WeatherAlerts.pipeline(), request);
  }

  /** The channel summarize_alerts logged that it sent the digest to. */
  private static String sentTo(RunResult result) {
    List<String> sent = result.eventsOf(RunEvent.LogMessage.class).stream().map(RunEvent.LogMessage::text)
        .filter(text -> text.startsWith("sent ") && text.contains(" alerts to ")).toList();
    assertThat(sent).hasSize(1);
    return sent.get(0).substring(sent.get(0).indexOf(" alerts to ") + " alerts to ".length());
  }

  private static String mappingKey(StepStats step) {
    return step.stepKey().substring(step.stepKey().indexOf('[') + 1, step.stepKey().length() - 1);
  }

  /**
   * "STATION TIME KIND SEVERITY" of every alert at or above {@code minSeverity}, computed from the
   * bundled CSVs with the thresholds of the bundled weather_alerts.yaml (and the schema defaults).
   */
  private static List<String> expectedAlerts(String minSeverity) throws IOException {
    Map<String, String> regionOf = csv("/weather/stations.csv").stream()
        .collect(Collectors.toMap(f -> f[0], f -> f[2]));
    List<String> alerts = new ArrayList<>();
    for (String[] f : csv("/weather/readings.csv")) {
      if (!REGIONS.contains(regionOf.get(f[0]))) {
        continue;
      }
      double temp = Double.parseDouble(f[2]);
      double wind = Double.parseDouble(f[3]);
      double rain = Double.parseDouble(f[4]);
      String prefix = f[0] + " " + f[1] + " ";
      level(temp >= 35, temp >= 30).ifPresent(s -> alerts.add(prefix + "HEAT " + s));
      level(temp <= -20, temp <= -10).ifPresent(s -> alerts.add(prefix + "FROST " + s));
      level(wind >= 90, wind >= 60).ifPresent(s -> alerts.add(prefix + "WIND " + s));
      level(rain >= 40, rain >= 20).ifPresent(s -> alerts.add(prefix + "RAIN " + s));
    }
    return minSeverity.equals("SEVERE") ? alerts.stream().filter(a -> a.endsWith("SEVERE")).toList() : alerts;
  }

  private static java.util.Optional<String> level(boolean severe, boolean warning) {
    return severe ? java.util.Optional.of("SEVERE") : warning ? java.util.Optional.of("WARNING") : java.util.Optional.empty();
  }

  private static List<String[]> csv(String resource) throws IOException {
    try (InputStream in = WeatherAlertsTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
          .map(line -> line.split(",")).toList();
    }
  }
}
