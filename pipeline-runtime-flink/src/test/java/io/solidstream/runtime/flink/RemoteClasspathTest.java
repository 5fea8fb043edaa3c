package io.solidstream.runtime.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
    List<Path> shipped = UserClasspath.jarsToShip();

    assertThat(names(shipped))
        .anyMatch(n -> n.startsWith("classes-") && n.endsWith(".jar"))      // this module's classes, packed
        .anyMatch(n -> n.startsWith("test-classes-") && n.endsWith(".jar")) // and its test classes
        .anyMatch(n -> n.startsWith("jackson-databind-"))                    // libraries Flink's lib/ lacks
        .anyMatch(n -> n.startsWith("flink-connector-datagen-"))             // connectors are the job's
        .noneMatch(n -> n.startsWith("flink-core-") || n.startsWith("flink-runtime-")
            || n.startsWith("flink-streaming-java-") || n.startsWith("flink-shaded-"))
        .noneMatch(n -> n.startsWith("kryo-") || n.startsWith("commons-lang3-") || n.startsWith("slf4j-api-"));
    Path javaHome = Path.of(System.getProperty("java.home"));
    assertThat(shipped).noneMatch(p -> p.startsWith(javaHome)).allMatch(Files::isRegularFile);
  }

  @Test
  void aClassPathDirectoryIsPackedOnceAndRepackedWhenAFileChanges(@TempDir Path dir) throws IOException {
    Path classes = Files.createDirectories(dir.resolve("app-classes"));
    Files.createDirectories(classes.resolve("com/acme"));
    Files.writeString(classes.resolve("com/acme/Orders.class"), "not really bytecode");
    Files.writeString(classes.resolve("orders.yaml"), "limit: 10");

    Path first = UserClasspath.packed(classes).orElseThrow();
    Path again = UserClasspath.packed(classes).orElseThrow();
    Files.writeString(classes.resolve("orders.yaml"), "limit: 100");
    Files.setLastModifiedTime(classes.resolve("orders.yaml"), FileTime.fromMillis(1_000_000));
    Path changed = UserClasspath.packed(classes).orElseThrow();

    assertThat(again).isEqualTo(first);
    assertThat(changed).isNotEqualTo(first);
    assertThat(first.getFileName().toString()).startsWith("app-classes-").endsWith(".jar");
    try (JarFile jar = new JarFile(changed.toFile())) {
      assertThat(jar.stream().map(ZipEntry::getName)).contains("com/acme/Orders.class", "orders.yaml");
      try (InputStream in = jar.getInputStream(jar.getEntry("orders.yaml"))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("limit: 100");
      }
    }
    assertThat(UserClasspath.packed(Files.createDirectories(dir.resolve("empty")))).isEmpty();
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
    List<Path> shipped = UserClasspath.jarsToShip(List.of(booter));

    // Then what it names is shipped, and it is not
    assertThat(shipped).hasSize(2).contains(library).doesNotContain(booter);
    assertThat(names(shipped)).anyMatch(n -> n.startsWith("classes-"));
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
