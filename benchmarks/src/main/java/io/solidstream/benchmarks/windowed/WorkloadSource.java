package io.solidstream.benchmarks.windowed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReader;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The workload's events as a bounded Flink Source V2, generated in the tasks: with parallelism
 * {@code P}, reader {@code j} reads the one split of partition {@code j}, the events {@code i = j,
 * j+P, j+2P, ...} in order (the workload's parallel generator), so each reader's timestamps are
 * monotonous. Timestamps and watermarks come from the {@code WatermarkStrategy} given to {@code
 * fromSource}.
 */
final class WorkloadSource implements Source<Workload.Event, WorkloadSource.Split, Collection<WorkloadSource.Split>> {
  private static final long serialVersionUID = 1L;

  private final long events;
  private final int keys;

  WorkloadSource(long events, int keys) {
    this.events = events;
    this.keys = keys;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<Workload.Event, Split> createReader(SourceReaderContext context) {
    return new IteratorSourceReader<>(context);
  }

  @Override
  public SplitEnumerator<Split, Collection<Split>> createEnumerator(SplitEnumeratorContext<Split> context) {
    int partitions = context.currentParallelism();
    List<Split> splits = new ArrayList<>(partitions);
    for (int j = 0; j < partitions; j++) {
      splits.add(new Split(j, partitions, j, events, keys));
    }
    return new Enumerator(context, splits);
  }

  @Override
  public SplitEnumerator<Split, Collection<Split>> restoreEnumerator(SplitEnumeratorContext<Split> context,
      Collection<Split> checkpoint) {
    return new Enumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<Split> getSplitSerializer() {
    return new SplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Collection<Split>> getEnumeratorCheckpointSerializer() {
    return new CheckpointSerializer();
  }

  /** The events {@code next, next+partitions, ... < events} of one partition. */
  record Split(int partition, int partitions, long next, long events, int keys)
      implements IteratorSourceSplit<Workload.Event, Events> {

    @Override
    public String splitId() {
      return Integer.toString(partition);
    }

    @Override
    public Events getIterator() {
      return new Events(next, partitions, events, keys);
    }

    @Override
    public IteratorSourceSplit<Workload.Event, Events> getUpdatedSplitForIterator(Events iterator) {
      return new Split(partition, partitions, iterator.next, events, keys);
    }
  }

  /** Generates the events of one partition. */
  static final class Events implements Iterator<Workload.Event> {
    private long next;
    private final int step;
    private final long end;
    private final int keys;

    Events(long next, int step, long end, int keys) {
      this.next = next;
      this.step = step;
      this.end = end;
      this.keys = keys;
    }

    @Override
    public boolean hasNext() {
      return next < end;
    }

    @Override
    public Workload.Event next() {
      if (next >= end) {
        throw new NoSuchElementException();
      }
      Workload.Event event = Workload.Event.of(next, keys);
      next += step;
      return event;
    }
  }

  /** Gives reader {@code j} the split of partition {@code j} and nothing else. */
  static final class Enumerator implements SplitEnumerator<Split, Collection<Split>> {
    private final SplitEnumeratorContext<Split> context;
    private final Map<Integer, Split> unassigned = new HashMap<>();

    Enumerator(SplitEnumeratorContext<Split> context, Collection<Split> splits) {
      this.context = context;
      splits.forEach(split -> unassigned.put(split.partition(), split));
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtask, String requesterHostname) {
      Split split = unassigned.remove(subtask);
      if (split != null) {
        context.assignSplit(split, subtask);
      } else {
        context.signalNoMoreSplits(subtask);
      }
    }

    @Override
    public void addSplitsBack(List<Split> splits, int subtask) {
      splits.forEach(split -> unassigned.put(split.partition(), split));
    }

    @Override
    public void addReader(int subtask) {}

    @Override
    public Collection<Split> snapshotState(long checkpointId) {
      return new ArrayList<>(unassigned.values());
    }

    @Override
    public void close() {}
  }

  static final class SplitSerializer implements SimpleVersionedSerializer<Split> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Split split) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(28);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        write(split, out);
      }
      return bytes.toByteArray();
    }

    @Override
    public Split deserialize(int version, byte[] serialized) throws IOException {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        return read(in);
      }
    }

    static void write(Split split, DataOutputStream out) throws IOException {
      out.writeInt(split.partition());
      out.writeInt(split.partitions());
      out.writeLong(split.next());
      out.writeLong(split.events());
      out.writeInt(split.keys());
    }

    static Split read(DataInputStream in) throws IOException {
      return new Split(in.readInt(), in.readInt(), in.readLong(), in.readLong(), in.readInt());
    }
  }

  static final class CheckpointSerializer implements SimpleVersionedSerializer<Collection<Split>> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Collection<Split> splits) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(splits.size());
        for (Split split : splits) {
          SplitSerializer.write(split, out);
        }
      }
      return bytes.toByteArray();
    }

    @Override
    public Collection<Split> deserialize(int version, byte[] serialized) throws IOException {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        int n = in.readInt();
        List<Split> splits = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          splits.add(SplitSerializer.read(in));
        }
        return splits;
      }
    }
  }
}
