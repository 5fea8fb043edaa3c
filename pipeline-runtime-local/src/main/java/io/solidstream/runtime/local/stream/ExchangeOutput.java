package io.solidstream.runtime.local.stream;

import io.solidstream.api.solid.UserCodeException;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * The sending side of an exchange between tasks: records are hash-partitioned by key (after a
 * {@code keyBy}) or all sent to one instance (gathering into a parallelism-1 operator), and
 * batched; watermarks, idleness, the end and manual clock advances go to every target instance,
 * so an instance that received no records still sees the watermark advance.
 *
 * <p>Records of one key from one sender arrive in order. Batches are sent when full, before any
 * control message, and when the sending task has nothing else to do.
 */
final class ExchangeOutput implements Output {
  static final int BATCH_SIZE = 256;

  /** An inbound queue of a task. */
  static final class Inbox {
    final LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();
  }

  /** What travels between tasks: a batch of records for one operator input, or a control event. */
  static final class Message {
    static final byte RECORDS = 0;
    static final byte WATERMARK = 1;
    static final byte IDLE = 2;
    static final byte ACTIVE = 3;
    static final byte END = 4;
    static final byte PROCESSING_TIME = 5;

    final byte kind;
    final StreamOperator target;
    final int input;
    final int channel;
    final long value;
    final Object[] values;
    final long[] timestamps;
    int size;

    Message(byte kind, StreamOperator target, int input, int channel, long value, boolean records) {
      this.kind = kind;
      this.target = target;
      this.input = input;
      this.channel = channel;
      this.value = value;
      this.values = records ? new Object[BATCH_SIZE] : null;
      this.timestamps = records ? new long[BATCH_SIZE] : null;
    }
  }

  /** One target instance: its inbox and where the records enter. */
  record Target(Inbox inbox, StreamOperator operator, int input, int channel) {}

  private final String senderName;
  private final Function<Object, Object> keySelector;
  private final Target[] targets;
  private final Message[] pending;

  /**
   * An exchange to {@code targets}.
   *
   * @param senderName the operator whose key selector runs here (for error messages)
   * @param keySelector the key of a record, or null to send every record to {@code targets[0]}
   */
  ExchangeOutput(String senderName, Function<Object, Object> keySelector, Target[] targets) {
    this.senderName = senderName;
    this.keySelector = keySelector;
    this.targets = targets.clone();
    this.pending = new Message[targets.length];
  }

  /** The partition of {@code key} among {@code n} instances (the same everywhere in the engine). */
  static int partition(Object key, int n) {
    int h = Objects.hashCode(key);
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return Math.floorMod(h, n);
  }

  @Override
  public void collect(Object value, long timestamp) {
    int p = 0;
    if (keySelector != null) {
      Object key;
      try {
        key = keySelector.apply(value);
      } catch (RuntimeException e) {
        throw e instanceof UserCodeException u ? u : UserCodeException.inOperator(senderName, e);
      }
      p = partition(key, targets.length);
    }
    Message batch = pending[p];
    if (batch == null) {
      Target t = targets[p];
      batch = new Message(Message.RECORDS, t.operator(), t.input(), t.channel(), 0, true);
      pending[p] = batch;
    }
    batch.values[batch.size] = value;
    batch.timestamps[batch.size] = timestamp;
    if (++batch.size == BATCH_SIZE) {
      targets[p].inbox().queue.add(batch);
      pending[p] = null;
    }
  }

  /** Sends every non-empty batch. */
  void flush() {
    for (int p = 0; p < pending.length; p++) {
      if (pending[p] != null) {
        targets[p].inbox().queue.add(pending[p]);
        pending[p] = null;
      }
    }
  }

  private void control(byte kind, long value) {
    flush();
    for (Target t : targets) {
      t.inbox().queue.add(new Message(kind, t.operator(), t.input(), t.channel(), value, false));
    }
  }

  @Override
  public void watermark(long watermark) {
    control(Message.WATERMARK, watermark);
  }

  @Override
  public void idle(boolean idle) {
    control(idle ? Message.IDLE : Message.ACTIVE, 0);
  }

  @Override
  public void end() {
    control(Message.END, 0);
  }

  /** Forwards a manual processing-time advance. */
  void processingTime(long time) {
    control(Message.PROCESSING_TIME, time);
  }

  /** The largest backlog among the target inboxes, in messages. */
  int backlog() {
    int max = 0;
    for (Target t : targets) {
      max = Math.max(max, t.inbox().queue.size());
    }
    return max;
  }
}
