package io.solidstream.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's three jars as {@code mvn package} builds them (docs/deployment.md): the minimal
 * jar holds only the application, the dependencies jar everything else but Flink, and the fat jar
 * both; the fat jar alone, and the minimal jar with the dependencies jar, run a sample in a JVM of
 * their own.
 */
class PackagedJarsIT {
  private static final String SAMPLES = "io/solidstream/samples/";

  @TempDir
  Path tmp;

  private static Path jar(String property) {
    Path jar = Path.of(System.getProperty(property, "")).toAbsolutePath();
    assertThat(jar).as("%s: build the jars with mvn package", property).isRegularFile();
    return jar;
  }

  private static List<String> classes(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class"))
          .filter(name -> !name.startsWith("META-INF/")).toList();
    }
  }

  @Test
  void theMinimalJarHoldsOnlyTheApplicationAndItsPipelineRegistry() throws IOException {
    Path minimal = jar("samples.jar");

    assertThat(classes(minimal)).isNotEmpty().allMatch(name -> name.startsWith(SAMPLES));
    try (JarFile file = new JarFile(minimal.toFile())) {
      assertThat(file.getEntry("META-INF/services/io.solidstream.api.run.PipelineRegistry")).isNotNull();
      assertThat(file.getEntry("orders.csv")).as("the application's resources").isNotNull();
    }
  }

  @Test
  void theDependenciesJarHoldsEverythingButTheApplicationAndFlink() throws IOException {
    List<String> classes = classes(jar("samples.deps.jar"));

    assertThat(classes).noneMatch(name -> name.startsWith(SAMPLES)).noneMatch(name -> name.startsWith("org/apache/flink/"))
        .contains("io/solidstream/api/pipeline/PipelineDefinition.class",
            "io/solidstream/runtime/local/LocalRuntime.class");
  }

  @Test
  void theFatJarIsBothWithAMainClassAndRunsASampleAlone() throws Exception {
    Path fat = jar("samples.all.jar");
    assertThat(classes(fat)).containsAll(classes(jar("samples.jar"))).containsAll(classes(jar("samples.deps.jar")));
    try (JarFile file = new JarFile(fat.toFile())) {
      Manifest manifest = file.getManifest();
      assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo(Main.class.getName());
    }

    Run run = java("-jar", fat.toString(), "click-counts");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("Stream program  click_counts\nStatus          FINISHED\n");
  }

  @Test
  void theMinimalJarWithTheDependenciesJarRunsTheSameSample() throws Exception {
    String classpath = jar("samples.jar") + File.pathSeparator + jar("samples.deps.jar");

    Run split = java("-cp", classpath, Main.class.getName(), "click-counts");
    Run fat = java("-jar", jar("samples.all.jar").toString(), "click-counts");

    assertThat(split.exitCode()).as(split.toString()).isZero();
    assertThat(split.out()).isEqualTo(fat.out());
  }

  /** The exit code and output of one JVM. */
  record Run(int exitCode, String out, String err) {}

  private Run java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process process = new ProcessBuilder(command).directory(tmp.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not finish within 120 s: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
