package io.solidstream.runtime.flink.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded Source V2 of one split read in order by one reader: the split (a position), the
 * enumerator that gives it to subtask 0, the serializers, and the reader's split bookkeeping.
 * Subclasses provide the reader ({@link SplitReader}) that reads from a position.
 */
abstract class OneSplitSource implements Source<Object, OneSplitSource.Split, Boolean> {
  private static final long serialVersionUID = 1L;

  private final String splitId;

  OneSplitSource(String splitId) {
    this.splitId = splitId;
  }

  /** The one split: how far it was read. */
  record Split(String splitId, long position) implements SourceSplit {}

  /** The split at {@code position}. */
  final Split splitAt(long position) {
    return new Split(splitId, position);
  }

  @Override
  public final Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public final SplitEnumerator<Split, Boolean> createEnumerator(SplitEnumeratorContext<Split> context) {
    return new Enumerator(context, splitAt(0), false);
  }

  @Override
  public final SplitEnumerator<Split, Boolean> restoreEnumerator(SplitEnumeratorContext<Split> context,
      Boolean assigned) {
    return new Enumerator(context, splitAt(0), assigned);
  }

  @Override
  public final SimpleVersionedSerializer<Split> getSplitSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(Split split) {
        byte[] id = split.splitId().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + id.length).putLong(split.position()).put(id).array();
      }

      @Override
      public Split deserialize(int version, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = buffer.getLong();
        return new Split(StandardCharsets.UTF_8.decode(buffer).toString(), position);
      }
    };
  }

  @Override
  public final SimpleVersionedSerializer<Boolean> getEnumeratorCheckpointSerializer() {
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

  /** Gives the split to the first reader (subtask 0), which ends with it; other readers learn there are none. */
  private static final class Enumerator implements SplitEnumerator<Split, Boolean> {
    private final SplitEnumeratorContext<Split> context;
    private final Split first;
    private boolean assigned;

    Enumerator(SplitEnumeratorContext<Split> context, Split first, boolean assigned) {
      this.context = context;
      this.first = first;
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
        // the only split: its reader ends with it. No "no more splits" event follows, because one
        // sent while the task fails on its first records is lost, and Flink may then report the
        // lost event as the job's failure instead of the user's exception (seen on remote clusters)
        context.assignSplit(first, subtaskId);
        assigned = true;
      } else {
        context.signalNoMoreSplits(subtaskId);
      }
    }

    @Override
    public Boolean snapshotState(long checkpointId) {
      return assigned;
    }

    @Override
    public void close() {}
  }

  /**
   * A reader of the one split: {@link #open} is called with the split's position when it
   * arrives; {@link #pollNext} returns {@link #nothingMore()} once nothing is left to read.
   */
  abstract static class SplitReader implements SourceReader<Object, Split> {
    private boolean noMoreSplits;
    private final CompletableFuture<Void> available = new CompletableFuture<>();

    /** Starts reading the split at {@code position}. */
    abstract void open(long position);

    /** The status when nothing is (left) to read: the end once no more splits can come. */
    final InputStatus nothingMore() {
      return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public void start() {}

    @Override
    public final CompletableFuture<Void> isAvailable() {
      return available;
    }

    @Override
    public final void addSplits(List<Split> splits) {
      for (Split split : splits) {
        open(split.position());
      }
      noMoreSplits = noMoreSplits || !splits.isEmpty(); // a source has one split: nothing follows it
      available.complete(null);
    }

    @Override
    public final void notifyNoMoreSplits() {
      noMoreSplits = true;
      available.complete(null);
    }

    @Override
    public void close() throws Exception {}
  }
}
