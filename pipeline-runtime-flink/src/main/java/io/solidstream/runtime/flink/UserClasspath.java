package io.solidstream.runtime.flink;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The user's code to ship with a job to a remote cluster, found on this JVM's class path: every
 * jar the cluster lacks (not the JDK's, not those of a Flink distribution, see {@link
 * FlinkDistribution}) and every directory, merged into one jar ({@link ClasspathJar}) that later
 * jobs reuse until an entry changes.
 *
 * <p>Jars named in the {@code Class-Path} of a jar's manifest are on the class path too (build tools
 * such as Maven Surefire start the JVM with one manifest-only jar); a manifest-only jar itself is
 * not shipped. What is learnt by opening a jar (its manifest, whether Flink provides it) is kept
 * per path, size and modification time, so a job only looks at the files' attributes again.
 */
final class UserClasspath {
  private static final Map<JarKey, JarFacts> FACTS = new ConcurrentHashMap<>();

  private record JarKey(Path path, long size, long modified) {}

  /** What a jar's content says: the entries its manifest names, manifest-only, provided by Flink. */
  private record JarFacts(List<Path> classPath, boolean manifestOnly, boolean provided) {}

  private UserClasspath() {}

  /** The jars to ship for this JVM's {@code java.class.path}: one merged jar, or none. */
  static List<Path> jarsToShip() {
    return jarsToShip(entries(System.getProperty("java.class.path", "")));
  }

  /** The jars to ship for the class path {@code classpath}: one merged jar, or none if nothing is to ship. */
  static List<Path> jarsToShip(List<Path> classpath) {
    return ClasspathJar.of(entriesToShip(classpath)).map(List::of).orElse(List.of());
  }

  /** The jars and directories of {@code classpath} that the cluster lacks, in class path order. */
  static List<Path> entriesToShip(List<Path> classpath) {
    Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
    List<Path> ship = new ArrayList<>();
    for (Path entry : expand(classpath)) {
      if (entry.startsWith(javaHome)) {
        continue;
      }
      if (Files.isDirectory(entry)) {
        ship.add(entry);
      } else if (Files.isRegularFile(entry)) {
        JarFacts facts = facts(entry);
        if (!facts.manifestOnly() && !facts.provided()) {
          ship.add(entry);
        }
      }
    }
    return List.copyOf(ship);
  }

  /** The entries of a class path string, absolute and normalized. */
  static List<Path> entries(String classpath) {
    List<Path> entries = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    return entries;
  }

  /** The class path with the manifest {@code Class-Path} entries of its jars added after each jar. */
  static List<Path> expand(List<Path> classpath) {
    Set<Path> all = new LinkedHashSet<>();
    for (Path entry : classpath) {
      addWithManifestClassPath(entry, all);
    }
    return List.copyOf(all);
  }

  private static void addWithManifestClassPath(Path entry, Set<Path> all) {
    if (!all.add(entry) || !Files.isRegularFile(entry)) {
      return;
    }
    for (Path referenced : facts(entry).classPath()) {
      addWithManifestClassPath(referenced, all);
    }
  }

  private static JarFacts facts(Path jar) {
    JarKey key;
    try {
      key = new JarKey(jar, Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read class path entry " + jar, e);
    }
    return FACTS.computeIfAbsent(key, k -> new JarFacts(manifestClassPath(jar), manifestOnly(jar),
        FlinkDistribution.provides(jar)));
  }

  private static List<Path> manifestClassPath(Path jar) {
    List<Path> referenced = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (value != null) {
        for (String url : value.trim().split("\\s+")) {
          if (!url.isEmpty()) {
            referenced.add(Path.of(jar.getParent().toUri().resolve(url)).toAbsolutePath().normalize());
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // not a jar, or an entry that is no file URL: nothing referenced
    }
    return List.copyOf(referenced);
  }

  /** A jar without classes or resources whose manifest only names other class path entries. */
  private static boolean manifestOnly(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      if (manifest == null || manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) == null) {
        return false;
      }
      return file.stream().allMatch(e -> e.isDirectory() || e.getName().startsWith("META-INF/"));
    } catch (IOException e) {
      return false;
    }
  }
}
