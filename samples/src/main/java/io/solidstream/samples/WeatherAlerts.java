package io.solidstream.samples;

import io.solidstream.api.config.Config;
import io.solidstream.api.config.ConfigField;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.pipeline.DynamicHandle;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.samples.StationRegistry.FeedTimeoutException;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The weather alerts sample: for every station of the selected regions, fetch its readings from a
 * flaky feed (retried), check them against alert thresholds, and send a digest of the alerts.
 *
 * <pre>
 * list_stations --station[ZRH], station[SMA], ...--&gt; fetch_readings[*] -&gt; evaluate_station[*]
 *                                                           --collect--&gt; summarize_alerts
 * </pre>
 *
 * <p>It shows resources with their own config ({@code station_registry}, {@code notifier}), a
 * bundled YAML run config ({@code weather_alerts.yaml}) with defaults, enums, lists and an {@code
 * {env: WEATHER_ALERTS_CHANNEL, default: "#weather-alerts"}} source, a dynamic fan-out over
 * stations, a retry policy, and success and failure hooks.
 */
public final class WeatherAlerts {

  /** The pipeline's name. */
  public static final String NAME = "weather_alerts";

  /** The bundled run config. */
  public static final String BUNDLED_RUN_CONFIG = "/weather_alerts.yaml";

  /** The environment variable naming the notifier's channel in the bundled run config. */
  public static final String CHANNEL_VARIABLE = "WEATHER_ALERTS_CHANNEL";

  /** The bundled run config's channel when {@link #CHANNEL_VARIABLE} is not set. */
  public static final String DEFAULT_CHANNEL = "#weather-alerts";

  /** A weather station. */
  public record Station(String id, String name, String region, int elevationM) implements Serializable {}

  /** One observation of a station. */
  public record Reading(String stationId, Instant observedAt, double temperatureC, double windKmh,
      double precipitationMm) implements Serializable {}

  /** A station with its readings. */
  public record StationReadings(Station station, List<Reading> readings) implements Serializable {
    public StationReadings {
      Objects.requireNonNull(station, "station");
      readings = List.copyOf(readings);
    }

    /** E.g. {@code 4 readings of Zurich (ZRH)}. */
    @Override
    public String toString() {
      return readings.size() + " readings of " + station.name() + " (" + station.id() + ")";
    }
  }

  /** What an alert is about. */
  public enum AlertKind {
    /** Temperature at or above the heat threshold. */
    HEAT,
    /** Temperature at or below the frost threshold. */
    FROST,
    /** Wind speed at or above the wind threshold. */
    WIND,
    /** Precipitation at or above the rain threshold. */
    RAIN
  }

  /** How bad an alert is; declared from least to most severe. */
  public enum Severity {
    WARNING,
    SEVERE
  }

  /** One reading that crossed a threshold. */
  public record Alert(String stationId, String stationName, Instant observedAt, AlertKind kind, Severity severity,
      double value, double threshold) implements Serializable {

    /** E.g. {@code SEVERE HEAT at Lisbon (LIS) 2024-07-10T12:00:00Z: 35.6 >= 35.0}. */
    public String describe() {
      String op = kind == AlertKind.FROST ? "<=" : ">=";
      return String.format(Locale.ROOT, "%s %s at %s (%s) %s: %.1f %s %.1f", severity, kind, stationName, stationId,
          observedAt, value, op, threshold);
    }
  }

  /** The alerts of one station. */
  public record StationAlerts(String stationId, int readingsChecked, List<Alert> alerts) implements Serializable {
    public StationAlerts {
      alerts = List.copyOf(alerts);
    }

    /** E.g. {@code ZRH: 3 alerts in 4 readings}. */
    @Override
    public String toString() {
      return stationId + ": " + alerts.size() + " alerts in " + readingsChecked + " readings";
    }
  }

  /**
   * The alerts of all stations at or above {@code minSeverity}, most severe first, then by station
   * and time.
   */
  public record AlertDigest(int stationsChecked, int readingsChecked, Severity minSeverity, List<Alert> alerts)
      implements Serializable {
    public AlertDigest {
      alerts = List.copyOf(alerts);
    }

    /** The number of alerts of {@code severity}. */
    public long count(Severity severity) {
      return alerts.stream().filter(a -> a.severity() == severity).count();
    }

    /** E.g. {@code 19 alerts >= WARNING (7 SEVERE) from 7 stations, 28 readings}. */
    @Override
    public String toString() {
      return alerts.size() + " alerts >= " + minSeverity + " (" + count(Severity.SEVERE) + " SEVERE) from "
          + stationsChecked + " stations, " + readingsChecked + " readings";
    }
  }

  // Resources

  /** Stations and the readings feed. */
  public static final ResourceKey<StationRegistry> STATION_REGISTRY =
      ResourceKey.of("station_registry", StationRegistry.class);

  /** Where alerts and hook messages are sent. */
  public static final ResourceKey<Notifier> NOTIFIER = ResourceKey.of("notifier", Notifier.class);

  /** Opens a {@link StationRegistry} from its config. */
  public static final ResourceDefinition<StationRegistry> STATION_REGISTRY_RESOURCE = ResourceDefinition
      .builder(ctx -> {
        Config config = ctx.config();
        return StationRegistry.load(
            config.has("stations_file") ? config.getString("stations_file") : null,
            config.has("readings_file") ? config.getString("readings_file") : null,
            config.getList("flaky_stations", String.class),
            config.getInt("timeouts_per_station"));
      })
      .config(ConfigType.shape()
          .field(ConfigField.optional("stations_file", ConfigType.string())
              .description("stations CSV; the bundled weather/stations.csv when left out"))
          .field(ConfigField.optional("readings_file", ConfigType.string())
              .description("readings CSV; the bundled weather/readings.csv when left out"))
          .field(ConfigField.withDefault("flaky_stations", ConfigType.list(ConfigType.string()), List.of())
              .description("stations whose first requests time out"))
          .field(ConfigField.withDefault("timeouts_per_station", ConfigType.integer(), 1)
              .description("how many requests to each flaky station time out"))
          .build())
      .description("weather stations and a (simulated, optionally flaky) readings feed")
      .build();

  /** Opens a {@link Notifier} from its config. */
  public static final ResourceDefinition<Notifier> NOTIFIER_RESOURCE = ResourceDefinition
      .builder(ctx -> new Notifier(ctx.config().getString("channel"), ctx.config().getBoolean("echo")))
      .config(ConfigType.shape()
          .field(ConfigField.required("channel", ConfigType.string()).description("chat channel, e.g. #alerts"))
          .field(ConfigField.withDefault("echo", ConfigType.bool(), true)
              .description("also print messages to standard output"))
          .build())
      .description("posts messages to a chat channel")
      .build();

  // Inputs and outputs

  public static final OutputDef<Station> STATION = OutputDef.dynamic("station", Station.class);
  public static final InputDef<Station> FETCH_STATION = InputDef.of("station", Station.class);
  public static final OutputDef<StationReadings> READINGS = OutputDef.of("readings", StationReadings.class);
  public static final InputDef<StationReadings> EVALUATE_READINGS = InputDef.of("readings", StationReadings.class);
  public static final OutputDef<StationAlerts> STATION_ALERTS = OutputDef.of("alerts", StationAlerts.class);
  public static final InputDef<List<StationAlerts>> ALL_ALERTS = InputDef.list("stations", StationAlerts.class);
  public static final OutputDef<AlertDigest> DIGEST = OutputDef.of("digest", AlertDigest.class);

  // Solids

  /** Emits one dynamic {@code station} output per station of the configured regions. */
  public static final SolidDefinition LIST_STATIONS = SolidDefinition.builder("list_stations")
      .description("emits every station of the configured regions, keyed by station id")
      .requires(STATION_REGISTRY)
      .config(ConfigType.shape()
          .field(ConfigField.withDefault("regions", ConfigType.list(ConfigType.string()), List.of())
              .description("regions to check; all when empty"))
          .build())
      .output(STATION)
      .compute((ctx, in) -> {
        StationRegistry registry = ctx.resource(STATION_REGISTRY);
        Set<String> regions = new LinkedHashSet<>(ctx.config().getList("regions", String.class));
        Set<String> unknown = new LinkedHashSet<>(regions);
        unknown.removeAll(registry.regions());
        if (!unknown.isEmpty()) {
          throw new IllegalArgumentException("unknown regions " + unknown + "; known: " + registry.regions());
        }
        for (Station station : registry.stations()) {
          if (regions.isEmpty() || regions.contains(station.region())) {
            ctx.emit(STATION, station.id(), station);
          }
        }
      })
      .build();

  /** Fetches a station's readings; the feed may time out, so it is retried. */
  public static final SolidDefinition FETCH_READINGS = SolidDefinition.builder("fetch_readings")
      .description("fetches the readings of one station from the feed")
      .requires(STATION_REGISTRY)
      .input(FETCH_STATION)
      .retryPolicy(RetryPolicy.maxAttempts(3)
          .withDelay(Duration.ofMillis(20))
          .withBackoff(RetryPolicy.Backoff.EXPONENTIAL)
          .retryOn(FeedTimeoutException.class))
      .returning(READINGS, (ctx, in) -> {
        StationReadings readings = ctx.resource(STATION_REGISTRY).fetchReadings(in.get(FETCH_STATION).id());
        ctx.log().info("fetched {} readings on attempt {}", readings.readings().size(), ctx.attempt());
        return readings;
      })
      .build();

  /** Checks a station's readings against the thresholds. */
  public static final SolidDefinition EVALUATE_STATION = SolidDefinition.builder("evaluate_station")
      .description("raises an alert for every reading that crosses a warning or severe threshold")
      .input(EVALUATE_READINGS)
      .config(ConfigType.shape()
          .field(ConfigField.required("heat_c", levels(30.0, 35.0)).description("temperature at or above"))
          .field(ConfigField.required("frost_c", levels(-10.0, -20.0)).description("temperature at or below"))
          .field(ConfigField.required("wind_kmh", levels(60.0, 90.0)).description("wind speed at or above"))
          .field(ConfigField.required("rain_mm", levels(20.0, 40.0)).description("precipitation at or above"))
          .build())
      .returning(STATION_ALERTS, (ctx, in) -> evaluate(in.get(EVALUATE_READINGS), Thresholds.from(ctx.config())))
      .build();

  /** Gathers the alerts of all stations and sends a digest. */
  public static final SolidDefinition SUMMARIZE_ALERTS = SolidDefinition.builder("summarize_alerts")
      .description("keeps alerts at or above min_severity and sends them to the notifier")
      .requires(NOTIFIER)
      .input(ALL_ALERTS)
      .config(ConfigType.shape()
          .field(ConfigField.withDefault("min_severity", ConfigType.enumOf(Severity.class), "WARNING"))
          .build())
      .returning(DIGEST, (ctx, in) -> {
        Severity min = ctx.config().getEnum("min_severity", Severity.class);
        AlertDigest digest = digest(in.get(ALL_ALERTS), min);
        Notifier notifier = ctx.resource(NOTIFIER);
        notifier.send(digest.alerts().size() + " weather alerts (" + digest.count(Severity.SEVERE) + " severe) from "
            + digest.stationsChecked() + " stations");
        for (Alert alert : digest.alerts()) {
          notifier.send(alert.describe());
        }
        ctx.log().info("sent {} alerts to {}", digest.alerts().size(), notifier.channel());
        return digest;
      })
      .build();

  // Hooks

  /** After the digest was sent. */
  public static final HookDefinition DIGEST_SENT = HookDefinition
      .onSuccess("digest_sent", ctx -> ctx.resource(NOTIFIER).send("digest of run " + ctx.runId() + " sent"))
      .requiring(NOTIFIER);

  /** After any step failed for good. */
  public static final HookDefinition STEP_FAILED = HookDefinition
      .onFailure("step_failed", ctx -> ctx.resource(NOTIFIER).send("step " + ctx.stepKey() + " of run "
          + ctx.runId() + " failed: " + ctx.failure().map(WeatherAlerts::rootMessage).orElse("unknown error")))
      .requiring(NOTIFIER);

  private WeatherAlerts() {}

  /** The pipeline. */
  public static PipelineDefinition pipeline() {
    PipelineBuilder p = PipelineDefinition.builder(NAME)
        .description("station readings -> threshold alerts -> digest to a chat channel")
        .resource(STATION_REGISTRY, STATION_REGISTRY_RESOURCE)
        .resource(NOTIFIER, NOTIFIER_RESOURCE)
        .hook(STEP_FAILED);
    DynamicHandle<Station> stations = p.add(LIST_STATIONS).dynamicOutput(STATION);
    DynamicHandle<StationReadings> readings = stations.map(p.add(FETCH_READINGS), FETCH_STATION, READINGS);
    DynamicHandle<StationAlerts> alerts = readings.map(p.add(EVALUATE_STATION), EVALUATE_READINGS, STATION_ALERTS);
    SolidNode summarize = p.add(SUMMARIZE_ALERTS).wire(ALL_ALERTS, alerts.collect());
    summarize.hook(DIGEST_SENT);
    return p.build();
  }

  /** The bundled run config, {@code weather_alerts.yaml}. */
  public static RunConfig defaultRunConfig() {
    try {
      return RunConfig.fromYaml(Resources.text(BUNDLED_RUN_CONFIG));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled " + BUNDLED_RUN_CONFIG, e);
    }
  }

  /** Alert thresholds: a warning and a severe level per kind. */
  public record Thresholds(Level heat, Level frost, Level wind, Level rain) implements Serializable {
    /** Reads {@code heat_c}, {@code frost_c}, {@code wind_kmh} and {@code rain_mm}. */
    public static Thresholds from(Config config) {
      return new Thresholds(Level.from(config.getConfig("heat_c")), Level.from(config.getConfig("frost_c")),
          Level.from(config.getConfig("wind_kmh")), Level.from(config.getConfig("rain_mm")));
    }
  }

  /** The warning and severe level of one threshold. */
  public record Level(double warning, double severe) implements Serializable {
    static Level from(Config config) {
      return new Level(config.getDouble("warning"), config.getDouble("severe"));
    }
  }

  /** The alerts of one station's readings, in reading order then kind order. */
  public static StationAlerts evaluate(StationReadings readings, Thresholds thresholds) {
    Station station = readings.station();
    List<Alert> alerts = new ArrayList<>();
    for (Reading r : readings.readings()) {
      above(station, r, AlertKind.HEAT, r.temperatureC(), thresholds.heat()).ifPresent(alerts::add);
      below(station, r, AlertKind.FROST, r.temperatureC(), thresholds.frost()).ifPresent(alerts::add);
      above(station, r, AlertKind.WIND, r.windKmh(), thresholds.wind()).ifPresent(alerts::add);
      above(station, r, AlertKind.RAIN, r.precipitationMm(), thresholds.rain()).ifPresent(alerts::add);
    }
    return new StationAlerts(station.id(), readings.readings().size(), alerts);
  }

  /** The digest of all stations' alerts at or above {@code min}. */
  public static AlertDigest digest(List<StationAlerts> stations, Severity min) {
    List<Alert> kept = new ArrayList<>();
    int readings = 0;
    for (StationAlerts station : stations) {
      readings += station.readingsChecked();
      station.alerts().stream().filter(a -> a.severity().compareTo(min) >= 0).forEach(kept::add);
    }
    kept.sort(Comparator.comparing(Alert::severity).reversed()
        .thenComparing(Alert::stationId)
        .thenComparing(Alert::observedAt)
        .thenComparing(Alert::kind));
    return new AlertDigest(stations.size(), readings, min, kept);
  }

  private static Optional<Alert> above(Station s, Reading r, AlertKind kind, double value, Level level) {
    if (value >= level.severe()) {
      return Optional.of(alert(s, r, kind, Severity.SEVERE, value, level.severe()));
    }
    if (value >= level.warning()) {
      return Optional.of(alert(s, r, kind, Severity.WARNING, value, level.warning()));
    }
    return Optional.empty();
  }

  private static Optional<Alert> below(Station s, Reading r, AlertKind kind, double value, Level level) {
    if (value <= level.severe()) {
      return Optional.of(alert(s, r, kind, Severity.SEVERE, value, level.severe()));
    }
    if (value <= level.warning()) {
      return Optional.of(alert(s, r, kind, Severity.WARNING, value, level.warning()));
    }
    return Optional.empty();
  }

  private static Alert alert(Station s, Reading r, AlertKind kind, Severity severity, double value, double threshold) {
    return new Alert(s.id(), s.name(), r.observedAt(), kind, severity, value, threshold);
  }

  private static ConfigType levels(double warning, double severe) {
    return ConfigType.shape()
        .field("warning", ConfigType.doubleType(), warning)
        .field("severe", ConfigType.doubleType(), severe)
        .build();
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
