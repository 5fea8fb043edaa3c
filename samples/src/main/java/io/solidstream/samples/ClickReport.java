package io.solidstream.samples;

import io.solidstream.api.config.ConfigField;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.solid.AssetKey;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.Materialization;
import io.solidstream.api.solid.MetadataValue;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.stream.StreamSolid;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.types.TypeRef;
import io.solidstream.samples.ClickSessions.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The click report sample, a pipeline with a stream inside: a solid loads the clicks, a {@link
 * StreamSolid} sessionizes them with the stream program of {@link ClickSessions}, and a solid
 * writes a Markdown report of the sessions per user.
 *
 * <pre>
 * load_clicks -&gt; sessionize (stream program) -&gt; write_report
 * </pre>
 *
 * <p>Unlike the {@link ClickSessions} stream, which reads clicks in arrival order and sends the
 * two-hour-late clicks to a side output, the pipeline has the whole batch at hand: {@code
 * load_clicks} orders the clicks by event time, so the stream program can use monotonous
 * timestamps and no click is late.
 *
 * <p>Run config (every field has a default, so an empty run config works):
 *
 * <pre>{@code
 * solids:
 *   load_clicks:
 *     config: {path: data/clicks.csv}       # the bundled clicks.csv when left out
 *   write_report:
 *     config: {output_dir: target/reports}
 * }</pre>
 */
public final class ClickReport {

  /** The pipeline's name. */
  public static final String NAME = "click_report";

  /** The asset written by {@code write_report}. */
  public static final AssetKey REPORT_ASSET = AssetKey.of("reports", "click_sessions");

  public static final OutputDef<List<Click>> CLICKS = OutputDef.of("clicks", new TypeRef<List<Click>>() {});
  public static final InputDef<List<Click>> SESSIONIZE_INPUT = InputDef.of("clicks", new TypeRef<List<Click>>() {});
  public static final OutputDef<List<Session>> SESSIONS = OutputDef.of("sessions", new TypeRef<List<Session>>() {});
  public static final InputDef<List<Session>> REPORT_INPUT = InputDef.of("sessions", new TypeRef<List<Session>>() {});
  public static final OutputDef<String> REPORT_PATH = OutputDef.of("report_path", String.class)
      .describedAs("absolute path of the written report");

  /** Reads the clicks CSV and orders the clicks by event time. */
  public static final SolidDefinition LOAD_CLICKS = SolidDefinition.builder("load_clicks")
      .description("reads the clicks CSV (the bundled clicks.csv unless a path is given), ordered by event time")
      .config(ConfigType.shape()
          .field(ConfigField.optional("path", ConfigType.string())
              .description("CSV file to read (user,url,timestamp); the bundled clicks.csv when left out"))
          .build())
      .returning(CLICKS, (ctx, in) -> {
        List<Click> clicks = new ArrayList<>(ctx.config().has("path")
            ? read(Path.of(ctx.config().getString("path")))
            : Click.bundled());
        clicks.sort(Comparator.comparingLong(Click::timestamp));
        ctx.log().info("read {} clicks", clicks.size());
        return List.copyOf(clicks);
      })
      .build();

  /** Sessionizes the clicks with a stream program: event-time session windows per user. */
  public static final SolidDefinition SESSIONIZE = StreamSolid
      .builder("sessionize", SESSIONS, (ctx, in, b) -> ClickSessions.sessionize(b.source(
          Sources.fromList(in.get(SESSIONIZE_INPUT)),
          WatermarkStrategy.<Click>forMonotonousTimestamps().withTimestampAssigner((c, ts) -> c.timestamp()))))
      .description("session windows per user (gap " + ClickSessions.GAP.toMinutes() + " min), one summary per session")
      .input(SESSIONIZE_INPUT)
      .build();

  /** Writes the sessions per user as Markdown and records it as a materialization. */
  public static final SolidDefinition WRITE_REPORT = SolidDefinition.builder("write_report")
      .description("writes the sessions per user to output_dir and materializes reports/click_sessions")
      .input(REPORT_INPUT)
      .config(ConfigType.shape()
          .field(ConfigField.withDefault("output_dir", ConfigType.string(), "target/reports")
              .description("directory of the report, created if missing"))
          .build())
      .returning(REPORT_PATH, (ctx, in) -> {
        List<Session> sessions = in.get(REPORT_INPUT);
        Path dir = Path.of(ctx.config().getString("output_dir")).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path file = dir.resolve("click_sessions.md");
        Files.writeString(file, render(sessions), StandardCharsets.UTF_8);
        ctx.materialize(Materialization.of(REPORT_ASSET)
            .withDescription("click sessions per user")
            .withMetadata("path", MetadataValue.path(file.toString()))
            .withMetadata("sessions", sessions.size())
            .withMetadata("users", (int) sessions.stream().map(Session::user).distinct().count()));
        return file.toString();
      })
      .build();

  private ClickReport() {}

  /** The pipeline: {@code load_clicks -> sessionize -> write_report}. */
  public static PipelineDefinition pipeline() {
    PipelineBuilder p = PipelineDefinition.builder(NAME)
        .description("clicks CSV -> sessions (a stream program) -> report");
    SolidNode load = p.add(LOAD_CLICKS);
    SolidNode sessionize = p.add(SESSIONIZE).wire(SESSIONIZE_INPUT, load.output(CLICKS));
    p.add(WRITE_REPORT).wire(REPORT_INPUT, sessionize.output(SESSIONS));
    return p.build();
  }

  /** The clicks of a CSV file {@code user,url,timestamp} with a header line. */
  static List<Click> read(Path csv) throws java.io.IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<Click> clicks = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        try {
          clicks.add(Click.fromCsv(List.of(lines.get(i).split(",", -1))));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(csv + " line " + (i + 1) + ": " + e.getMessage(), e);
        }
      }
    }
    return clicks;
  }

  /** The Markdown report: a table per user summary, then every session. */
  static String render(List<Session> sessions) {
    List<Session> sorted = new ArrayList<>(sessions);
    sorted.sort(Comparator.comparing(Session::user).thenComparingLong(Session::start));
    Map<String, List<Session>> byUser = new TreeMap<>();
    sorted.forEach(s -> byUser.computeIfAbsent(s.user(), u -> new ArrayList<>()).add(s));
    StringBuilder text = new StringBuilder("# Click sessions\n\n")
        .append("Sessions end after ").append(ClickSessions.GAP.toMinutes()).append(" minutes without a click.\n\n")
        .append("| User | Sessions | Clicks | Average minutes |\n|---|---:|---:|---:|\n");
    byUser.forEach((user, list) -> {
      int clicks = list.stream().mapToInt(Session::clicks).sum();
      double minutes = list.stream().mapToLong(s -> s.duration().toSeconds()).average().orElse(0) / 60.0;
      text.append("| ").append(user).append(" | ").append(list.size()).append(" | ").append(clicks).append(" | ")
          .append(String.format(java.util.Locale.ROOT, "%.1f", minutes)).append(" |\n");
    });
    text.append("\n| User | Start (UTC) | End (UTC) | Clicks | Pages |\n|---|---|---|---:|---:|\n");
    for (Session s : sorted) {
      text.append("| ").append(s.user()).append(" | ").append(StreamSummary.time(s.start())).append(" | ")
          .append(StreamSummary.time(s.end())).append(" | ").append(s.clicks()).append(" | ")
          .append(s.distinctPages()).append(" |\n");
    }
    return text.toString();
  }
}
