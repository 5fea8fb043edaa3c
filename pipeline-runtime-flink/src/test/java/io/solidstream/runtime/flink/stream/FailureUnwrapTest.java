package io.solidstream.runtime.flink.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.solid.UserCodeException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.ProgramInvocationException;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.util.SerializedThrowable;
import org.junit.jupiter.api.Test;

/** Which failure a job reports when a cluster sends it back wrapped or still serialized. */
class FailureUnwrapTest {

  @Test
  void aUserCodeExceptionSentStillSerializedIsDeserializedAndReported() {
    UserCodeException original = UserCodeException.inOperator("orders/map", new IllegalStateException("boom"));
    Throwable fromCluster = new ProgramInvocationException("Job failed",
        new JobExecutionException(new JobID(), "Job execution failed.", new SerializedThrowable(original)));

    Throwable reported = FlinkStreamJob.unwrap(fromCluster);

    assertThat(reported).isInstanceOf(UserCodeException.class)
        .hasMessage("Error in operator 'orders/map': java.lang.IllegalStateException: boom")
        .cause().isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }

  @Test
  void anotherFailureIsReportedWithoutFlinksWrappers() {
    Throwable fromCluster = new ProgramInvocationException("Job failed",
        new JobExecutionException(new JobID(), "Job execution failed.", new SerializedThrowable(
            new java.io.UncheckedIOException("disk full", new java.io.IOException("disk full")))));

    assertThat(FlinkStreamJob.unwrap(fromCluster)).isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessage("disk full");
  }
}
