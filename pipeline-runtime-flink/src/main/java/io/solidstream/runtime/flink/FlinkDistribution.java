package io.solidstream.runtime.flink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What the {@code lib/} directory of a Flink distribution provides (listed in {@code
 * flink-dist-lib.txt} next to this class): the jars a remote cluster already has, so they are not
 * shipped with a job.
 *
 * <p>A jar's Maven coordinates come from its path when it lies in a Maven repository ({@code
 * .../org/apache/flink/flink-core/2.2.0/flink-core-2.2.0.jar}), else from the {@code
 * META-INF/maven/<group>/<artifact>/pom.properties} inside it whose artifact the file name starts
 * with. A jar with neither is the user's.
 */
final class FlinkDistribution {
  private static final String LIST = "flink-dist-lib.txt";
  private static final List<String[]> PROVIDED = load();

  private FlinkDistribution() {}

  /** Whether {@code jar} is one a Flink distribution's {@code lib/} already holds. */
  static boolean provides(Path jar) {
    for (String[] entry : PROVIDED) {
      if (matches(jar, entry[0], entry[1])) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Path jar, String group, String artifact) {
    String file = jar.getFileName().toString();
    Path versionDir = jar.getParent();
    Path artifactDir = versionDir == null ? null : versionDir.getParent();
    if (artifactDir != null && artifactDir.getFileName() != null
        && file.startsWith(artifactDir.getFileName() + "-" + versionDir.getFileName())) {
      Path groupDir = artifactDir.getParent();
      return groupDir != null && groupDir.endsWith(Path.of(group.replace('.', '/')))
          && nameMatches(artifactDir.getFileName().toString(), artifact);
    }
    for (String[] coordinates : pomCoordinates(jar)) {
      if (coordinates[0].equals(group) && file.startsWith(coordinates[1]) && nameMatches(coordinates[1], artifact)) {
        return true;
      }
    }
    return false;
  }

  private static boolean nameMatches(String name, String pattern) {
    return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : name.equals(pattern);
  }

  /** The (group, artifact) of every {@code pom.properties} in the jar (none if it is not a jar). */
  private static List<String[]> pomCoordinates(Path jar) {
    List<String[]> found = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
          Properties pom = new Properties();
          try (InputStream in = file.getInputStream(entry)) {
            pom.load(in);
          }
          String group = pom.getProperty("groupId");
          String artifact = pom.getProperty("artifactId");
          if (group != null && artifact != null) {
            found.add(new String[] {group, artifact});
          }
        }
      }
    } catch (IOException e) {
      // not a readable jar: no coordinates, so it is the user's
    }
    return found;
  }

  private static List<String[]> load() {
    InputStream in = FlinkDistribution.class.getResourceAsStream(LIST);
    if (in == null) {
      throw new IllegalStateException("resource " + LIST + " is missing from the pipeline-runtime-flink jar");
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
    return List.copyOf(provided);
  }
}
