package io.solidstream.conformance.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A file that solids, resources and hooks append lines to, and that the test reads: how the suite
 * observes what user code did without shared memory, so that it works where steps run in other
 * threads, task managers or JVMs on the same machine.
 *
 * <p>Serializable (it holds only the file's path), safe to append to from many threads and
 * processes at once (each line is written under a file lock), also from an interrupted thread
 * (whose interrupt flag it keeps), and readable at any time. A journal
 * also serves as a gate between the test and a running step: the step waits with
 * {@link #await(String, BooleanSupplier, Duration)} until the test writes an entry, and the test
 * waits with {@link #awaitEntry(String, Duration)} until the step has written one.
 *
 * <pre>{@code
 * Journal journal = journal("resources");           // a file in the test's temporary directory
 * ResourceDefinition<Conn> db = ResourceDefinition.of(ctx -> new Conn("db", journal));
 * ...
 * assertThat(journal.entries()).containsExactly("open db", "step reads", "close db");
 * }</pre>
 *
 * @param path the absolute path of the file, which need not exist yet
 */
public record Journal(String path) implements Serializable {
  private static final Object LOCAL_LOCK = new Object();

  /** A journal written to {@code file}. */
  public static Journal at(Path file) {
    return new Journal(file.toAbsolutePath().toString());
  }

  /**
   * Appends {@code entry} as one line.
   *
   * @throws IllegalArgumentException if the entry contains a line break
   * @throws UncheckedIOException if the file cannot be written
   */
  public void write(String entry) {
    if (entry.indexOf('\n') >= 0 || entry.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("A journal entry is one line; remove the line break from: " + entry);
    }
    ByteBuffer line = ByteBuffer.wrap((entry + "\n").getBytes(StandardCharsets.UTF_8));
    // The JVM-wide lock keeps threads of one process apart (a file lock is held per process); the
    // file lock keeps processes apart.
    // A file channel used by an interrupted thread closes itself; a cancelled step's thread is
    // interrupted and may still write, so the flag is put aside and restored.
    boolean interrupted = Thread.interrupted();
    synchronized (LOCAL_LOCK) {
      try (FileChannel channel = FileChannel.open(Path.of(path),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
          FileLock ignored = channel.lock()) {
        while (line.hasRemaining()) {
          channel.write(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write to journal " + path, e);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Every entry written so far, in order; empty if none was. */
  public List<String> entries() {
    Path file = Path.of(path);
    if (!Files.exists(file)) {
      return List.of();
    }
    boolean interrupted = Thread.interrupted(); // see write(...)
    synchronized (LOCAL_LOCK) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
          FileLock ignored = channel.lock(0, Long.MAX_VALUE, true)) {
        ByteBuffer content = ByteBuffer.allocate((int) channel.size());
        while (content.hasRemaining() && channel.read(content) >= 0) {
          // read the whole file under the lock, so that no line is seen half written
        }
        String text = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read journal " + path, e);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Whether {@code entry} was written. */
  public boolean contains(String entry) {
    return entries().contains(entry);
  }

  /**
   * For user code: waits until {@code entry} is written, polling every 10 ms.
   *
   * @param stop checked on every poll; when it turns true the wait ends early, e.g.
   *     {@code ctx::isCancelled}
   * @return whether the entry was written; false if {@code stop} turned true or {@code max} passed
   * @throws InterruptedException if the thread is interrupted (as when a run is cancelled)
   */
  public boolean await(String entry, BooleanSupplier stop, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!contains(entry)) {
      if (stop.getAsBoolean() || System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /**
   * For the test: waits until {@code entry} is written.
   *
   * @throws AssertionError if it is not written within {@code max}, listing what was
   */
  public void awaitEntry(String entry, Duration max) {
    try {
      if (!await(entry, () -> false, max)) {
        throw new AssertionError("Journal " + path + " did not get the entry '" + entry + "' within "
            + max.toSeconds() + " s; its entries: " + entries());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for the entry '" + entry + "' of journal " + path, e);
    }
  }

  @Override
  public String toString() {
    return "journal " + path;
  }
}
