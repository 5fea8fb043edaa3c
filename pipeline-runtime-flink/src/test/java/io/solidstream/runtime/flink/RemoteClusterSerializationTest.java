package io.solidstream.runtime.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.util.FlinkUserCodeClassLoaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a remote cluster handle becomes on the other side of Java serialization (a task manager). */
class RemoteClusterSerializationTest {

  private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  @Test
  void aRemoteClusterTravelsAsItsRestAddressWithoutTheClientsJarPaths(@TempDir Path dir) throws Exception {
    Path jar = Files.createFile(dir.resolve("etl.jar"));
    FlinkCluster.Remote cluster = FlinkCluster.remote("flink-jm.internal", 8082).withJars(List.of(jar));

    FlinkCluster.Remote copy = (FlinkCluster.Remote) roundTrip(cluster);

    assertThat(copy.host()).isEqualTo("flink-jm.internal");
    assertThat(copy.port()).isEqualTo(8082);
    assertThat(copy.name()).isEqualTo("flink-remote");
    assertThat(copy).hasToString("FlinkCluster{flink-remote, flink-jm.internal:8082, class path}");
  }

  @Test
  void insideAFlinkJobTheJarsToShipAreTheFilesOfTheJobsUserCodeClassLoader(@TempDir Path dir) throws Exception {
    Path first = Files.createFile(dir.resolve("blob_p-1"));
    Path second = Files.createFile(dir.resolve("blob_p-2"));
    ClassLoader userCode = FlinkUserCodeClassLoaders.childFirst(
        new URL[] {first.toUri().toURL(), second.toUri().toURL()}, getClass().getClassLoader(),
        new String[0], error -> { }, false);

    assertThat(RemoteClusterTarget.jobJars(userCode)).containsExactly(first, second);
    assertThat(RemoteClusterTarget.jobJars(getClass().getClassLoader())).isNull();
  }
}
