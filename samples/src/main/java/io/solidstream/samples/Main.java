package io.solidstream.samples;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.config.RunConfigException;
import io.solidstream.api.config.RunConfigParseException;
import io.solidstream.api.pipeline.InvalidPipelineException;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.runtime.local.LocalRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a sample in-process and prints its summary: a pipeline's run summary, or a stream
 * program's results and operator counters.
 *
 * <pre>
 * Main [orders-etl | weather-alerts | click-report | click-counts | click-sessions] [--config FILE.yaml]
 * </pre>
 *
 * <p>The sample defaults to {@code orders-etl}. {@code --config} is deep-merged over a pipeline
 * sample's own run config (stream samples take none). Exit code: 0 if the run succeeded, 1 if it
 * failed (or its run config was invalid), 2 for bad arguments.
 */
public final class Main {

  /** Runs a stream sample over its bundled data. */
  @FunctionalInterface
  interface StreamRun {
    StreamResult run() throws IOException;
  }

  /** The runnable samples: pipelines (with a run config) and stream programs. */
  enum Sample {
    ORDERS_ETL("orders-etl", OrdersEtl::pipeline, RunConfig::empty),
    WEATHER_ALERTS("weather-alerts", WeatherAlerts::pipeline, WeatherAlerts::defaultRunConfig),
    CLICK_REPORT("click-report", ClickReport::pipeline, RunConfig::empty),
    CLICK_COUNTS("click-counts", ClickCounts::runBundled, ClickCounts::summary),
    CLICK_SESSIONS("click-sessions", ClickSessions::runBundled, ClickSessions::summary);

    final String id;
    final Supplier<PipelineDefinition> pipeline;
    final Supplier<RunConfig> runConfig;
    final StreamRun stream;
    final Function<StreamResult, String> streamSummary;

    Sample(String id, Supplier<PipelineDefinition> pipeline, Supplier<RunConfig> runConfig) {
      this.id = id;
      this.pipeline = pipeline;
      this.runConfig = runConfig;
      this.stream = null;
      this.streamSummary = null;
    }

    Sample(String id, StreamRun stream, Function<StreamResult, String> streamSummary) {
      this.id = id;
      this.pipeline = null;
      this.runConfig = null;
      this.stream = stream;
      this.streamSummary = streamSummary;
    }

    static Sample byId(String id) {
      for (Sample sample : values()) {
        if (sample.id.equals(id)) {
          return sample;
        }
      }
      return null;
    }

    static String ids() {
      return Arrays.stream(values()).map(s -> s.id).collect(Collectors.joining(", "));
    }
  }

  static final String USAGE = "usage: Main [" + Arrays.stream(Sample.values()).map(s -> s.id)
      .collect(Collectors.joining(" | ")) + "] [--config FILE.yaml]";

  private Main() {}

  /** Runs the sample named by the arguments; exits with 1 or 2 unless it succeeded. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the sample named by {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Sample sample = Sample.ORDERS_ETL;
    Path configFile = null;
    boolean sampleGiven = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--config")) {
        if (i + 1 == args.length) {
          err.println("--config needs a file\n" + USAGE);
          return 2;
        }
        configFile = Path.of(args[++i]);
      } else if (arg.equals("-h") || arg.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (!arg.startsWith("-") && !sampleGiven) {
        sample = Sample.byId(arg);
        if (sample == null) {
          err.println("unknown sample '" + arg + "'; samples: " + Sample.ids() + "\n" + USAGE);
          return 2;
        }
        sampleGiven = true;
      } else {
        err.println("unexpected argument '" + arg + "'\n" + USAGE);
        return 2;
      }
    }

    if (sample.stream != null) {
      if (configFile != null) {
        err.println("--config applies to pipeline samples; '" + sample.id + "' is a stream program\n" + USAGE);
        return 2;
      }
      return runStream(sample, out, err);
    }

    RunConfig runConfig = sample.runConfig.get();
    if (configFile != null) {
      if (!Files.isRegularFile(configFile)) {
        err.println("config file not found: " + configFile.toAbsolutePath());
        return 2;
      }
      try {
        runConfig = runConfig.merge(RunConfig.fromYaml(configFile));
      } catch (RunConfigParseException e) {
        err.println(e.getMessage());
        return 1;
      }
    }

    RunRequest request = RunRequest.of(runConfig);
    RunResult result;
    try (LocalRuntime runtime = LocalRuntime.create()) {
      result = runtime.execute(sample.pipeline.get(), request);
    } catch (RunConfigException | InvalidPipelineException e) {
      err.println(e.getMessage());
      return 1;
    }
    out.print(RunSummary.format(result));
    return result.success() ? 0 : 1;
  }

  private static int runStream(Sample sample, PrintStream out, PrintStream err) {
    StreamResult result;
    try {
      result = sample.stream.run();
    } catch (IOException | RuntimeException e) {
      err.println("sample '" + sample.id + "' could not run: " + e);
      return 1;
    }
    out.print(sample.streamSummary.apply(result));
    return result.status() == JobStatus.FINISHED ? 0 : 1;
  }
}
