package io.solidstream.api.outputs;

import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.StepOutputKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Step outputs as files: {@code <base>/<run-id>/<step-key>/<output>} for an output, {@code
 * <base>/<run-id>/<step-key>/<output>/<mapping-key>} for each value of a dynamic output, each value
 * written with Java serialization; the step directory's {@value #MANIFEST} lists the step's output
 * keys in emission order and is written last (atomically), so a step's outputs are read all or not
 * at all.
 *
 * <p>Java serialization, because step outputs must already be serializable for a cluster to ship
 * them between steps, and it restores any such value with its exact type (records, collections,
 * user classes) without asking users for type annotations; the files are therefore read back by
 * the same classes (a changed class may not read an old file: re-execute that step then).
 *
 * <p>Serializable with its base directory only: on a cluster every task manager writes to the
 * same path, which must be shared storage (NFS and the like) that the client reads too.
 *
 * <pre>{@code
 * OutputStorage storage = new FilesystemOutputStorage(Path.of("/shared/solidstream/outputs"));
 * }</pre>
 */
public final class FilesystemOutputStorage implements OutputStorage {
  private static final long serialVersionUID = 1L;

  /** The name of the file listing a step's outputs in emission order. */
  public static final String MANIFEST = ".manifest";

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.\\[\\]-]+");

  private final String baseDir;

  /** A storage under {@code baseDir}, created on first write. */
  public FilesystemOutputStorage(Path baseDir) {
    this.baseDir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize().toString();
  }

  /** The base directory. */
  public Path baseDir() {
    return Paths.get(baseDir);
  }

  /** The directory of a step's outputs in a run. */
  public Path stepDir(String runId, String stepKey) {
    return baseDir().resolve(checked(runId, "run id")).resolve(checked(stepKey, "step key"));
  }

  @Override
  public void write(String runId, String stepKey, Map<StepOutputKey, Object> outputs) {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    StringBuilder manifest = new StringBuilder();
    Path dir = stepDir(runId, stepKey);
    for (Map.Entry<StepOutputKey, Object> entry : outputs.entrySet()) {
      StepOutputKey key = entry.getKey();
      byte[] bytes;
      try {
        bytes = SerializationCheck.serialize(entry.getValue());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("output " + key + ": " + e.getMessage(), e);
      }
      files.put(file(dir, key), bytes);
      manifest.append(checked(key.outputName(), "output name"));
      if (key.mappingKey() != null) {
        manifest.append('\t').append(checked(key.mappingKey(), "mapping key"));
      }
      manifest.append('\n');
    }
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(MANIFEST));
      for (Map.Entry<Path, byte[]> file : files.entrySet()) {
        Files.createDirectories(file.getKey().getParent());
        replace(file.getKey(), file.getValue());
      }
      replace(dir.resolve(MANIFEST), manifest.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the outputs of step '" + stepKey + "' of run " + runId + " to "
          + dir + ": " + e, e);
    }
  }

  @Override
  public Optional<List<StepOutputKey>> keys(String runId, String stepKey) {
    Path manifest = stepDir(runId, stepKey).resolve(MANIFEST);
    List<String> lines;
    try {
      lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifest + ": " + e, e);
    }
    List<StepOutputKey> keys = new ArrayList<>();
    for (String line : lines) {
      if (!line.isEmpty()) {
        int tab = line.indexOf('\t');
        keys.add(tab < 0 ? StepOutputKey.of(stepKey, line)
            : new StepOutputKey(stepKey, line.substring(0, tab), line.substring(tab + 1)));
      }
    }
    return Optional.of(keys);
  }

  @Override
  public Optional<Map<StepOutputKey, Object>> read(String runId, String stepKey, ClassLoader classLoader) {
    Optional<List<StepOutputKey>> keys = keys(runId, stepKey);
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    Path dir = stepDir(runId, stepKey);
    Map<StepOutputKey, Object> values = new LinkedHashMap<>();
    for (StepOutputKey key : keys.get()) {
      Path file = file(dir, key);
      try {
        values.put(key, SerializationCheck.deserialize(Files.readAllBytes(file), classLoader));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read output " + key + " from " + file + ": " + e, e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cannot read output " + key + " from " + file + " (written by another"
            + " version of its class?): " + e.getMessage(), e);
      }
    }
    return Optional.of(values);
  }

  @Override
  public boolean deleteRun(String runId) {
    Path dir = baseDir().resolve(checked(runId, "run id"));
    if (!Files.exists(dir)) {
      return false;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
          if (failure != null) {
            throw failure;
          }
          Files.delete(directory);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the outputs of run " + runId + " in " + dir + ": " + e, e);
    }
    return true;
  }

  @Override
  public String describe() {
    return "filesystem " + baseDir;
  }

  @Override
  public String toString() {
    return describe();
  }

  private static Path file(Path dir, StepOutputKey key) {
    Path output = dir.resolve(checked(key.outputName(), "output name"));
    return key.mappingKey() == null ? output : output.resolve(checked(key.mappingKey(), "mapping key"));
  }

  /** Writes through a temporary file and a rename, so that readers never see half a file. */
  private static void replace(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    Files.write(temp, bytes);
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String checked(String name, String what) {
    if (!SAFE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..") || name.startsWith(".")) {
      throw new IllegalArgumentException("cannot store outputs under " + what + " '" + name + "': use letters,"
          + " digits, '_', '-', '.', '[' and ']', not starting with '.'");
    }
    return name;
  }
}
