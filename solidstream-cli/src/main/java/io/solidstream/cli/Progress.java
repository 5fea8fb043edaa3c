package io.solidstream.cli;

import io.solidstream.api.event.RunEvent;
import io.solidstream.api.event.RunEventListener;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Shows a run's progress as its events arrive: on a terminal, one line redrawn in place with a bar
 * of finished steps out of the planned ones and the steps running; otherwise one plain log line per
 * step and run event (time, event, step, message), which log collectors and CI logs keep readable.
 *
 * <p>Thread-safe: runtimes may deliver events from several threads.
 */
abstract class Progress implements RunEventListener {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  /** How progress is shown: {@code auto} is a bar on a terminal and log lines otherwise. */
  enum Mode { AUTO, BAR, PLAIN, NONE }

  final PrintWriter err;

  Progress(PrintWriter err) {
    this.err = err;
  }

  /** The progress display for {@code mode}, {@code auto} resolved by whether the output is a terminal. */
  static Progress create(Mode mode, boolean terminal, PrintWriter err, int plannedSteps) {
    Mode resolved = mode == Mode.AUTO ? (terminal ? Mode.BAR : Mode.PLAIN) : mode;
    return switch (resolved) {
      case BAR -> new Bar(err, plannedSteps);
      case PLAIN -> new Lines(err);
      default -> new Progress(err) {
        @Override
        public void onEvent(RunEvent event) {}

        @Override
        void finish() {}
      };
    };
  }

  /** Ends the display (clears the bar's line). */
  abstract void finish();

  /** One log line per step and run event. */
  static final class Lines extends Progress {
    Lines(PrintWriter err) {
      super(err);
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
      switch (event.type()) {
        case RUN_STARTED, RUN_SUCCEEDED, RUN_FAILED, RUN_CANCELED, STEP_STARTED, STEP_SUCCEEDED, STEP_FAILED,
            STEP_SKIPPED, STEP_UP_FOR_RETRY -> {
          err.println(TIME.format(event.timestamp()) + " " + event.type()
              + (event.stepKey() == null ? "" : " " + event.stepKey()) + " - " + event.message());
          err.flush();
        }
        default -> { }
      }
    }

    @Override
    void finish() {}
  }

  /** A bar redrawn in place with a carriage return. */
  static final class Bar extends Progress {
    private static final int WIDTH = 30;
    private final Set<String> running = new LinkedHashSet<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private int planned;
    private int done;
    private int failed;
    private int lastLength;

    Bar(PrintWriter err, int plannedSteps) {
      super(err);
      this.planned = plannedSteps;
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
      String step = event.stepKey();
      switch (event.type()) {
        case STEP_STARTED -> {
          if (seen.add(step) && seen.size() > planned) {
            planned = seen.size();   // clones of a mapped step add to the plan
          }
          running.add(step);
        }
        case STEP_SUCCEEDED -> finished(step, false);
        case STEP_FAILED -> finished(step, true);
        case STEP_SKIPPED -> {
          seen.add(step);
          planned = Math.max(planned, seen.size());
          finished(step, false);
        }
        default -> {
          return;
        }
      }
      draw();
    }

    private void finished(String step, boolean failure) {
      running.remove(step);
      done++;
      if (failure) {
        failed++;
      }
    }

    private void draw() {
      int total = Math.max(planned, 1);
      int filled = Math.min(WIDTH, done * WIDTH / total);
      StringBuilder line = new StringBuilder("\r[")
          .append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
          .append(done).append('/').append(planned).append(" steps");
      if (failed > 0) {
        line.append(", ").append(failed).append(" failed");
      }
      if (!running.isEmpty()) {
        line.append("  running: ").append(String.join(", ", running));
      }
      int length = line.length();
      if (length < lastLength) {
        line.append(" ".repeat(lastLength - length));
      }
      lastLength = length;
      err.print(line);
      err.flush();
    }

    @Override
    synchronized void finish() {
      if (lastLength > 0) {
        err.print("\r" + " ".repeat(lastLength) + "\r");
        err.flush();
      }
    }
  }
}
