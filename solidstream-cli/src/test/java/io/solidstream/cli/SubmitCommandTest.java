package io.solidstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit} against an HTTP server on 127.0.0.1 that answers Flink's REST endpoints
 * {@code /overview}, {@code /jars/upload}, {@code /jars/:id/run} and {@code /jobs/:id} and records
 * what it received: the requests and the cases a real cluster does not easily produce. Jobs that
 * really run, finish and fail on a standalone cluster: {@link RemoteClusterCliTest}.
 */
class SubmitCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;

  private HttpServer server;
  private final Map<String, byte[]> received = new ConcurrentHashMap<>();
  private final Map<String, String> contentTypes = new ConcurrentHashMap<>();
  private final List<String> jobStates = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("RUNNING"));
  private volatile int runStatus = 200;
  private volatile String runResponse = "{\"jobid\":\"8d9b7e2f0c1a4b5c6d7e8f9a0b1c2d3e\"}";

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/overview", exchange -> reply(exchange, 200, "{\"flink-version\":\"2.2.0\",\"slots-total\":4}"));
    server.createContext("/jars/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      received.put(exchange.getRequestMethod() + " " + path, body);
      contentTypes.put(path, exchange.getRequestHeaders().getFirst("Content-Type"));
      if (path.equals("/jars/upload")) {
        reply(exchange, 200, "{\"filename\":\"/tmp/flink-web-upload/1234_app.jar\",\"status\":\"success\"}");
      } else {
        reply(exchange, runStatus, runResponse);
      }
    });
    server.createContext("/jobs/", exchange -> {
      String state = jobStates.size() > 1 ? jobStates.remove(0) : jobStates.get(0);
      reply(exchange, 200, "{\"jid\":\"8d9b7e2f0c1a4b5c6d7e8f9a0b1c2d3e\",\"state\":\"" + state + "\"}");
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String cluster() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void submitUploadsTheJarAsMultipartThenRunsItWithClassArgumentsAndParallelism() throws IOException {
    byte[] jarBytes = "PK\u0003\u0004 pretend jar".getBytes(StandardCharsets.ISO_8859_1);
    Path jar = Files.write(home.resolve("app.jar"), jarBytes);

    CliRun run = CliRun.run(home, "submit", jar.toString(), "--cluster", cluster(), "--class", "com.example.Job",
        "--parallelism", "2", "--", "--input", "in.csv");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("Jar 1234_app.jar", "Job 8d9b7e2f0c1a4b5c6d7e8f9a0b1c2d3e submitted to " + cluster());
    assertThat(run.err()).contains("Uploading app.jar to the Flink 2.2.0 cluster at " + cluster());

    String upload = new String(received.get("POST /jars/upload"), StandardCharsets.ISO_8859_1);
    String boundary = contentTypes.get("/jars/upload").replaceFirst("multipart/form-data; boundary=", "");
    assertThat(upload).startsWith("--" + boundary + "\r\n")
        .contains("Content-Disposition: form-data; name=\"jarfile\"; filename=\"app.jar\"\r\n")
        .contains("\r\n\r\n" + new String(jarBytes, StandardCharsets.ISO_8859_1) + "\r\n--" + boundary + "--\r\n");

    JsonNode body = JSON.readTree(received.get("POST /jars/1234_app.jar/run"));
    assertThat(body.path("entryClass").asText()).isEqualTo("com.example.Job");
    assertThat(body.path("parallelism").asInt()).isEqualTo(2);
    assertThat(JSON.convertValue(body.path("programArgsList"), List.class)).containsExactly("--input", "in.csv");
    assertThat(contentTypes.get("/jars/1234_app.jar/run")).isEqualTo("application/json");
  }

  @Test
  void withoutClassOrParallelismTheClusterDefaultsApply() throws IOException {
    Path jar = Files.writeString(home.resolve("app.jar"), "jar");

    CliRun run = CliRun.run(home, "submit", jar.toString(), "--cluster", cluster());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    JsonNode body = JSON.readTree(received.get("POST /jars/1234_app.jar/run"));
    assertThat(body.has("entryClass")).isFalse();
    assertThat(body.has("parallelism")).isFalse();
    assertThat(body.path("programArgsList")).isEmpty();
  }

  @Test
  void aProgramTheClusterRefusesExitsOneWithTheClustersFirstErrorLine() throws IOException {
    runStatus = 500;
    runResponse = "{\"errors\":[\"org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute"
        + " application.\\n\\tat org.apache.flink...\",\"The program's entry point class 'com.example.Nope' was not"
        + " found in the jar file.\"]}";
    Path jar = Files.writeString(home.resolve("app.jar"), "jar");

    CliRun run = CliRun.run(home, "submit", jar.toString(), "--cluster", cluster(), "--class", "com.example.Nope");

    assertThat(run.exitCode()).isEqualTo(ExitCode.RUN_FAILED);
    assertThat(run.err()).contains("The Flink cluster at " + cluster() + " refused /jars/1234_app.jar/run (HTTP 500):",
        "Could not execute application.", "entry point class 'com.example.Nope' was not found")
        .doesNotContain("\tat ");
  }

  @Test
  void submitWithWaitReportsEachStateAndExitsOneWhenTheJobIsCanceled() throws IOException {
    jobStates.clear();
    jobStates.addAll(List.of("INITIALIZING", "RUNNING", "RUNNING", "CANCELLING", "CANCELED"));
    Path jar = Files.writeString(home.resolve("app.jar"), "jar");

    CliRun run = CliRun.run(home, "submit", jar.toString(), "--cluster", cluster(), "--wait");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.RUN_FAILED);
    String job = "Job 8d9b7e2f0c1a4b5c6d7e8f9a0b1c2d3e";
    assertThat(run.err()).contains(job + ": INITIALIZING\n" + job + ": RUNNING\n" + job + ": CANCELLING\n"
        + job + ": CANCELED\n", "Error: " + job + " on the Flink cluster at " + cluster() + " ended CANCELED");
  }

  @Test
  void aServerThatIsNotFlinkIsReportedAsSuch() throws IOException {
    server.removeContext("/overview");
    server.createContext("/overview", exchange -> reply(exchange, 404, "<html>not found</html>"));
    Path jar = Files.writeString(home.resolve("app.jar"), "jar");

    CliRun run = CliRun.run(home, "submit", jar.toString(), "--cluster", cluster());

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(run.err()).contains("answered /overview with HTTP 404 and no JSON", "REST endpoint of a Flink cluster");
  }
}
