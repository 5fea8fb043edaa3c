package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.io.Source.ScriptStep;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * A bounded Source V2 replaying a script in order, in one split read by one reader: records (with
 * their timestamps, or none) and explicit watermarks, which the reader emits itself. Collections
 * and scripted test sources both run on it; the script travels inside the source, the split only
 * holds the position (how many steps were replayed).
 */
final class ScriptSource extends OneSplitSource {
  private static final long serialVersionUID = 1L;

  private final List<ScriptStep<?>> steps;
  private final boolean timestamped;

  ScriptSource(List<? extends ScriptStep<?>> steps, boolean timestamped) {
    super("script");
    this.steps = new ArrayList<>(steps);
    this.timestamped = timestamped;
  }

  @Override
  public SourceReader<Object, Split> createReader(SourceReaderContext context) {
    return new Reader();
  }

  private final class Reader extends SplitReader {
    private boolean opened;
    private int position;

    @Override
    void open(long position) {
      opened = true;
      this.position = (int) position;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Object> output) {
      if (!opened || position >= steps.size()) {
        return nothingMore();
      }
      ScriptStep<?> step = steps.get(position++);
      if (step instanceof ScriptStep.Element<?> element) {
        if (timestamped) {
          output.collect(element.value(), element.timestamp());
        } else {
          output.collect(element.value());
        }
      } else if (step instanceof ScriptStep.Watermark<?> watermark) {
        output.emitWatermark(new Watermark(watermark.timestamp()));
      } else {
        throw new IllegalStateException("processing-time advances cannot be replayed on Flink: " + step);
      }
      if (position < steps.size()) {
        return InputStatus.MORE_AVAILABLE;
      }
      return nothingMore();
    }

    @Override
    public List<Split> snapshotState(long checkpointId) {
      return opened ? List.of(splitAt(position)) : List.of();
    }
  }
}
