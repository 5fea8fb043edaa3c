package io.solidstream.api.stream.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what a part-file sink ({@link Sinks#textFiles}, {@link Sinks#jsonLinesFiles}) committed:
 * the visible {@code part-*} files of its directory. Files still being written (hidden, {@code
 * .part-*.inprogress*}) and files of other tools are not read.
 *
 * <pre>{@code
 * List<String> lines = PartFiles.readLines(Path.of("/shared/out/clicks"));
 * }</pre>
 *
 * <p>Part files are named {@code part-<writer id>-<counter>} on every runtime: each parallel
 * writer (each attempt of it, after a restart) has its own random id and numbers its files from 0.
 */
public final class PartFiles {
  /** A committed part file's name: writer id, counter. */
  private static final Pattern NAME = Pattern.compile("part-(.+)-(\\d+)");

  private PartFiles() {}

  /**
   * The committed part files of {@code directory}, ordered by writer, then by counter (the order
   * one writer wrote them in; writers run in parallel, so there is no order between them); empty
   * if the directory does not exist.
   *
   * @throws UncheckedIOException if the directory cannot be listed
   */
  public static List<Path> list(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> Files.isRegularFile(file) && NAME.matcher(file.getFileName().toString()).matches())
          .sorted(Comparator.comparing((Path file) -> part(file, 1))
              .thenComparing(file -> part(file, 2), Comparator.comparingLong(Long::parseLong)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the part files of " + directory, e);
    }
  }

  /**
   * Every line of the committed part files of {@code directory}, file after file in {@link
   * #list(Path)} order; empty if the directory does not exist.
   *
   * @throws UncheckedIOException if a file cannot be read
   */
  public static List<String> readLines(Path directory) {
    List<String> lines = new ArrayList<>();
    for (Path file : list(directory)) {
      try {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read part file " + file, e);
      }
    }
    return lines;
  }

  private static String part(Path file, int group) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalStateException("not a part file: " + file);
    }
    return m.group(group);
  }
}
