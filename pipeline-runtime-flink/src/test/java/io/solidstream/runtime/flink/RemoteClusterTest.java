package io.solidstream.runtime.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.runtime.flink.stream.FlinkStreamRuntime;
import io.solidstream.testkit.flink.StandaloneFlinkCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Submitting to a real standalone cluster over REST: reachability, failures, what is shipped. */
class RemoteClusterTest {
  @RegisterExtension
  static final StandaloneFlinkCluster CLUSTER = RemoteTestCluster.CLUSTER;

  /** A failure of user code whose class only the shipped test jar has. */
  static final class OrderRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OrderRejected(String message) {
      super(message);
    }
  }

  private static StreamProgram doubling(String name, Sink.Collect<Long> out) {
    StreamBuilder b = StreamProgram.builder(name);
    b.source(Sources.of(1L, 2L, 3L)).map(n -> n * 2).sink(out);
    return b.build();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  @Test
  void anUnreachableClusterFailsWithinSecondsNamingHostAndPort() throws IOException {
    int port = closedPort();
    FlinkStreamRuntime runtime = FlinkStreamRuntime.remote("127.0.0.1:" + port);
    long start = System.nanoTime();

    assertThatThrownBy(() -> runtime.execute(doubling("unreachable", Sinks.collect("out"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("not reachable")
        .hasMessageContaining("rest.port");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void anUnknownHostFailsWithinSecondsNamingIt() {
    FlinkCluster.Remote cluster = FlinkCluster.remote("no-such-flink-host.invalid", 8081);
    long start = System.nanoTime();

    assertThatThrownBy(cluster::slots)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-flink-host.invalid:8081")
        .hasMessageContaining("not reachable");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void anAddressThatIsNotHostColonPortIsRefusedWithAnExample() {
    for (String bad : List.of("localhost", "localhost:", ":8081", "localhost:http", "localhost:70000")) {
      assertThatThrownBy(() -> FlinkStreamRuntime.remote(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("host:port")
          .hasMessageContaining("127.0.0.1:8081");
    }
    assertThat(FlinkCluster.remote("[::1]:8081").host()).isEqualTo("::1");
    assertThatThrownBy(() -> FlinkCluster.remote("127.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rest.port");
  }

  @Test
  void theClusterReportsItsSlotsAndNameOverRest() {
    FlinkCluster.Remote cluster = FlinkCluster.remote(CLUSTER.host(), CLUSTER.restPort());

    assertThat(cluster.slots()).isEqualTo(4);
    assertThat(cluster.name()).isEqualTo("flink-remote");
    assertThat(cluster).hasToString("FlinkCluster{flink-remote, " + CLUSTER.restAddress() + ", class path}");
    assertThat(FlinkStreamRuntime.on(cluster).name()).isEqualTo("flink-remote");
  }

  @Test
  void collectedRecordsAndCountersComeBackFromTheCluster() {
    Sink.Collect<Long> out = Sinks.collect("out");

    StreamResult result = RemoteTestCluster.runtime().execute(doubling("doubling", out));

    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(result.collected(out)).containsExactly(2L, 4L, 6L);
    assertThat(result.metrics().get("doubling/map").recordsIn()).isEqualTo(3);
    assertThat(result.metrics().get("doubling/map").recordsOut()).isEqualTo(3);
  }

  @Test
  void aUserExceptionSurfacesWithItsOwnClassMessageAndTheOperatorName() {
    StreamBuilder b = StreamProgram.builder("orders");
    b.source(Sources.of(5L, 7L)).map(id -> {
      if (id == 7L) {
        throw new OrderRejected("order 7 has no customer");
      }
      return id;
    }).sink(Sinks.collect("out"));

    StreamResult result = RemoteTestCluster.runtime().execute(b.build());

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure()).get().isInstanceOf(UserCodeException.class);
    assertThat(result.failure().get())
        .hasMessage("Error in operator 'orders/map': " + OrderRejected.class.getName() + ": order 7 has no customer")
        .cause().isInstanceOf(OrderRejected.class).hasMessage("order 7 has no customer");
  }

  @Test
  void anExplicitJarListIsShippedInsteadOfTheClassPath() {
    List<Path> jars = UserClasspath.jarsToShip();
    FlinkCluster.Remote cluster = FlinkCluster.remote(CLUSTER.host(), CLUSTER.restPort()).withJars(jars);
    Sink.Collect<Long> out = Sinks.collect("out");

    StreamResult result = FlinkStreamRuntime.on(cluster).execute(doubling("explicit_jars", out));

    assertThat(cluster.jars()).isEqualTo(jars);
    assertThat(cluster.toString()).contains(jars.size() + " jars");
    assertThat(result.collected(out)).containsExactly(2L, 4L, 6L);
  }

  @Test
  void withoutTheProjectsJarsTheClusterCannotLoadTheJobAndTheMessageSaysWhatToShip() {
    FlinkCluster.Remote nothingShipped = FlinkCluster.remote(CLUSTER.host(), CLUSTER.restPort()).withJars(List.of());

    assertThatThrownBy(() -> FlinkStreamRuntime.on(nothingShipped).execute(doubling("no_jars", Sinks.collect("out"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not submit stream program 'no_jars' to flink-remote")
        .hasMessageMatching("(?s).*(ClassNotFoundException|NoClassDefFoundError).*io[./]solidstream.*")
        .hasMessageContaining("ship the jar that holds it");
  }

  @Test
  void aJarThatIsNotAFileIsRefusedNamingIt() {
    Path missing = Path.of("target", "no-such.jar");

    assertThatThrownBy(() -> FlinkCluster.remote("127.0.0.1", 8081).withJars(List.of(missing)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("127.0.0.1:8081");
  }

  @Test
  void aKilledTaskManagerIsReplacedAndJobsRunOnTheNewOne() {
    // Given the cluster's only TaskManager killed like a crash
    int killed = CLUSTER.taskManagerCount() - 1;
    CLUSTER.killTaskManager(killed);
    assertThat(CLUSTER.isTaskManagerAlive(killed)).isFalse();
    CLUSTER.awaitSlots(0);

    // When a new TaskManager starts
    int replacement = CLUSTER.startTaskManager();
    CLUSTER.awaitSlots(4);

    // Then jobs run on it, and it has a log of its own
    Sink.Collect<Long> out = Sinks.collect("out");
    assertThat(RemoteTestCluster.runtime().execute(doubling("after_restart", out)).collected(out))
        .containsExactly(2L, 4L, 6L);
    assertThat(CLUSTER.isTaskManagerAlive(replacement)).isTrue();
    assertThat(CLUSTER.logs()).containsKeys("jobmanager", "taskmanager-" + killed, "taskmanager-" + replacement);
  }
}
