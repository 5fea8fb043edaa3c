package io.solidstream.runtime.flink.stream;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Sink V2 logging each record at INFO by the SLF4J logger {@code io.solidstream.sink.<name>}. */
final class LogSink implements Sink<Object> {
  private static final long serialVersionUID = 1L;
  private final String loggerName;

  LogSink(String loggerName) {
    this.loggerName = loggerName;
  }

  @Override
  public SinkWriter<Object> createWriter(WriterInitContext context) {
    Logger logger = LoggerFactory.getLogger("io.solidstream.sink." + loggerName);
    return new SinkWriter<>() {
      @Override
      public void write(Object element, Context ctx) {
        logger.info("{}", element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
