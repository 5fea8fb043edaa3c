package io.solidstream.runtime.flink;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One jar holding a list of class path entries (jars and directories), built once per JVM for
 * each fingerprint of that list and reused by every later job: a job then ships one file instead
 * of one per library, and the per-file costs go away (the JobManager's BlobServer stores the files
 * of every job anew, and each TaskManager fetches them anew for every job).
 *
 * <p>The fingerprint is a SHA-256 of the entries in order: of each jar its path, size and
 * modification time, of each directory every file's relative path and content. A changed jar or
 * class file gives a new fingerprint and so a new jar.
 *
 * <p>Merging keeps the class path's semantics as far as one jar can:
 *
 * <ul>
 *   <li>the first entry of a name wins, as it does when a class loader searches the jars in
 *       order; a later duplicate is dropped with a debug log line;
 *   <li>{@code META-INF/services/*} files are merged: every provider line of every entry, each
 *       once, in class path order, so {@link java.util.ServiceLoader} finds them all;
 *   <li>signature files ({@code META-INF/*.SF}, {@code *.RSA}, {@code *.DSA}, {@code *.EC}) are
 *       dropped (they would not match the merged jar), and so is {@code module-info.class}: the
 *       cluster loads user code from the class path, not as modules;
 *   <li>the manifest is a new one; it says {@code Multi-Release: true} if any merged jar did.
 * </ul>
 *
 * <p>Other resources that several libraries provide under one name (such as {@code
 * reference.conf}) keep the first one only; ship such libraries as they are with {@link
 * FlinkCluster.Remote#withJars(List)}. Jar entries are copied without being inflated and
 * compressed again. Merged jars are written to {@code java.io.tmpdir/solidstream-flink-jars} and
 * deleted at JVM exit.
 */
final class ClasspathJar {
  private static final Logger LOG = LoggerFactory.getLogger(ClasspathJar.class);
  private static final String SERVICES = "META-INF/services/";
  private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)",
      Pattern.CASE_INSENSITIVE);
  /** The merged jars built in this JVM, by fingerprint. */
  private static final Map<String, Path> BUILT = Collections.synchronizedMap(new LinkedHashMap<>());

  private ClasspathJar() {}

  /**
   * The merged jar of {@code entries} (jars and directories, in class path order): the one built
   * before for the same fingerprint if it still exists, else a new one. Empty if the entries hold
   * no file.
   *
   * @throws UncheckedIOException if an entry cannot be read or the jar cannot be written
   */
  static Optional<Path> of(List<Path> entries) {
    Optional<String> fingerprint = fingerprint(entries);
    if (fingerprint.isEmpty()) {
      return Optional.empty();
    }
    synchronized (BUILT) {
      Path jar = BUILT.get(fingerprint.get());
      if (jar == null || !Files.isRegularFile(jar)) {
        jar = build(entries, fingerprint.get());
        BUILT.put(fingerprint.get(), jar);
      }
      return Optional.of(jar);
    }
  }

  /** The fingerprint of {@code entries}, or empty if they hold no file (see the class comment). */
  static Optional<String> fingerprint(List<Path> entries) {
    Hasher hasher = Hashing.sha256().newHasher();
    boolean any = false;
    try {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          hasher.putString("dir:" + entry, StandardCharsets.UTF_8);
          for (Path file : files(entry)) {
            any = true;
            hasher.putString(name(entry, file), StandardCharsets.UTF_8).putByte((byte) 0);
            hasher.putBytes(Files.readAllBytes(file));
          }
        } else if (Files.isRegularFile(entry)) {
          any = true;
          hasher.putString("jar:" + entry, StandardCharsets.UTF_8)
              .putLong(Files.size(entry))
              .putLong(Files.getLastModifiedTime(entry).toMillis());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the class path to ship to the Flink cluster: " + e.getMessage(), e);
    }
    return any ? Optional.of(hasher.hash().toString().substring(0, 16)) : Optional.empty();
  }

  private static Path build(List<Path> entries, String fingerprint) {
    long start = System.nanoTime();
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "solidstream-flink-jars");
    String base = entries.size() == 1 && entries.get(0).getFileName() != null
        ? entries.get(0).getFileName().toString().replaceAll("\\.jar$", "") : "classpath";
    try {
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, base + "-" + fingerprint + "-", ".jar.partial");
      partial.toFile().deleteOnExit();
      Merger merger = new Merger();
      try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(partial.toFile())) {
        merger.writeManifest(out, anyMultiRelease(entries));
        for (Path entry : entries) {
          if (Files.isDirectory(entry)) {
            merger.addDirectory(entry, out);
          } else if (Files.isRegularFile(entry)) {
            merger.addJar(entry, out);
          }
        }
        merger.finish(out);
      }
      Path jar = Path.of(partial.toString().substring(0, partial.toString().length() - ".partial".length()));
      Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
      jar.toFile().deleteOnExit();
      LOG.info("Merged {} class path entries into {} ({} bytes, {} ms) to ship to the Flink cluster", entries.size(),
          jar, Files.size(jar), (System.nanoTime() - start) / 1_000_000);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("could not merge the class path into one jar to ship to the Flink cluster: "
          + e.getMessage() + "; check that java.io.tmpdir (" + System.getProperty("java.io.tmpdir") + ") is"
          + " writable, or ship jars of your own with FlinkCluster.remote(...).withJars(...)", e);
    }
  }

  /** Whether a jar among {@code entries} is a multi-release jar ({@code Multi-Release: true}). */
  private static boolean anyMultiRelease(List<Path> entries) throws IOException {
    for (Path entry : entries) {
      if (Files.isRegularFile(entry)) {
        try (JarFile jar = new JarFile(entry.toFile(), false)) {
          Manifest manifest = jar.getManifest();
          if (manifest != null
              && "true".equalsIgnoreCase(manifest.getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<Path> files(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String name(Path directory, Path file) {
    return directory.relativize(file).toString().replace(File.separatorChar, '/');
  }

  /** The state of one merge: names written, service files gathered, whether a jar was multi-release. */
  private static final class Merger {
    private final Set<String> written = new HashSet<>();
    private final Map<String, Set<String>> services = new LinkedHashMap<>();

    /** Writes the manifest, first as in any jar (with the {@code META-INF/} directory entry before it). */
    void writeManifest(ZipArchiveOutputStream out, boolean multiRelease) throws IOException {
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.getMainAttributes().putValue("Created-By", "Solidstream (merged class path)");
      if (multiRelease) {
        manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      manifest.write(bytes);
      written.add("META-INF/");
      out.putArchiveEntry(new ZipArchiveEntry("META-INF/"));
      out.closeArchiveEntry();
      out.putArchiveEntry(new ZipArchiveEntry(JarFile.MANIFEST_NAME));
      out.write(bytes.toByteArray());
      out.closeArchiveEntry();
    }

    void addJar(Path jar, ZipArchiveOutputStream out) throws IOException {
      try (ZipFile zip = ZipFile.builder().setFile(jar.toFile()).get()) {
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
          String name = entry.getName();
          if (skipped(name)) {
            continue;
          }
          if (isService(name)) {
            try (InputStream in = zip.getInputStream(entry)) {
              addService(name, in);
            }
            continue;
          }
          if (!claim(name, jar)) {
            continue;
          }
          ZipArchiveEntry copy = new ZipArchiveEntry(name);
          copy.setTime(entry.getTime());
          if (entry.isDirectory()) {
            out.putArchiveEntry(copy);
            out.closeArchiveEntry();
            continue;
          }
          copy.setMethod(entry.getMethod());
          copy.setCrc(entry.getCrc());
          copy.setSize(entry.getSize());
          copy.setCompressedSize(entry.getCompressedSize());
          try (InputStream raw = zip.getRawInputStream(entry)) {
            out.addRawArchiveEntry(copy, raw);
          }
        }
      }
    }

    void addDirectory(Path directory, ZipArchiveOutputStream out) throws IOException {
      for (Path file : files(directory)) {
        String name = name(directory, file);
        if (skipped(name)) {
          continue;
        }
        if (isService(name)) {
          try (InputStream in = Files.newInputStream(file)) {
            addService(name, in);
          }
          continue;
        }
        if (!claim(name, directory)) {
          continue;
        }
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setTime(Files.getLastModifiedTime(file).toMillis());
        out.putArchiveEntry(entry);
        Files.copy(file, out);
        out.closeArchiveEntry();
      }
    }

    /** Writes the merged service files. */
    void finish(ZipArchiveOutputStream out) throws IOException {
      for (Map.Entry<String, Set<String>> service : services.entrySet()) {
        ZipArchiveEntry entry = new ZipArchiveEntry(service.getKey());
        out.putArchiveEntry(entry);
        out.write((String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeArchiveEntry();
      }
    }

    /** Whether {@code name} is the first of its name (else logs that it is dropped). */
    private boolean claim(String name, Path source) {
      if (written.add(name)) {
        return true;
      }
      if (!name.endsWith("/")) {
        LOG.debug("{} of {} is left out of the merged class path jar: an earlier class path entry has it", name,
            source);
      }
      return false;
    }

    private void addService(String name, InputStream in) throws IOException {
      Set<String> providers = services.computeIfAbsent(name, n -> new LinkedHashSet<>());
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        int comment = line.indexOf('#');
        String provider = (comment >= 0 ? line.substring(0, comment) : line).strip();
        if (!provider.isEmpty()) {
          providers.add(provider);
        }
      }
    }
  }

  private static boolean isService(String name) {
    return name.startsWith(SERVICES) && name.length() > SERVICES.length() && name.indexOf('/', SERVICES.length()) < 0;
  }

  /** The manifest (written anew), signature files and module descriptors. */
  private static boolean skipped(String name) {
    return name.equalsIgnoreCase(JarFile.MANIFEST_NAME)
        || SIGNATURE.matcher(name).matches()
        || name.equals("module-info.class")
        || name.startsWith("META-INF/versions/") && name.endsWith("/module-info.class");
  }
}
