package io.solidstream.conformance.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file through which the suite observes user code. */
class JournalTest {
  @TempDir
  Path dir;

  @Test
  void entriesComeBackInOrderAndAnUnwrittenJournalIsEmpty() {
    Journal journal = Journal.at(dir.resolve("j"));
    assertThat(journal.entries()).isEmpty();

    journal.write("open db");
    journal.write("close db");

    assertThat(journal.entries()).containsExactly("open db", "close db");
    assertThat(journal.contains("open db")).isTrue();
  }

  @Test
  void concurrentWritersNeverMixTheirLines() throws Exception {
    Journal journal = Journal.at(dir.resolve("j"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int writer = t;
      writers.add(pool.submit(() -> {
        for (int i = 0; i < 100; i++) {
          journal.write("writer " + writer + " line " + i);
        }
      }));
    }
    for (Future<?> w : writers) {
      w.get();
    }
    pool.shutdown();

    assertThat(journal.entries()).hasSize(400).allMatch(line -> line.matches("writer \\d line \\d+"));
  }

  @Test
  void anInterruptedThreadStillWritesAndKeepsItsInterruptFlag() {
    Journal journal = Journal.at(dir.resolve("j"));

    Thread.currentThread().interrupt();
    journal.write("written while interrupted");
    List<String> entries = journal.entries();

    assertThat(Thread.interrupted()).isTrue();
    assertThat(entries).containsExactly("written while interrupted");
  }

  @Test
  void aThreadInterruptedWhileWritingLosesNoEntryAndWritesNoneTwice() throws Exception {
    // Given a writer that another thread interrupts over and over (as Flink interrupts a cancelled
    // task's thread, possibly in the middle of a write)
    Journal journal = Journal.at(dir.resolve("j"));
    List<Boolean> flagsAfterWrites = new ArrayList<>();
    Thread writer = new Thread(() -> {
      for (int i = 0; i < 300; i++) {
        journal.write("line " + i);
        flagsAfterWrites.add(Thread.interrupted());
      }
    });
    AtomicBoolean done = new AtomicBoolean();
    Thread interrupter = new Thread(() -> {
      while (!done.get()) {
        writer.interrupt();
        Thread.onSpinWait();
      }
    });

    // When
    writer.start();
    interrupter.start();
    writer.join();
    done.set(true);
    interrupter.join();

    // Then every line is there once, in order, and the writer's interrupts were kept
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      expected.add("line " + i);
    }
    assertThat(journal.entries()).containsExactlyElementsOf(expected);
    assertThat(flagsAfterWrites).contains(true);
  }

  @Test
  void copiesOfTheJournalClassInTwoClassLoadersOfOneJvmWriteAndReadTogether() throws Exception {
    // Given a second copy of the class, loaded as a cluster loads each job's classes
    Journal journal = Journal.at(dir.resolve("j"));
    URL[] classPath = {
        Journal.class.getProtectionDomain().getCodeSource().getLocation(),
        com.google.common.base.Throwables.class.getProtectionDomain().getCodeSource().getLocation()};
    try (URLClassLoader jobLoader = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
      Class<?> copy = jobLoader.loadClass(Journal.class.getName());
      assertThat(copy).isNotEqualTo(Journal.class);
      Object other = copy.getConstructor(String.class).newInstance(journal.path());
      Method otherWrite = copy.getMethod("write", String.class);
      Method otherEntries = copy.getMethod("entries");

      // When both write and read at once
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Future<?> mine = pool.submit(() -> {
        for (int i = 0; i < 200; i++) {
          journal.write("mine " + i);
          journal.entries();
        }
      });
      Future<?> theirs = pool.submit(() -> {
        for (int i = 0; i < 200; i++) {
          otherWrite.invoke(other, "theirs " + i);
          otherEntries.invoke(other);
        }
        return null;
      });
      mine.get();
      theirs.get();
      pool.shutdown();
    }

    // Then no write failed and none was lost
    assertThat(journal.entries()).hasSize(400);
  }

  @Test
  void awaitStopsWhenTheEntryComesWhenAskedToStopOrWhenInterrupted() throws Exception {
    Journal journal = Journal.at(dir.resolve("j"));
    journal.write("ready");

    assertThat(journal.await("ready", () -> false, Duration.ofSeconds(5))).isTrue();
    assertThat(journal.await("never", () -> true, Duration.ofSeconds(5))).isFalse();
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> journal.await("never", () -> false, Duration.ofSeconds(5)))
        .isInstanceOf(InterruptedException.class);
    assertThatThrownBy(() -> journal.awaitEntry("never", Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("'never'").hasMessageContaining("[ready]");
  }

  @Test
  void aJournalSurvivesSerializationAndWritesToTheSameFile() throws Exception {
    Journal journal = Journal.at(dir.resolve("j"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(journal);
    }
    Journal copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Journal) in.readObject();
    }

    copy.write("from the copy");

    assertThat(journal.entries()).containsExactly("from the copy");
  }

  @Test
  void anEntryIsOneLine() {
    Journal journal = Journal.at(dir.resolve("j"));

    assertThatThrownBy(() -> journal.write("two\nlines")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one line");
  }
}
