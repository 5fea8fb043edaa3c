package io.solidstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A corpus of bad invocations: each gives one clear message, no stack trace, and its exit code. */
class BadInvocationsTest {

  @TempDir
  Path home;

  /** One bad invocation: its arguments (given the temporary home), exit code and message fragments. */
  record Case(String name, Function<Path, String[]> args, int exitCode, String... messages) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case bad(String name, int exitCode, Function<Path, String[]> args, String... messages) {
    return new Case(name, args, exitCode, messages);
  }

  private static String write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port nothing listens on: bound, then released. */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Case> corpus() {
    int closed = closedPort();
    return Stream.of(
        bad("unknown command", ExitCode.USAGE, h -> new String[] {"rnu", "orders_etl"},
            "Unmatched arguments from index 0: 'rnu', 'orders_etl'", "Did you mean: solidstream run?"),
        bad("unknown option", ExitCode.USAGE, h -> new String[] {"run", "orders_etl", "--confg", "x.yaml"},
            "Unknown options: '--confg', 'x.yaml'", "Usage: solidstream run"),
        bad("missing pipeline", ExitCode.USAGE, h -> new String[] {"run"},
            "Missing required parameter: 'PIPELINE'"),
        bad("unknown pipeline", ExitCode.USAGE, h -> new String[] {"run", "orders_et"},
            "Unknown pipeline 'orders_et'; did you mean 'orders_etl'?; pipelines: orders_etl, weather_alerts, click_report"),
        bad("unknown pipeline for pipelines", ExitCode.USAGE, h -> new String[] {"pipelines", "nope"},
            "Unknown pipeline 'nope'; pipelines: orders_etl"),
        bad("missing config file", ExitCode.USAGE, h -> new String[] {"run", "orders_etl", "--config", h + "/none.yaml"},
            "Run config file not found: ", "none.yaml; fix the path given to --config"),
        bad("config file that is not YAML", ExitCode.USAGE,
            h -> new String[] {"run", "orders_etl", "-c", write(h, "broken.yaml", "solids: [unclosed\n")},
            "broken.yaml"),
        bad("config with an unknown solid", ExitCode.USAGE,
            h -> new String[] {"run", "orders_etl", "-c", write(h, "typo.yaml", "solids:\n  load_order: {}\n")},
            "Invalid run config for pipeline 'orders_etl'", "solids: unknown field 'load_order'",
            "did you mean 'load_orders'?"),
        bad("config value of the wrong type", ExitCode.USAGE,
            h -> new String[] {"run", "orders_etl", "-c",
                write(h, "type.yaml", "solids: {load_orders: {config: {limit: many}}}\n")},
            "solids.load_orders.config.limit", "many"),
        bad("tag without a value", ExitCode.USAGE, h -> new String[] {"run", "orders_etl", "--tag", "team"},
            "'--tag' (KEY=VALUE) should be in KEY=VALUE format but was team"),
        bad("tag without a key", ExitCode.USAGE, h -> new String[] {"run", "orders_etl", "--tag", "=data"},
            "Invalid --tag '=data': the key is empty; use KEY=VALUE"),
        bad("re-execution tag without a key", ExitCode.USAGE,
            h -> new String[] {"runs", "reexecute", "some-run", "--from-failure", "--tag", "=data"},
            "Invalid --tag '=data': the key is empty; use KEY=VALUE"),
        bad("unknown runtime", ExitCode.USAGE, h -> new String[] {"run", "orders_etl", "--runtime", "spark"},
            "Unknown runtime 'spark' for --runtime: use local (in-process), flink-local", "flink://HOST:PORT"),
        bad("remote runtime without a port", ExitCode.USAGE,
            h -> new String[] {"run", "orders_etl", "--runtime", "flink://cluster"},
            "Invalid --runtime flink://cluster 'cluster': expected HOST:PORT"),
        bad("remote runtime with a bad port", ExitCode.USAGE,
            h -> new String[] {"run", "orders_etl", "--runtime", "flink://cluster:99999"},
            "the port must be a number between 1 and 65535"),
        bad("unreachable cluster", ExitCode.UNAVAILABLE,
            h -> new String[] {"run", "orders_etl", "--runtime", "flink://127.0.0.1:" + closed},
            "Cannot reach the Flink cluster at 127.0.0.1:" + closed, "scripts/flink-cluster.sh start"),
        bad("unknown selection", ExitCode.USAGE, h -> new String[] {"run", "orders_etl", "--select", "nosuch"},
            "Cannot run pipeline 'orders_etl': ", "nosuch"),
        bad("unknown run id", ExitCode.USAGE, h -> new String[] {"runs", "show", "no-such-run"},
            "No run 'no-such-run' in the instance", "list the runs with: solidstream runs list"),
        bad("unknown status", ExitCode.USAGE, h -> new String[] {"runs", "list", "--status", "done"},
            "Invalid value for option '--status'", "NOT_STARTED, STARTED, SUCCESS, FAILURE, CANCELED", "'done'"),
        bad("limit out of range", ExitCode.USAGE, h -> new String[] {"runs", "list", "--limit", "0"},
            "Invalid --limit 0: must be between 1 and 10000"),
        bad("runs without a subcommand", ExitCode.USAGE, h -> new String[] {"runs", "show"},
            "Missing required parameter: 'RUN_ID'"),
        bad("invalid instance config", ExitCode.USAGE,
            h -> new String[] {"runs", "list", "--instance", write(h, "solidstream.yaml", "run_storag:\n  sqlite: {}\n")},
            "Invalid instance config", "run_storag", "run_storage"),
        bad("missing instance config file", ExitCode.USAGE,
            h -> new String[] {"runs", "list", "--instance", h + "/other/solidstream.yaml"},
            "Instance config file not found: ", "pass an existing solidstream.yaml or the instance's home directory"),
        bad("missing application jar", ExitCode.USAGE,
            h -> new String[] {"pipelines", "--app", h + "/app.jar"},
            "Application jar or directory not found: ", "app.jar; build the application first"),
        bad("submit a missing jar", ExitCode.USAGE,
            h -> new String[] {"submit", h + "/app.jar", "--cluster", "127.0.0.1:" + closed},
            "Application jar not found: ", "app.jar"),
        bad("submit without a cluster", ExitCode.USAGE,
            h -> new String[] {"submit", write(h, "app.jar", "not really a jar")},
            "Missing required option: '--cluster=HOST:PORT'"),
        bad("submit to a malformed cluster address", ExitCode.USAGE,
            h -> new String[] {"submit", write(h, "app.jar", "x"), "--cluster", "localhost"},
            "Invalid --cluster 'localhost': expected HOST:PORT"),
        bad("submit to an unreachable cluster", ExitCode.UNAVAILABLE,
            h -> new String[] {"submit", write(h, "app.jar", "x"), "--cluster", "127.0.0.1:" + closed},
            "Cannot reach the Flink cluster at 127.0.0.1:" + closed));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void aBadInvocationGivesOneClearMessageAndItsExitCode(Case bad) {
    CliRun run = CliRun.run(home, bad.args().apply(home));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(bad.exitCode());
    assertThat(run.err()).as(run.toString()).contains(bad.messages()).doesNotContain("\tat ", "Exception in thread");
    assertThat(run.out()).as(run.toString()).isEmpty();
  }

  @Test
  void anUnreachableClusterFailsWithinSecondsNamingHostAndPort() {
    int port = closedPort();
    long start = System.nanoTime();

    CliRun run = CliRun.run(home, "run", "orders_etl", "--runtime", "flink://127.0.0.1:" + port);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(run.err()).contains("127.0.0.1:" + port);
  }

  @Test
  void verbosePrintsTheStackTraceBelowTheMessage() {
    CliRun quiet = CliRun.run(home, "runs", "show", "no-such-run");
    CliRun verbose = CliRun.run(home, "runs", "show", "no-such-run", "--verbose");

    assertThat(quiet.err().lines()).hasSize(1);
    assertThat(verbose.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(verbose.err()).startsWith(quiet.err()).contains("CliException", "\tat io.solidstream.cli.");
  }
}
