package io.solidstream.runtime.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.client.deployment.executors.RemoteExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.DefaultExecutorServiceLoader;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink cluster reached over its REST endpoint: jobs go through Flink's {@code remote} executor
 * (a {@code RestClusterClient}, whose job client serves collect sinks and accumulators), with the
 * user's jars.
 */
final class RemoteClusterTarget implements FlinkCluster.Remote {
  static final String NAME = "flink-remote";
  /** How long to wait for the TCP connection and for an answer of the REST endpoint. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String host;
  private final int port;
  private final List<Path> jars; // null: ship the class path

  RemoteClusterTarget(String host, int port, List<Path> jars) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the host of a remote Flink cluster must not be blank; give the host of its"
          + " REST endpoint, e.g. FlinkCluster.remote(\"127.0.0.1\", 8081)");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " of remote Flink cluster '" + host + "' is not in 1..65535;"
          + " give the port of its REST endpoint (rest.port, 8081 by default)");
    }
    this.host = host.strip();
    this.port = port;
    this.jars = jars == null ? null : List.copyOf(jars);
  }

  /** Parses {@code "host:port"} (an IPv6 host in brackets: {@code "[::1]:8081"}). */
  static RemoteClusterTarget parse(String hostAndPort) {
    Objects.requireNonNull(hostAndPort, "hostAndPort");
    String text = hostAndPort.strip();
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = colon < 0 ? -1 : Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.isBlank() || port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'" + hostAndPort + "' is not the address of a Flink REST endpoint; write"
          + " host:port with a port in 1..65535, e.g. 127.0.0.1:8081");
    }
    return new RemoteClusterTarget(host, port, null);
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public Remote withJars(List<Path> jars) {
    Objects.requireNonNull(jars, "jars");
    for (Path jar : jars) {
      if (!Files.isRegularFile(Objects.requireNonNull(jar, "jar"))) {
        throw new IllegalArgumentException("jar " + jar + " to ship to the Flink cluster at " + address()
            + " is not a file; give the paths of existing jars");
      }
    }
    return new RemoteClusterTarget(host, port, jars);
  }

  @Override
  public Remote shipClasspath() {
    return new RemoteClusterTarget(host, port, null);
  }

  @Override
  public List<Path> jars() {
    return jars != null ? jars : UserClasspath.jarsToShip();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The cluster's total task slots, from its REST {@code /overview}. */
  @Override
  public int slots() {
    JsonNode overview = overview();
    JsonNode slots = overview.get("slots-total");
    if (slots == null || !slots.canConvertToInt()) {
      throw new IllegalStateException("the REST endpoint at " + address() + " answered /overview without"
          + " 'slots-total': is it a Flink JobManager's REST endpoint (rest.port)?");
    }
    return slots.intValue();
  }

  @Override
  public StreamExecutionEnvironment environment(Configuration config) {
    overview(); // fail now, naming host:port, rather than after the REST client's retries
    Configuration copy = new Configuration(config);
    copy.set(DeploymentOptions.TARGET, RemoteExecutor.NAME);
    copy.set(DeploymentOptions.ATTACHED, true);
    copy.set(JobManagerOptions.ADDRESS, host);
    copy.set(RestOptions.ADDRESS, host);
    copy.set(RestOptions.PORT, port);
    copy.set(RestOptions.CONNECTION_TIMEOUT, CONNECT_TIMEOUT);
    copy.set(RestOptions.RETRY_MAX_ATTEMPTS, 3);
    copy.set(RestOptions.RETRY_DELAY, Duration.ofMillis(500));
    copy.set(PipelineOptions.JARS, jars().stream().map(jar -> jar.toUri().toString()).toList());
    return new StreamExecutionEnvironment(new DefaultExecutorServiceLoader(), copy,
        RemoteClusterTarget.class.getClassLoader());
  }

  /** GET {@code /overview} of the cluster, failing within seconds if it cannot be reached. */
  JsonNode overview() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + "/overview"))
        .timeout(REQUEST_TIMEOUT).GET().build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while contacting the Flink cluster at " + address(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + address() + "' is not a valid address of a Flink REST endpoint", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the REST endpoint at " + address() + " answered HTTP " + response.statusCode()
          + " to GET /overview: check that " + address() + " is a Flink JobManager's REST endpoint (rest.port)");
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("the REST endpoint at " + address() + " answered /overview with no JSON: check"
          + " that " + address() + " is a Flink JobManager's REST endpoint (rest.port)", e);
    }
  }

  private IllegalStateException unreachable(IOException e) {
    String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    if (e.getCause() != null && e.getCause().getMessage() != null) {
      reason = reason + " (" + e.getCause().getMessage() + ")";
    } else if (e.getCause() != null) {
      reason = reason + " (" + e.getCause().getClass().getSimpleName() + ")";
    }
    return new IllegalStateException("the Flink cluster at " + address() + " is not reachable: " + reason
        + ". Check that its JobManager is running and that " + address() + " is its REST endpoint (rest.address and"
        + " rest.port, 8081 by default); a cluster to try by hand starts with scripts/flink-cluster.sh start", e);
  }

  private String address() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }

  /** Nothing to release: the cluster is not this handle's, and packed jars are deleted at JVM exit. */
  @Override
  public void close() {
    // the remote cluster keeps running; it is stopped by whoever started it
  }

  @Override
  public String toString() {
    return "FlinkCluster{" + NAME + ", " + address() + (jars == null ? ", class path" : ", " + jars.size() + " jars")
        + "}";
  }
}
