package io.solidstream.runtime.flink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.runtime.flink.FlinkCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

/** Waiting for collect drainers: never past the job's end by more than the grace. */
class JobEndTest {

  @Test
  void aDrainerThatOutlivesItsEndedJobIsWaitedForOnlyTheGrace() throws Exception {
    // Given a job that ended and a drainer that never ends
    JobClient job = finishedJob();
    CountDownLatch never = new CountDownLatch(1);
    Thread stuck = new Thread(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    stuck.setDaemon(true);
    stuck.start();

    // When
    long start = System.nanoTime();
    JobEnd.awaitDrainers(job, List.of(stuck), Duration.ofMillis(50), Duration.ofMillis(300));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    // Then the wait ended although the drainer still runs, after giving it the grace
    assertThat(stuck.isAlive()).isTrue();
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(30));
    never.countDown();
  }

  @Test
  void drainersThatEndAreWaitedForWhateverTheJobSays() throws Exception {
    JobClient job = finishedJob();
    Thread quick = new Thread(() -> { });
    Thread slower = new Thread(() -> sleep(200));
    quick.start();
    slower.start();

    JobEnd.awaitDrainers(job, List.of(quick, slower), Duration.ofMillis(50), Duration.ofMinutes(5));

    assertThat(quick.isAlive()).isFalse();
    assertThat(slower.isAlive()).isFalse();
  }

  private static JobClient finishedJob() throws Exception {
    StreamExecutionEnvironment env = FlinkCluster.miniCluster().environment(new Configuration());
    env.fromData(1, 2, 3).sinkTo(new DiscardingSink<>());
    JobClient job = env.executeAsync("job-end-test");
    job.getJobExecutionResult().get();
    assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
    return job;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
