package io.solidstream.samples;

import io.solidstream.api.stream.time.WatermarkStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A click of a user on a page of a web shop, at an event time: the record of the click samples
 * ({@link ClickCounts}, {@link ClickSessions}, {@link ClickReport}).
 *
 * <p>The bundled {@code clicks.csv} (header {@code user,url,timestamp}, timestamps in ms since the
 * epoch) holds 300 clicks of 8 users over about three hours on 2024-03-05 from 09:00 UTC, in
 * arrival order: users click in bursts (sessions) more than 30 minutes apart; network jitter puts
 * clicks up to 8 seconds out of order; and six clicks of {@code gus} from 09:04 to 09:08, made on a
 * phone that was offline, arrive about two hours late, after row 226.
 *
 * @param user the user id
 * @param url the page's path
 * @param timestamp when the user clicked, in ms since the epoch
 */
public record Click(String user, String url, long timestamp) implements Serializable {

  /** The classpath resource of the bundled clicks. */
  public static final String BUNDLED_CSV = "/clicks.csv";

  /** How far out of order clicks arrive, at most (except the late ones). */
  public static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(10);

  /** Validates. */
  public Click {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(url, "url");
  }

  /**
   * A click from a CSV row {@code user,url,timestamp}.
   *
   * @throws IllegalArgumentException if the row does not have 3 fields or the timestamp is not a number
   */
  public static Click fromCsv(List<String> row) {
    if (row.size() != 3) {
      throw new IllegalArgumentException("expected 3 fields (user,url,timestamp), found " + row.size() + ": " + row);
    }
    try {
      return new Click(row.get(0).strip(), row.get(1).strip(), Long.parseLong(row.get(2).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("timestamp is not a number of milliseconds: '" + row.get(2) + "'", e);
    }
  }

  /** Event time from {@link #timestamp()}, with watermarks trailing by {@link #MAX_OUT_OF_ORDERNESS}. */
  public static WatermarkStrategy<Click> watermarks() {
    return WatermarkStrategy.<Click>forBoundedOutOfOrderness(MAX_OUT_OF_ORDERNESS)
        .withTimestampAssigner((click, sourceTimestamp) -> click.timestamp());
  }

  /** The bundled clicks, in arrival (file) order. */
  public static List<Click> bundled() throws IOException {
    List<String> lines = Resources.lines(BUNDLED_CSV);
    List<Click> clicks = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        clicks.add(fromCsv(List.of(line.split(",", -1))));
      }
    }
    return List.copyOf(clicks);
  }

  /**
   * A copy of the bundled CSV in a temporary file (deleted when the JVM exits), for file sources
   * such as {@code Sources.csv(path, Click::fromCsv)}, which read files rather than classpath
   * resources.
   */
  public static Path bundledCsvFile() throws IOException {
    Path file = Files.createTempFile("solidstream-clicks-", ".csv");
    file.toFile().deleteOnExit();
    try (InputStream in = Click.class.getResourceAsStream(BUNDLED_CSV)) {
      if (in == null) {
        throw new IOException("no classpath resource " + BUNDLED_CSV);
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }
}
