package io.solidstream.runtime.flink;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The user's code to ship with a job to a remote cluster, found on this JVM's class path: every
 * jar the cluster lacks (not the JDK's, not those of a Flink distribution, see {@link
 * FlinkDistribution}), and every directory packed into a temporary jar.
 *
 * <p>Jars named in the {@code Class-Path} of a jar's manifest are on the class path too (build tools
 * such as Maven Surefire start the JVM with one manifest-only jar); a manifest-only jar itself is
 * not shipped. Packed directories are cached per content (every file's path, size and modification
 * time): later jobs reuse the jar until a file changes. Temporary jars are deleted at JVM exit.
 */
final class UserClasspath {
  private static final Map<Path, Packed> PACKED = new ConcurrentHashMap<>();
  private static final FileTime EPOCH = FileTime.fromMillis(0);

  private record Packed(String fingerprint, Path jar) {}

  private UserClasspath() {}

  /** The jars to ship for this JVM's {@code java.class.path}. */
  static List<Path> jarsToShip() {
    return jarsToShip(entries(System.getProperty("java.class.path", "")));
  }

  /** The jars to ship for the class path {@code classpath}, in its order. */
  static List<Path> jarsToShip(List<Path> classpath) {
    Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
    List<Path> jars = new ArrayList<>();
    for (Path entry : expand(classpath)) {
      if (entry.startsWith(javaHome)) {
        continue;
      }
      if (Files.isDirectory(entry)) {
        packed(entry).ifPresent(jars::add);
      } else if (Files.isRegularFile(entry) && !manifestOnly(entry) && !FlinkDistribution.provides(entry)) {
        jars.add(entry);
      }
    }
    return List.copyOf(jars);
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
    for (Path referenced : manifestClassPath(entry)) {
      addWithManifestClassPath(referenced, all);
    }
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
    return referenced;
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

  /** The jar of a class path directory (none if it holds no files), packed now or cached. */
  static Optional<Path> packed(Path directory) {
    List<Path> files = files(directory);
    if (files.isEmpty()) {
      return Optional.empty();
    }
    String fingerprint = fingerprint(directory, files);
    Packed cached = PACKED.get(directory);
    if (cached != null && cached.fingerprint().equals(fingerprint) && Files.isRegularFile(cached.jar())) {
      return Optional.of(cached.jar());
    }
    Packed fresh = new Packed(fingerprint, pack(directory, files, fingerprint));
    PACKED.put(directory, fresh);
    return Optional.of(fresh.jar());
  }

  private static List<Path> files(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list class path directory " + directory, e);
    }
  }

  private static String fingerprint(Path directory, List<Path> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(directory.toString().getBytes(StandardCharsets.UTF_8));
      for (Path file : files) {
        digest.update(directory.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.UTF_8));
        digest.update(Long.toString(Files.getLastModifiedTime(file).toMillis()).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read class path directory " + directory, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static Path pack(Path directory, List<Path> files, String fingerprint) {
    try {
      Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "solidstream-flink-jars"));
      String base = directory.getFileName() == null ? "root" : directory.getFileName().toString();
      Path jar = Files.createTempFile(dir, base + "-" + fingerprint + "-", ".jar");
      jar.toFile().deleteOnExit();
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
        for (Path file : files) {
          String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
          if (name.equals(JarFile.MANIFEST_NAME)) {
            continue;
          }
          JarEntry entry = new JarEntry(name);
          entry.setLastModifiedTime(EPOCH);
          zip.putNextEntry(entry);
          Files.copy(file, zip);
          zip.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("could not pack class path directory " + directory + " into a jar to ship to"
          + " the Flink cluster; check that java.io.tmpdir (" + System.getProperty("java.io.tmpdir")
          + ") is writable", e);
    }
  }
}
