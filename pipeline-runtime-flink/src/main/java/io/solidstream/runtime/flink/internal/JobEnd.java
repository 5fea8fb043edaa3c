package io.solidstream.runtime.flink.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;

/**
 * Waits for the threads draining a job's collect sinks before the job's result is asked for.
 *
 * <p>A collect iterator ends once its job has ended (it asks the job's status at every fetch), so
 * its drainer ends with the job, having received everything. Only then is the job's result asked
 * for: a remote cluster's client polls for it with an interval growing up to 2 s from the moment
 * it is asked, so asking after the end gets it at the first poll. The wait is bounded all the
 * same: while a drainer runs, the job's status is read every {@link #CHECK_INTERVAL}; once it says
 * the job ended, or cannot be read (the cluster is gone), the drainers get {@link #GRACE} more to
 * finish, then the caller goes on and reads the job's result (or its failure).
 *
 * <p>Internal: not part of the Solidstream API.
 */
public final class JobEnd {
  /** How often the job's status is read while a drainer runs. */
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
  /** How long drainers may still run once the job ended or its status cannot be read. */
  static final Duration GRACE = Duration.ofSeconds(10);

  private JobEnd() {}

  /**
   * Returns when every drainer has ended, or {@link #GRACE} after the job was seen ended (or its
   * status could not be read) with a drainer still running.
   *
   * @throws InterruptedException if the calling thread is interrupted
   */
  public static void awaitDrainers(JobClient job, List<Thread> drainers) throws InterruptedException {
    awaitDrainers(job, drainers, CHECK_INTERVAL, GRACE);
  }

  static void awaitDrainers(JobClient job, List<Thread> drainers, Duration checkInterval, Duration grace)
      throws InterruptedException {
    long graceEnd = 0;
    boolean ended = false;
    for (Thread drainer : drainers) {
      while (drainer.isAlive()) {
        long wait = ended ? TimeUnit.NANOSECONDS.toMillis(graceEnd - System.nanoTime()) : checkInterval.toMillis();
        if (wait <= 0) {
          return;
        }
        drainer.join(wait);
        if (!ended && drainer.isAlive() && endedOrUnknown(job, checkInterval)) {
          ended = true;
          graceEnd = System.nanoTime() + grace.toNanos();
        }
      }
    }
  }

  private static boolean endedOrUnknown(JobClient job, Duration timeout) throws InterruptedException {
    try {
      return job.getJobStatus().get(timeout.toMillis(), TimeUnit.MILLISECONDS).isGloballyTerminalState();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      return true; // the cluster does not answer: its result will say why
    }
  }
}
