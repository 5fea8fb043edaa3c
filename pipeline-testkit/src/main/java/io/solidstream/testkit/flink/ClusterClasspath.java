package io.solidstream.testkit.flink;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of the cluster's JVMs, picked from a test class path: the jars a Flink
 * distribution's {@code lib/} holds ({@code flink-dist-lib.txt} next to this class: Flink's own
 * jars and the libraries flink-dist bundles) plus an SLF4J binding for the logs (slf4j-simple, or
 * Log4j 2 as in a distribution). Directories, the project's jars, connectors and test libraries stay
 * out, so jobs must ship them as they would to a real cluster.
 *
 * <p>A jar's Maven coordinates come from its path in a Maven repository ({@code
 * .../org/apache/flink/flink-core/2.2.0/flink-core-2.2.0.jar}), else from the {@code
 * META-INF/maven/.../pom.properties} inside it. Jars named in the manifest {@code Class-Path} of a
 * class path jar count as on the class path (Maven Surefire starts tests with one such jar).
 */
final class ClusterClasspath {
  private static final String LIST = "flink-dist-lib.txt";
  private static final List<String[]> LOGGING = List.of(
      new String[] {"org.slf4j", "slf4j-simple"},
      new String[] {"org.apache.logging.log4j", "log4j-slf4j2-impl"});

  private ClusterClasspath() {}

  /** The cluster's jars among the entries of {@code classpath} (a class path string). */
  static List<Path> select(String classpath) {
    List<String[]> provided = provided();
    List<Path> selected = new ArrayList<>();
    for (Path entry : expand(entries(classpath))) {
      if (Files.isRegularFile(entry) && (matchesAny(entry, provided) || matchesAny(entry, LOGGING))) {
        selected.add(entry);
      }
    }
    return List.copyOf(selected);
  }

  /** Whether the selected jars bind SLF4J to slf4j-simple (else to Log4j 2, configured by file). */
  static boolean usesSlf4jSimple(List<Path> jars) {
    return jars.stream().anyMatch(jar -> matches(jar, "org.slf4j", "slf4j-simple"));
  }

  /** Whether the jars hold Flink's runtime (the JobManager and TaskManager entry points). */
  static boolean hasFlinkRuntime(List<Path> jars) {
    return jars.stream().anyMatch(jar -> matches(jar, "org.apache.flink", "flink-runtime")
        || matches(jar, "org.apache.flink", "flink-dist"));
  }

  private static List<Path> entries(String classpath) {
    List<Path> entries = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    return entries;
  }

  private static List<Path> expand(List<Path> classpath) {
    Set<Path> all = new LinkedHashSet<>();
    for (Path entry : classpath) {
      add(entry, all);
    }
    return List.copyOf(all);
  }

  private static void add(Path entry, Set<Path> all) {
    if (!all.add(entry) || !Files.isRegularFile(entry)) {
      return;
    }
    try (JarFile file = new JarFile(entry.toFile())) {
      Manifest manifest = file.getManifest();
      String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (value != null) {
        for (String url : value.trim().split("\\s+")) {
          if (!url.isEmpty()) {
            add(Path.of(entry.getParent().toUri().resolve(url)).toAbsolutePath().normalize(), all);
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // not a jar, or a Class-Path entry that is no file URL: nothing more on the class path
    }
  }

  private static boolean matchesAny(Path jar, List<String[]> coordinates) {
    for (String[] c : coordinates) {
      if (matches(jar, c[0], c[1])) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(Path jar, String group, String artifact) {
    String file = jar.getFileName().toString();
    Path versionDir = jar.getParent();
    Path artifactDir = versionDir == null ? null : versionDir.getParent();
    if (artifactDir != null && artifactDir.getFileName() != null
        && file.startsWith(artifactDir.getFileName() + "-" + versionDir.getFileName())) {
      Path groupDir = artifactDir.getParent();
      return groupDir != null && groupDir.endsWith(Path.of(group.replace('.', '/')))
          && nameMatches(artifactDir.getFileName().toString(), artifact);
    }
    try (JarFile zip = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith("META-INF/maven/" + group + "/") && entry.getName().endsWith("/pom.properties")) {
          Properties pom = new Properties();
          try (InputStream in = zip.getInputStream(entry)) {
            pom.load(in);
          }
          String id = pom.getProperty("artifactId", "");
          if (group.equals(pom.getProperty("groupId")) && file.startsWith(id) && nameMatches(id, artifact)) {
            return true;
          }
        }
      }
    } catch (IOException e) {
      // not a readable jar: not one of the cluster's
    }
    return false;
  }

  private static boolean nameMatches(String name, String pattern) {
    return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : name.equals(pattern);
  }

  private static List<String[]> provided() {
    InputStream in = ClusterClasspath.class.getResourceAsStream(LIST);
    if (in == null) {
      throw new IllegalStateException("resource " + LIST + " is missing from the pipeline-testkit jar");
    }
    List<String[]> provided = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          provided.add(entry.split(":", 2));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + LIST, e);
    }
    return provided;
  }
}
