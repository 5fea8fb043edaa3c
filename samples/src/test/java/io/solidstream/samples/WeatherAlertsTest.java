package io.solidstream.samples;

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
import java.util.LinkedHashMap;
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
   * notifier resource. The run config must then not configure the notifier: the runtime rejects
   * config for a replaced resource as an unknown field, so its section is dropped.
   */
  private RunRequest.Builder request(RunConfig overrides) {
    return RunRequest.builder()
        .runConfig(withoutResource(WeatherAlerts.defaultRunConfig().merge(overrides), "notifier"))
        .environment(WeatherAlerts.environment(EnvironmentLookup.of(Map.of())))
        .resource(WeatherAlerts.NOTIFIER, notifier);
  }

  @ParameterizedTest(name = "maxConcurrent={0}")
  @ValueSource(ints = {1, 4})
  void alertsMatchAPlainJavaComputationOverTheBundledData(int threads) throws IOException {
    RunResult result = LocalRuntime.builder().maxConcurrent(threads).build()
        .execute(WeatherAlerts.pipeline(), request(RunConfig.empty()).build());

    assertThat(result.success()).as(RunSummary.format(result)).isTrue();
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

    assertThat(result.success()).isFalse();
    assertThat(result.step("fetch_readings[JFJ]")).get()
        .extracting(StepStats::status, StepStats::attempts).containsExactly(StepStatus.FAILURE, 3);
    assertThat(result.step("summarize_alerts").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(notifier.messages()).containsExactly("step fetch_readings[JFJ] of run " + result.runId()
        + " failed: FeedTimeoutException: feed timed out for station JFJ (request 3)");
    assertThat(seen).extracting(RunEvent::type).containsExactlyElementsOf(
        result.events().stream().map(RunEvent::type).toList());
  }

  @ParameterizedTest(name = "WEATHER_ALERTS_CHANNEL={0}")
  @ValueSource(strings = {"", "#ops"})
  void channelComesFromTheEnvironmentWithAFallback(String variable) {
    EnvironmentLookup env = EnvironmentLookup.of(
        variable.isEmpty() ? Map.of() : Map.of(WeatherAlerts.CHANNEL_VARIABLE, variable));
    RunRequest request = RunRequest.builder()
        .runConfig(WeatherAlerts.defaultRunConfig()
            .merge(RunConfig.builder().resourceConfig("notifier", Map.of("echo", false)).build()))
        .environment(WeatherAlerts.environment(env))
        .build();

    RunResult result = LocalRuntime.create().execute(WeatherAlerts.pipeline(), request);

    assertThat(result.success()).as(RunSummary.format(result)).isTrue();
    String channel = variable.isEmpty() ? WeatherAlerts.DEFAULT_CHANNEL : variable;
    assertThat(result.eventsOf(RunEvent.LogMessage.class)).extracting(RunEvent.LogMessage::text)
        .anyMatch(text -> text.endsWith(" alerts to " + channel));
  }

  @Test
  void withoutTheFallbackAnUnsetVariableIsAConfigError() {
    RunRequest request = RunRequest.builder()
        .runConfig(WeatherAlerts.defaultRunConfig())
        .environment(EnvironmentLookup.of(Map.of()))
        .build();

    assertThatThrownBy(() -> LocalRuntime.create().execute(WeatherAlerts.pipeline(), request))
        .isInstanceOf(RunConfigException.class)
        .hasMessageContaining("resources.notifier.config.channel: environment variable 'WEATHER_ALERTS_CHANNEL' is not set");
  }

  @Test
  void unknownRegionFailsListStations() {
    RunConfig config = RunConfig.builder().solidConfig("list_stations", Map.of("regions", List.of("alps", "moon"))).build();

    RunResult result = LocalRuntime.create().execute(WeatherAlerts.pipeline(), request(config).build());

    assertThat(result.success()).isFalse();
    assertThat(result.eventsOf(RunEvent.StepFailed.class).get(0).error().toString()).contains("unknown regions [moon]");
  }

  @SuppressWarnings("unchecked")
  private static RunConfig withoutResource(RunConfig config, String resource) {
    Map<String, Object> root = new LinkedHashMap<>(config.asMap());
    Map<String, Object> resources = new LinkedHashMap<>((Map<String, Object>) root.get(RunConfig.RESOURCES));
    resources.remove(resource);
    root.put(RunConfig.RESOURCES, resources);
    return RunConfig.of(root);
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
