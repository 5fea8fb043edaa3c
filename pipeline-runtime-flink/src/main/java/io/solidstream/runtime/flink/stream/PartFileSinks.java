package io.solidstream.runtime.flink.stream;

import io.solidstream.api.function.SerializableFunction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The part-file sinks ({@code Sinks.textFiles}, {@code Sinks.jsonLinesFiles}) as Flink's {@link
 * FileSink} in row format: every part file lies directly in the sink's directory (no buckets),
 * rolls at every checkpoint and is committed (renamed from its hidden in-progress name to {@code
 * part-<uuid>-<subtask>-<counter>}) when that checkpoint completes, or at the end of a bounded
 * input. Exactly-once with exactly-once checkpoints: a restore discards what was written after
 * the restored checkpoint and commits what it had pending.
 */
final class PartFileSinks {
  private PartFileSinks() {}

  /** A FileSink writing one line per record, formatted by {@code formatter}, into {@code directory}. */
  @SuppressWarnings("unchecked")
  static FileSink<Object> lines(String operator, String directory, SerializableFunction<?, String> formatter) {
    return FileSink.forRowFormat(new Path(directory), new LineEncoder(operator,
            (SerializableFunction<Object, String>) formatter))
        .withBucketAssigner(new BasePathBucketAssigner<>())
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .build();
  }

  /** Writes each record as its formatted line and a newline, in UTF-8; a formatter failure names the operator. */
  static final class LineEncoder implements Encoder<Object> {
    private static final long serialVersionUID = 1L;
    private final String operator;
    private final SerializableFunction<Object, String> formatter;

    LineEncoder(String operator, SerializableFunction<Object, String> formatter) {
      this.operator = operator;
      this.formatter = formatter;
    }

    @Override
    public void encode(Object element, OutputStream stream) throws IOException {
      String line = Functions.callUser(operator, () -> formatter.apply(element));
      stream.write(line.getBytes(StandardCharsets.UTF_8));
      stream.write('\n');
    }
  }
}
