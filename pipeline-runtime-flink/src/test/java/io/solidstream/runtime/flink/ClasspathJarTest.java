package io.solidstream.runtime.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging class path entries into the one jar a remote job ships (no cluster needed). */
class ClasspathJarTest {
  @TempDir
  Path dir;

  @Test
  void theServiceFilesOfEveryEntryAreMergedSoAServiceLoaderFindsEveryProvider() throws IOException {
    // Given two jars and a directory each registering providers of one service, one of them twice
    Path first = jar("first.jar", Map.of("META-INF/services/com.acme.Codec", "com.acme.JsonCodec\n# a comment\n"));
    Path second = jar("second.jar", Map.of("META-INF/services/com.acme.Codec", "com.acme.CsvCodec\ncom.acme.JsonCodec\n",
        "META-INF/services/com.acme.Store", "com.acme.FileStore"));
    Path classes = directory("classes", Map.of("META-INF/services/com.acme.Codec", "com.acme.AvroCodec  # ours\n"));

    // When they are merged
    Path merged = ClasspathJar.of(List.of(first, second, classes)).orElseThrow();

    // Then each service file lists every provider once, in class path order
    assertThat(read(merged, "META-INF/services/com.acme.Codec").lines())
        .containsExactly("com.acme.JsonCodec", "com.acme.CsvCodec", "com.acme.AvroCodec");
    assertThat(read(merged, "META-INF/services/com.acme.Store").lines()).containsExactly("com.acme.FileStore");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {merged.toUri().toURL()}, null)) {
      assertThat(Collections.list(loader.getResources("META-INF/services/com.acme.Codec"))).hasSize(1);
    }
  }

  @Test
  void signatureFilesAndModuleDescriptorsAreDropped() throws IOException {
    Path signed = jar("signed.jar", Map.of(
        "META-INF/ACME.SF", "signature", "META-INF/ACME.RSA", "key", "META-INF/OTHER.DSA", "key",
        "module-info.class", "module", "META-INF/versions/11/module-info.class", "module",
        "com/acme/Signed.class", "class"));

    Path merged = ClasspathJar.of(List.of(signed)).orElseThrow();

    assertThat(names(merged)).contains("com/acme/Signed.class", "META-INF/MANIFEST.MF")
        .doesNotContain("META-INF/ACME.SF", "META-INF/ACME.RSA", "META-INF/OTHER.DSA", "module-info.class",
            "META-INF/versions/11/module-info.class");
    try (JarFile jar = new JarFile(merged.toFile(), true)) {
      assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.MANIFEST_VERSION)).isEqualTo("1.0");
      assertThat(new String(jar.getInputStream(jar.getEntry("com/acme/Signed.class")).readAllBytes(),
          StandardCharsets.UTF_8)).isEqualTo("class");
    }
  }

  @Test
  void theFirstEntryOfANameWinsAsOnTheClassPath() throws IOException {
    Path classes = directory("classes", Map.of("app.properties", "from classes"));
    Path library = jar("library.jar", Map.of("app.properties", "from library", "com/acme/Lib.class", "lib"));
    Path other = jar("other.jar", Map.of("com/acme/Lib.class", "other"));

    Path merged = ClasspathJar.of(List.of(classes, library, other)).orElseThrow();

    assertThat(read(merged, "app.properties")).isEqualTo("from classes");
    assertThat(read(merged, "com/acme/Lib.class")).isEqualTo("lib");
    assertThat(names(merged)).filteredOn("com/acme/Lib.class"::equals).hasSize(1);
  }

  @Test
  void aMultiReleaseJarKeepsItsVersionedClassesEffective() throws IOException {
    Path multiRelease = jar("mr.jar", Map.of("com/acme/Fast.class", "8", "META-INF/versions/11/com/acme/Fast.class", "11"),
        true);

    Path merged = ClasspathJar.of(List.of(multiRelease)).orElseThrow();

    try (JarFile jar = new JarFile(merged.toFile(), true, java.util.zip.ZipFile.OPEN_READ, Runtime.version())) {
      assertThat(jar.isMultiRelease()).isTrue();
      assertThat(new String(jar.getInputStream(jar.getJarEntry("com/acme/Fast.class")).readAllBytes(),
          StandardCharsets.UTF_8)).isEqualTo("11");
    }
  }

  @Test
  void theSameClassPathReusesTheJarBuiltBefore() throws IOException {
    Path classes = directory("classes", Map.of("com/acme/Orders.class", "orders"));
    Path library = jar("library.jar", Map.of("com/acme/Lib.class", "lib"));

    Path first = ClasspathJar.of(List.of(classes, library)).orElseThrow();
    Path again = ClasspathJar.of(List.of(classes, library)).orElseThrow();

    assertThat(again).isEqualTo(first);
    assertThat(ClasspathJar.of(List.of(library, classes)).orElseThrow()).as("another order").isNotEqualTo(first);
  }

  @Test
  void aChangedFileInADirectoryGivesANewJarEvenWithTheSameSizeAndTime() throws IOException {
    Path classes = directory("classes", Map.of("orders.yaml", "limit: 10"));
    Path yaml = classes.resolve("orders.yaml");
    FileTime time = Files.getLastModifiedTime(yaml);
    Path first = ClasspathJar.of(List.of(classes)).orElseThrow();

    Files.writeString(yaml, "limit: 99");
    Files.setLastModifiedTime(yaml, time);
    Path changed = ClasspathJar.of(List.of(classes)).orElseThrow();

    assertThat(changed).isNotEqualTo(first);
    assertThat(read(changed, "orders.yaml")).isEqualTo("limit: 99");
  }

  @Test
  void aReplacedJarGivesANewJar() throws IOException {
    Path library = jar("library.jar", Map.of("com/acme/Lib.class", "v1"));
    Path first = ClasspathJar.of(List.of(library)).orElseThrow();

    jar("library.jar", Map.of("com/acme/Lib.class", "version 2"));
    Path changed = ClasspathJar.of(List.of(library)).orElseThrow();

    assertThat(changed).isNotEqualTo(first);
    assertThat(read(changed, "com/acme/Lib.class")).isEqualTo("version 2");
  }

  @Test
  void entriesWithoutFilesGiveNoJar() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThat(ClasspathJar.of(List.of(empty))).isEmpty();
    assertThat(ClasspathJar.of(List.of())).isEmpty();
  }

  private Path directory(String name, Map<String, String> files) throws IOException {
    Path root = Files.createDirectories(dir.resolve(name));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    return root;
  }

  private Path jar(String name, Map<String, String> entries) throws IOException {
    return jar(name, entries, false);
  }

  private Path jar(String name, Map<String, String> entries, boolean multiRelease) throws IOException {
    Path jar = dir.resolve(name);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (multiRelease) {
      manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
      for (Map.Entry<String, String> entry : new LinkedHashMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  private static List<String> names(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(ZipEntry::getName).toList();
    }
  }

  private static String read(Path jar, String name) throws IOException {
    try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
