package io.solidstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A client of a Flink cluster's REST API ({@code rest.address}:{@code rest.port}) for what the
 * command needs: whether the cluster answers ({@code GET /overview}), uploading an application jar
 * ({@code POST /jars/upload}), running it ({@code POST /jars/:id/run}), and the state of a job and
 * why it failed ({@code GET /jobs/:id}, {@code GET /jobs/:id/exceptions}).
 *
 * <p>Every call fails within {@link #TIMEOUT} with a {@link CliException} naming {@code host:port}
 * instead of hanging when the cluster is unreachable.
 */
final class FlinkRest {
  /** How long connecting and each request may take. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  /** How long an upload or a job's start (the application's main method) may take. */
  static final Duration LONG_TIMEOUT = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String host;
  private final int port;
  private final HttpClient client;

  FlinkRest(String host, int port) {
    this.host = host;
    this.port = port;
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  }

  /**
   * Parses {@code host:port} (the cluster's REST endpoint).
   *
   * @throws CliException {@link ExitCode#USAGE} if it is not {@code host:port} with a port in 1..65535
   */
  static FlinkRest parse(String hostAndPort, String what) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostAndPort.length() - 1) {
      throw new CliException(ExitCode.USAGE, "Invalid " + what + " '" + hostAndPort
          + "': expected HOST:PORT of the cluster's REST endpoint, e.g. 127.0.0.1:8081");
    }
    String host = hostAndPort.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(hostAndPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw new CliException(ExitCode.USAGE, "Invalid " + what + " '" + hostAndPort + "': the port must be a number"
          + " between 1 and 65535, e.g. 127.0.0.1:8081");
    }
    return new FlinkRest(host, port);
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** {@code host:port}. */
  String address() {
    return host + ":" + port;
  }

  /**
   * Asks the cluster for its overview, to fail fast if it cannot be reached.
   *
   * @return the Flink version the cluster reports
   * @throws CliException {@link ExitCode#UNAVAILABLE} naming host:port and what to check
   */
  String probe() {
    JsonNode overview = send(HttpRequest.newBuilder(uri("/overview")).timeout(TIMEOUT).GET().build(), "/overview");
    return overview.path("flink-version").asText("unknown");
  }

  /**
   * Uploads {@code jar} and returns its id on the cluster (the file name the cluster gave it).
   *
   * @throws CliException {@link ExitCode#UNAVAILABLE} if the cluster cannot be reached,
   *     {@link ExitCode#RUN_FAILED} if it refuses the jar
   */
  String upload(Path jar) {
    String boundary = "solidstream-" + UUID.randomUUID();
    byte[] body;
    try {
      body = multipartBody(boundary, jar);
    } catch (IOException e) {
      throw new CliException(ExitCode.USAGE, "Cannot read the jar " + jar.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    HttpRequest request = uploadRequest(boundary, body);
    JsonNode response = send(request, "/jars/upload");
    String filename = response.path("filename").asText("");
    if (filename.isEmpty()) {
      throw new CliException(ExitCode.RUN_FAILED, "The Flink cluster at " + address()
          + " accepted the upload but named no file: " + response);
    }
    return filename.substring(filename.lastIndexOf('/') + 1);
  }

  /** The upload request: one multipart file field {@code jarfile}, as the Flink web UI sends it. */
  HttpRequest uploadRequest(String boundary, byte[] body) {
    return HttpRequest.newBuilder(uri("/jars/upload"))
        .timeout(LONG_TIMEOUT)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** The multipart body carrying {@code jar} as the field {@code jarfile}. */
  static byte[] multipartBody(String boundary, Path jar) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
        + "Content-Type: application/java-archive\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.UTF_8));
    out.write(Files.readAllBytes(jar));
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /**
   * Runs the uploaded jar {@code jarId} and returns the id of the job it submitted.
   *
   * @param entryClass the main class, or {@code null} for the jar manifest's
   * @param parallelism the default parallelism, or {@code null} for the cluster's
   * @throws CliException {@link ExitCode#RUN_FAILED} with the cluster's errors if the program fails
   */
  String run(String jarId, String entryClass, List<String> args, Integer parallelism) {
    JsonNode response = send(runRequest(jarId, entryClass, args, parallelism), "/jars/" + jarId + "/run");
    String jobId = response.path("jobid").asText("");
    if (jobId.isEmpty()) {
      throw new CliException(ExitCode.RUN_FAILED, "The Flink cluster at " + address()
          + " ran the jar but returned no job id: " + response);
    }
    return jobId;
  }

  /**
   * The state of job {@code jobId}, as Flink names it ({@code RUNNING}, {@code FINISHED},
   * {@code FAILED}, ...).
   *
   * @throws CliException {@link ExitCode#UNAVAILABLE} if the cluster cannot be reached,
   *     {@link ExitCode#RUN_FAILED} if it does not know the job
   */
  String jobState(String jobId) {
    JsonNode job = send(HttpRequest.newBuilder(uri("/jobs/" + jobId)).timeout(TIMEOUT).GET().build(), "/jobs/" + jobId);
    String state = job.path("state").asText("");
    if (state.isEmpty()) {
      throw new CliException(ExitCode.RUN_FAILED, "The Flink cluster at " + address() + " answered /jobs/" + jobId
          + " without a state: " + job);
    }
    return state;
  }

  /** Whether a job in {@code state} has ended for good: it will not run again. */
  static boolean isGloballyTerminal(String state) {
    return state.equals("FINISHED") || state.equals("FAILED") || state.equals("CANCELED");
  }

  /**
   * Why job {@code jobId} failed: the newest entry of its exception history, as its first line and
   * its root cause ({@code Caused by:}), without stack frames; or a note that the cluster kept none.
   *
   * @throws CliException {@link ExitCode#UNAVAILABLE} if the cluster cannot be reached
   */
  String failureCause(String jobId) {
    String endpoint = "/jobs/" + jobId + "/exceptions";
    JsonNode exceptions = send(HttpRequest.newBuilder(uri(endpoint + "?maxExceptions=1")).timeout(TIMEOUT).GET().build(),
        endpoint);
    JsonNode newest = exceptions.path("exceptionHistory").path("entries").path(0);
    String trace = newest.path("stacktrace").asText("");
    if (trace.isBlank()) {
      String name = newest.path("exceptionName").asText("");
      return name.isEmpty() ? "the cluster kept no exception for it (see its web UI and logs)" : name;
    }
    return firstLineAndRootCause(trace);
  }

  /** The request running {@code jarId}: a JSON body with entryClass, programArgsList and parallelism. */
  HttpRequest runRequest(String jarId, String entryClass, List<String> args, Integer parallelism) {
    return HttpRequest.newBuilder(uri("/jars/" + jarId + "/run"))
        .timeout(LONG_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(runBody(entryClass, args, parallelism)))
        .build();
  }

  /** The JSON body of {@code /jars/:id/run}. */
  static String runBody(String entryClass, List<String> args, Integer parallelism) {
    ObjectNode body = JSON.createObjectNode();
    if (entryClass != null) {
      body.put("entryClass", entryClass);
    }
    body.putArray("programArgsList").addAll(args.stream().map(JSON.getNodeFactory()::textNode).toList());
    if (parallelism != null) {
      body.put("parallelism", parallelism);
    }
    return body.toString();
  }

  private URI uri(String path) {
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + hostPart + ":" + port + path);
  }

  private JsonNode send(HttpRequest request, String endpoint) {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.UNAVAILABLE, "Interrupted while calling the Flink cluster at " + address(), e);
    }
    JsonNode json;
    try {
      json = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    } catch (IOException e) {
      throw new CliException(ExitCode.UNAVAILABLE, "The server at " + address() + " answered " + endpoint
          + " with HTTP " + response.statusCode() + " and no JSON; is host:port the REST endpoint of a Flink"
          + " cluster (rest.port, 8081 by default)?", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new CliException(ExitCode.RUN_FAILED, "The Flink cluster at " + address() + " refused " + endpoint
          + " (HTTP " + response.statusCode() + "): " + errors(json));
    }
    return json;
  }

  /**
   * The messages of a Flink error response: of each entry of its {@code errors} array, the first
   * line and the last {@code Caused by:} line (the root cause), without stack frames.
   */
  static String errors(JsonNode json) {
    List<String> messages = new ArrayList<>();
    for (JsonNode error : json.path("errors")) {
      if (!error.asText().isBlank()) {
        messages.add(firstLineAndRootCause(error.asText()));
      }
    }
    return messages.isEmpty() ? json.toString() : String.join("; ", messages);
  }

  /** Of a stack trace's text, the first line and the last {@code Caused by:} line (the root cause). */
  static String firstLineAndRootCause(String trace) {
    List<String> lines = trace.strip().lines().map(String::strip).toList();
    String first = lines.get(0);
    String rootCause = null;
    for (String line : lines) {
      if (line.startsWith("Caused by: ")) {
        rootCause = line.substring("Caused by: ".length());
      }
    }
    return rootCause == null || rootCause.equals(first) ? first : first + " Cause: " + rootCause;
  }

  private CliException unreachable(IOException e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new CliException(ExitCode.UNAVAILABLE, "Cannot reach the Flink cluster at " + address() + " (" + reason
        + "). Check that the cluster runs (scripts/flink-cluster.sh start) and that " + address()
        + " is its REST endpoint (rest.address, rest.port)", e);
  }
}
