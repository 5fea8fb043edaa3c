package io.solidstream.cli;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink application for {@code solidstream submit} tests whose output can be checked: writes the
 * squares of 1..COUNT, one per line, as text files under OUTPUT_DIR; with FAIL_AT, the job fails at
 * that number instead. Arguments: {@code OUTPUT_DIR COUNT [FAIL_AT]}. Uses only what a Flink
 * distribution's lib/ holds (the DataStream API and the file connector); its lambdas are in this
 * class, so a jar of this one class file is the whole application.
 */
public final class SquaresJob {
  private SquaresJob() {}

  /** Runs the job on the environment the cluster gives, in batch mode so the files are final at the end. */
  public static void main(String[] args) throws Exception {
    String outputDir = args[0];
    long count = Long.parseLong(args[1]);
    long failAt = args.length > 2 ? Long.parseLong(args[2]) : -1;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    FileSink<String> files = FileSink.forRowFormat(new Path(outputDir), new SimpleStringEncoder<String>()).build();
    env.fromSource(new NumberSequenceSource(1, count), WatermarkStrategy.noWatermarks(), "numbers")
        .map(n -> {
          if (n == failAt) {
            throw new IllegalStateException("SquaresJob was asked to fail at " + n);
          }
          return Long.toString(n * n);
        })
        .returns(Types.STRING)
        .sinkTo(files);
    env.execute("solidstream-submit-squares");
  }
}
