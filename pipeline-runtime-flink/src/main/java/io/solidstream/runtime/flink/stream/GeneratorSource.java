package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.io.GeneratorFunction;
import java.util.List;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * A bounded generator without a rate limit as a Source V2: the records {@code fn.generate(0)} to
 * {@code fn.generate(count - 1)} in order, in one split read by one reader (the split holds the
 * next index). Flink's {@code DataGeneratorSource}, still used for rate-limited and unbounded
 * generators, passes every record through a rate limiter's futures even when it does not limit.
 * An exception of the generator fails the job with a {@link
 * io.solidstream.api.solid.UserCodeException} naming the source.
 */
final class GeneratorSource extends OneSplitSource {
  private static final long serialVersionUID = 1L;

  private final String operator;
  private final GeneratorFunction<?> fn;
  private final long count;

  GeneratorSource(String operator, GeneratorFunction<?> fn, long count) {
    super("generator");
    this.operator = operator;
    this.fn = fn;
    this.count = count;
  }

  @Override
  public SourceReader<Object, Split> createReader(SourceReaderContext context) {
    return new Reader();
  }

  private final class Reader extends SplitReader {
    private boolean opened;
    private long next;

    @Override
    void open(long position) {
      opened = true;
      next = position;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Object> output) {
      if (!opened || next >= count) {
        return nothingMore();
      }
      Object record;
      try {
        record = fn.generate(next);
      } catch (Exception e) {
        throw Functions.failure(operator, e);
      }
      next++;
      output.collect(record);
      return next < count ? InputStatus.MORE_AVAILABLE : nothingMore();
    }

    @Override
    public List<Split> snapshotState(long checkpointId) {
      return opened ? List.of(splitAt(next)) : List.of();
    }
  }
}
