package io.solidstream.samples;

import io.solidstream.samples.WeatherAlerts.Reading;
import io.solidstream.samples.WeatherAlerts.Station;
import io.solidstream.samples.WeatherAlerts.StationReadings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The weather stations and their readings, as served by a (simulated) remote feed: the resource
 * {@code station_registry} of the weather alerts sample.
 *
 * <p>Stations and readings come from two CSV files ({@code station_id,name,region,elevation_m} and
 * {@code station_id,observed_at,temperature_c,wind_kmh,precipitation_mm}; comma-separated, no
 * quoting). To show retries, the feed can be made flaky: the first {@code timeoutsPerStation}
 * requests for each station in {@code flakyStations} throw {@link FeedTimeoutException}.
 *
 * <p>Thread-safe. Not serializable, and need not be: the runtime opens one per run from the
 * serializable resource definition.
 */
public final class StationRegistry {
  /** The bundled stations file. */
  public static final String BUNDLED_STATIONS = "/weather/stations.csv";
  /** The bundled readings file. */
  public static final String BUNDLED_READINGS = "/weather/readings.csv";

  static final String STATIONS_HEADER = "station_id,name,region,elevation_m";
  static final String READINGS_HEADER = "station_id,observed_at,temperature_c,wind_kmh,precipitation_mm";

  /** The feed did not answer in time; retrying may help. */
  public static final class FeedTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    public FeedTimeoutException(String message) {
      super(message);
    }
  }

  private final Map<String, Station> stations;
  private final Map<String, List<Reading>> readings;
  private final Set<String> flakyStations;
  private final int timeoutsPerStation;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  /** A registry over parsed stations and readings. */
  public StationRegistry(
      List<Station> stations, List<Reading> readings, Collection<String> flakyStations, int timeoutsPerStation) {
    if (timeoutsPerStation < 0) {
      throw new IllegalArgumentException("timeouts_per_station must not be negative, was " + timeoutsPerStation);
    }
    Map<String, Station> byId = new LinkedHashMap<>();
    for (Station station : stations) {
      if (byId.put(station.id(), station) != null) {
        throw new IllegalArgumentException("station " + station.id() + " is listed twice");
      }
    }
    Map<String, List<Reading>> byStation = new LinkedHashMap<>();
    for (Reading reading : readings) {
      if (!byId.containsKey(reading.stationId())) {
        throw new IllegalArgumentException("reading " + reading + " is for unknown station " + reading.stationId());
      }
      byStation.computeIfAbsent(reading.stationId(), id -> new ArrayList<>()).add(reading);
    }
    for (String id : flakyStations) {
      if (!byId.containsKey(id)) {
        throw new IllegalArgumentException("flaky station " + id + " is not a known station; known: " + byId.keySet());
      }
    }
    this.stations = byId;
    this.readings = byStation;
    this.flakyStations = Set.copyOf(flakyStations);
    this.timeoutsPerStation = timeoutsPerStation;
  }

  /**
   * Loads stations and readings from files, or from the bundled files where a path is {@code null}.
   */
  public static StationRegistry load(
      String stationsFile, String readingsFile, Collection<String> flakyStations, int timeoutsPerStation)
      throws IOException {
    List<String> stationLines = stationsFile == null ? Resources.lines(BUNDLED_STATIONS) : read(stationsFile);
    List<String> readingLines = readingsFile == null ? Resources.lines(BUNDLED_READINGS) : read(readingsFile);
    return new StationRegistry(
        parseStations(stationLines), parseReadings(readingLines), flakyStations, timeoutsPerStation);
  }

  /** Every station, in file order. */
  public List<Station> stations() {
    return List.copyOf(stations.values());
  }

  /** The regions that have stations, sorted. */
  public Set<String> regions() {
    Set<String> regions = new TreeSet<>();
    stations.values().forEach(s -> regions.add(s.region()));
    return regions;
  }

  /**
   * The readings of one station, as the feed returns them.
   *
   * @throws FeedTimeoutException for the first requests of a flaky station
   * @throws IllegalArgumentException for an unknown station
   */
  public StationReadings fetchReadings(String stationId) throws FeedTimeoutException {
    Station station = stations.get(stationId);
    if (station == null) {
      throw new IllegalArgumentException("unknown station " + stationId + "; known: " + stations.keySet());
    }
    int request = requests.computeIfAbsent(stationId, id -> new AtomicInteger()).incrementAndGet();
    if (flakyStations.contains(stationId) && request <= timeoutsPerStation) {
      throw new FeedTimeoutException("feed timed out for station " + stationId + " (request " + request + ")");
    }
    return new StationReadings(station, readings.getOrDefault(stationId, List.of()));
  }

  /** Parses the stations CSV (header first). */
  public static List<Station> parseStations(List<String> lines) {
    List<Station> stations = new ArrayList<>();
    for (String[] f : rows(lines, STATIONS_HEADER)) {
      stations.add(new Station(f[0], f[1], f[2], Integer.parseInt(f[3])));
    }
    return List.copyOf(stations);
  }

  /** Parses the readings CSV (header first). */
  public static List<Reading> parseReadings(List<String> lines) {
    List<Reading> readings = new ArrayList<>();
    for (String[] f : rows(lines, READINGS_HEADER)) {
      readings.add(new Reading(f[0], Instant.parse(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
          Double.parseDouble(f[4])));
    }
    return List.copyOf(readings);
  }

  private static List<String> read(String file) throws IOException {
    return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
  }

  private static List<String[]> rows(List<String> lines, String header) {
    if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
      throw new IllegalArgumentException("expected the header '" + header + "', found '"
          + (lines.isEmpty() ? "" : lines.get(0)) + "'");
    }
    int columns = header.split(",").length;
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] fields = lines.get(i).split(",", -1);
      if (fields.length != columns) {
        throw new IllegalArgumentException("line " + (i + 1) + ": expected " + columns + " fields (" + header
            + "), found " + fields.length + ": " + lines.get(i));
      }
      for (int c = 0; c < fields.length; c++) {
        fields[c] = fields[c].strip();
      }
      rows.add(fields);
    }
    return rows;
  }
}
