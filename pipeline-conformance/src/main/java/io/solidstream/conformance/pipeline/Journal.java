package io.solidstream.conformance.pipeline;

import com.google.common.base.Throwables;
import com.google.common.util.concurrent.Uninterruptibles;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A file that solids, resources and hooks append lines to, and that the test reads: how the suite
 * observes what user code did without shared memory, so that it works where steps run in other
 * threads, task managers or JVMs on the same machine.
 *
 * <p>Serializable (it holds only the file's path), safe to append to from many threads and
 * processes at once (each line is written under a file lock), also from copies of this class in
 * other class loaders of one JVM (as jobs in one task manager have), also from an interrupted thread
 * (whose interrupt flag it keeps, even when the interrupt comes in the middle of a write), and
 * readable at any time. A journal
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
  private static final ExecutorService IO = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "solidstream-journal-io");
    thread.setDaemon(true);
    return thread;
  });

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
    onIoThread(() -> {
      // The file lock keeps processes apart; the one I/O thread keeps this process's writers apart.
      try (FileChannel channel = FileChannel.open(Path.of(path),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
          FileLock ignored = lock(channel, false)) {
        while (line.hasRemaining()) {
          channel.write(line);
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write to journal " + path, e);
      }
    });
  }

  /** Every entry written so far, in order; empty if none was. */
  public List<String> entries() {
    Path file = Path.of(path);
    if (!Files.exists(file)) {
      return List.of();
    }
    return onIoThread(() -> {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
          FileLock ignored = lock(channel, true)) {
        ByteBuffer content = ByteBuffer.allocate((int) channel.size());
        while (content.hasRemaining() && channel.read(content) >= 0) {
          // read the whole file under the lock, so that no line is seen half written
        }
        String text = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8);
        return text.isEmpty() ? List.<String>of() : List.of(text.split("\n"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read journal " + path, e);
      }
    });
  }

  /**
   * Locks the whole file, waiting for other processes (the file lock) and for other copies of
   * this class in this JVM: a cluster loads each job's classes in a class loader of its own, so
   * two jobs in one task manager have two I/O threads, and a file lock is held per JVM (a second
   * one overlapping it fails at once instead of waiting).
   */
  private static FileLock lock(FileChannel channel, boolean shared) throws IOException {
    while (true) {
      try {
        return channel.lock(0, Long.MAX_VALUE, shared);
      } catch (OverlappingFileLockException e) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
  }

  /**
   * Runs {@code io} on the journal's own thread and waits for it without being interruptible.
   *
   * <p>A file channel used by an interrupted thread closes itself, and Flink interrupts a
   * cancelled task's thread at any moment, also in the middle of a write: a step that writes
   * after seeing the cancellation would lose its entry (or, retried, write it twice). The I/O
   * thread is never interrupted; the caller's interrupt is kept for it to see afterwards.
   */
  private static <T> T onIoThread(Callable<T> io) {
    try {
      return Uninterruptibles.getUninterruptibly(IO.submit(io));
    } catch (ExecutionException e) {
      Throwables.throwIfUnchecked(e.getCause());
      throw new IllegalStateException(e.getCause());
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
