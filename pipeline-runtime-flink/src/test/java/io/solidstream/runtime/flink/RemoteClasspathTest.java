package io.solidstream.runtime.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a job ships to a remote cluster, found on the class path (no cluster needed). */
class RemoteClasspathTest {

  private static List<String> names(List<Path> jars) {
    return jars.stream().map(p -> p.getFileName().toString()).toList();
  }

  @Test
  void theClassPathIsShippedWithoutTheJdkAndWhatAFlinkDistributionHas() {
    List<Path> entries = UserClasspath.entriesToShip(UserClasspath.entries(System.getProperty("java.class.path")));

    assertThat(names(entries))
        .contains("classes", "test-classes")                                 // this module's classes and test classes
        .anyMatch(n -> n.startsWith("jackson-databind-"))                    // libraries Flink's lib/ lacks
        .noneMatch(n -> n.startsWith("flink-core-") || n.startsWith("flink-connector-datagen-") || n.startsWith("flink-runtime-")
            || n.startsWith("flink-streaming-java-") || n.startsWith("flink-shaded-"))
        .noneMatch(n -> n.startsWith("kryo-") || n.startsWith("commons-lang3-") || n.startsWith("slf4j-api-"));
    Path javaHome = Path.of(System.getProperty("java.home"));
    assertThat(entries).noneMatch(p -> p.startsWith(javaHome));
  }

  @Test
  void aJobShipsTheClassPathAsOneMergedJarWithTheClassesOfEveryEntry() throws IOException {
    List<Path> shipped = UserClasspath.jarsToShip();

    assertThat(shipped).hasSize(1);
    assertThat(UserClasspath.jarsToShip()).as("the next job reuses the jar").isEqualTo(shipped);
    try (JarFile jar = new JarFile(shipped.get(0).toFile())) {
      assertThat(jar.getEntry("io/solidstream/runtime/flink/RemoteClasspathTest.class")).isNotNull();
      assertThat(jar.getEntry("io/solidstream/runtime/flink/FlinkCluster.class")).isNotNull();
      assertThat(jar.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class")).isNotNull();
      assertThat(jar.getEntry("org/apache/flink/api/common/functions/MapFunction.class")).isNull();
    }
  }

  @Test
  void jarsNamedInAManifestClassPathAreShippedButTheManifestOnlyJarIsNot(@TempDir Path dir) throws IOException {
    // Given a manifest-only jar, as Maven Surefire starts tests with, naming a library jar and a directory
    Path library = dir.resolve("lib/orders-model-1.0.jar");
    Files.createDirectories(library.getParent());
    writeJar(library, null, "com/acme/Order.class");
    Path classes = Files.createDirectories(dir.resolve("classes/com/acme")).getParent().getParent();
    Files.writeString(classes.resolve("com/acme/Main.class"), "main");
    Path booter = dir.resolve("booter.jar");
    writeJar(booter, "lib/orders-model-1.0.jar classes/", null);

    // When the class path is that one jar
    List<Path> shipped = UserClasspath.entriesToShip(List.of(booter));

    // Then what it names is shipped, and it is not
    assertThat(shipped).containsExactly(library, classes);
  }

  @Test
  void aJarIsRecognisedAsFlinksByItsPomPropertiesOutsideAMavenRepository(@TempDir Path dir) throws IOException {
    Path flinkCore = dir.resolve("flink-core-2.2.0.jar");
    writeJar(flinkCore, null, "META-INF/maven/org.apache.flink/flink-core/pom.properties");
    Path connector = dir.resolve("flink-connector-kafka-4.0.0.jar");
    writeJar(connector, null, "META-INF/maven/org.apache.flink/flink-connector-kafka/pom.properties");

    assertThat(FlinkDistribution.provides(flinkCore)).isTrue();
    assertThat(FlinkDistribution.provides(connector)).isFalse();
  }

  @Test
  void theTestKitsClusterHoldsExactlyWhatAJobDoesNotShip() throws IOException {
    assertThat(entries("/io/solidstream/testkit/flink/flink-dist-lib.txt"))
        .isEqualTo(entries("/io/solidstream/runtime/flink/flink-dist-lib.txt"))
        .isNotEmpty();
  }

  private static List<String> entries(String resource) throws IOException {
    try (InputStream in = RemoteClasspathTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      List<String> entries = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          entries.add(line.strip());
        }
      }
      return entries;
    }
  }

  /** A jar with a manifest (and {@code Class-Path} if given) and one entry (a pom.properties gets coordinates). */
  private static void writeJar(Path jar, String classPath, String entry) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
      if (entry != null) {
        zip.putNextEntry(new ZipEntry(entry));
        if (entry.endsWith("pom.properties")) {
          String[] parts = entry.split("/");
          zip.write(("groupId=" + parts[2] + "\nartifactId=" + parts[3] + "\nversion=1\n").getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
      }
    }
  }
}
