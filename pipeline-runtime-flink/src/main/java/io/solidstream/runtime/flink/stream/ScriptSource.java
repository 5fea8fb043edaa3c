package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.io.Source.ScriptStep;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded Source V2 replaying a script in order, in one split read by one reader: records (with
 * their timestamps, or none) and explicit watermarks, which the reader emits itself. Collections
 * and scripted test sources both run on it; the script travels inside the source, the split only
 * holds the position.
 */
final class ScriptSource implements Source<Object, ScriptSource.Split, Boolean> {
  private static final long serialVersionUID = 1L;

  private final List<ScriptStep<?>> steps;
  private final boolean timestamped;

  ScriptSource(List<? extends ScriptStep<?>> steps, boolean timestamped) {
    this.steps = new ArrayList<>(steps);
    this.timestamped = timestamped;
  }

  /** The one split: how many steps were replayed. */
  record Split(int position) implements SourceSplit {
    @Override
    public String splitId() {
      return "script";
    }
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<Split, Boolean> createEnumerator(SplitEnumeratorContext<Split> context) {
    return new Enumerator(context, false);
  }

  @Override
  public SplitEnumerator<Split, Boolean> restoreEnumerator(SplitEnumeratorContext<Split> context, Boolean assigned) {
    return new Enumerator(context, assigned);
  }

  @Override
  public SimpleVersionedSerializer<Split> getSplitSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(Split split) {
        return ByteBuffer.allocate(4).putInt(split.position()).array();
      }

      @Override
      public Split deserialize(int version, byte[] bytes) {
        return new Split(ByteBuffer.wrap(bytes).getInt());
      }
    };
  }

  @Override
  public SimpleVersionedSerializer<Boolean> getEnumeratorCheckpointSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(Boolean assigned) {
        return new byte[] {(byte) (assigned ? 1 : 0)};
      }

      @Override
      public Boolean deserialize(int version, byte[] bytes) {
        return bytes[0] == 1;
      }
    };
  }

  @Override
  public SourceReader<Object, Split> createReader(SourceReaderContext context) {
    return new Reader();
  }

  /** Gives the split to the first reader (subtask 0); every reader then learns there are no more. */
  private static final class Enumerator implements SplitEnumerator<Split, Boolean> {
    private final SplitEnumeratorContext<Split> context;
    private boolean assigned;

    Enumerator(SplitEnumeratorContext<Split> context, boolean assigned) {
      this.context = context;
      this.assigned = assigned;
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<Split> splits, int subtaskId) {
      for (Split split : splits) {
        context.assignSplit(split, subtaskId);
      }
    }

    @Override
    public void addReader(int subtaskId) {
      if (!assigned && subtaskId == 0) {
        context.assignSplit(new Split(0), subtaskId);
        assigned = true;
      }
      context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public Boolean snapshotState(long checkpointId) {
      return assigned;
    }

    @Override
    public void close() {}
  }

  private final class Reader implements SourceReader<Object, Split> {
    private Split split;
    private int position;
    private boolean noMoreSplits;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<Object> output) {
      if (split == null || position >= steps.size()) {
        return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
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
      return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<Split> snapshotState(long checkpointId) {
      return split == null ? List.of() : List.of(new Split(position));
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return available;
    }

    @Override
    public void addSplits(List<Split> splits) {
      for (Split s : splits) {
        split = s;
        position = s.position();
      }
      available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
      noMoreSplits = true;
      available.complete(null);
    }

    @Override
    public void close() {}
  }
}
