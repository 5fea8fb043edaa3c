package io.solidstream.cli;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A minimal Flink application for {@code solidstream submit} tests: counts to its first argument
 * and discards the numbers. Uses only Flink's API, which the cluster provides.
 */
public final class CountingJob {
  private CountingJob() {}

  /** Runs the job on the environment the cluster gives. */
  public static void main(String[] args) throws Exception {
    long count = args.length > 0 ? Long.parseLong(args[0]) : 10;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Sink<Long> discard = new DiscardingSink<>();
    env.fromSource(new NumberSequenceSource(1, count), WatermarkStrategy.noWatermarks(), "numbers").sinkTo(discard);
    env.execute("solidstream-submit-test");
  }
}
