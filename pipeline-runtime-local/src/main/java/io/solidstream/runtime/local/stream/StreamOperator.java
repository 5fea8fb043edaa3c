package io.solidstream.runtime.local.stream;

import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.OperatorMetrics;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One physical instance of a logical operator: receives records, watermarks, idleness and
 * end-of-stream on its input channels and emits to its outputs.
 *
 * <p>Watermarks follow Flink: each input channel (one per upstream instance feeding this one) has
 * its own watermark; the operator's watermark is the minimum over the channels that are not idle,
 * and it only moves forward. When it advances, {@link #onWatermark(long)} fires what is due
 * (windows, timers) before the watermark is forwarded to every output. When every channel is idle
 * the operator is idle and says so downstream. A channel that ended counts as watermark
 * {@link Long#MAX_VALUE}.
 *
 * <p>Counters are written by the one thread running the instance and read live by others (opaque
 * access: cheap, never torn).
 */
abstract class StreamOperator {
  /** The timestamp of a record without one (Flink's marker too). */
  static final long NO_TIMESTAMP = Long.MIN_VALUE;

  private static final VarHandle IN;
  private static final VarHandle OUT;
  private static final VarHandle LATE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      IN = lookup.findVarHandle(StreamOperator.class, "recordsIn", long.class);
      OUT = lookup.findVarHandle(StreamOperator.class, "recordsOut", long.class);
      LATE = lookup.findVarHandle(StreamOperator.class, "lateRecordsDropped", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final String name;
  private long recordsIn;
  private long recordsOut;
  private long lateRecordsDropped;

  /** The main output. */
  Output output = Output.NONE;
  private final Map<String, Output> sideOutputs = new HashMap<>();
  private final List<Output> allOutputs = new ArrayList<>();
  private Output broadcast = Output.NONE;

  /** The task running this instance (clock, processing-time timers). */
  TaskContext task;
  private boolean checkMutation;

  private int[] channelInput = new int[0];
  private long[] channelWatermark = new long[0];
  private boolean[] channelIdle = new boolean[0];
  private boolean[] channelEnded = new boolean[0];
  private int channelsEnded;
  private boolean idle;

  /** The operator's current watermark. */
  long currentWatermark = Long.MIN_VALUE;

  StreamOperator(String name) {
    this.name = name;
  }

  // ------------------------------------------------------------------ wiring (before the job runs)

  /** Adds an input channel feeding logical input {@code input}; returns its index. */
  final int addChannel(int input) {
    int channel = channelInput.length;
    channelInput = Arrays.copyOf(channelInput, channel + 1);
    channelInput[channel] = input;
    channelWatermark = Arrays.copyOf(channelWatermark, channel + 1);
    channelWatermark[channel] = Long.MIN_VALUE;
    channelIdle = Arrays.copyOf(channelIdle, channel + 1);
    channelEnded = Arrays.copyOf(channelEnded, channel + 1);
    return channel;
  }

  /** Adds a consumer of the main output. */
  final void addOutput(Output consumer) {
    List<Output> main = new ArrayList<>();
    if (output != Output.NONE) {
      main.add(output);
    }
    main.add(consumer);
    output = Output.of(main);
    allOutputs.add(consumer);
    broadcast = Output.of(allOutputs);
  }

  /** Adds a consumer of side output {@code tagId}. */
  final void addSideOutput(String tagId, Output consumer) {
    Output existing = sideOutputs.get(tagId);
    sideOutputs.put(tagId, existing == null ? consumer : Output.of(List.of(existing, consumer)));
    allOutputs.add(consumer);
    broadcast = Output.of(allOutputs);
  }

  /** Binds the instance to its task; then {@link #open()}s it. */
  final void open(TaskContext task, boolean checkMutation) throws Exception {
    this.task = task;
    this.checkMutation = checkMutation;
    open();
  }

  // ------------------------------------------------------------------ lifecycle hooks

  /** Acquires resources (files). */
  void open() throws Exception {}

  /** Processes one record of logical input {@code input}. */
  abstract void processElement(int input, Object value, long timestamp);

  /** Fires what the new watermark makes due, before it is forwarded. */
  void onWatermark(long watermark) {}

  /** Fires processing-time timers due at {@code now}. */
  void onProcessingTime(long now) {}

  /** Called once when every input ended, before the end is forwarded. */
  void endOfInput() {}

  /** Releases resources; called once when the job ends, however it ends. */
  void close() throws Exception {}

  // ------------------------------------------------------------------ input side

  /** Receives a record: counts it, optionally checks it is not mutated, processes it. */
  final void pushElement(int input, Object value, long timestamp) {
    IN.setOpaque(this, recordsIn + 1);
    if (checkMutation && value instanceof Serializable) {
      byte[] before = SerializationCheck.serialize(value);
      processElement(input, value, timestamp);
      if (!Arrays.equals(before, SerializationCheck.serialize(value))) {
        throw UserCodeException.inOperator(name, new IllegalStateException("the function mutated its input record "
            + value + " (of type " + value.getClass().getName() + "); functions must not modify their inputs:"
            + " return a new object instead (on a cluster, inputs may be shared or reused)"));
      }
    } else {
      processElement(input, value, timestamp);
    }
  }

  /** Receives a watermark on {@code channel}. */
  final void processWatermark(int channel, long watermark) {
    if (channelEnded[channel]) {
      return;
    }
    if (watermark > channelWatermark[channel]) {
      channelWatermark[channel] = watermark;
    }
    if (channelIdle[channel]) {
      channelIdle[channel] = false;
    }
    recomputeWatermark();
  }

  /** Marks {@code channel} idle or active. */
  final void processIdle(int channel, boolean idleNow) {
    if (channelEnded[channel] || channelIdle[channel] == idleNow) {
      return;
    }
    channelIdle[channel] = idleNow;
    recomputeWatermark();
  }

  /** Ends {@code channel}; when all ended, ends the operator. */
  final void endChannel(int channel) {
    if (channelEnded[channel]) {
      return;
    }
    channelEnded[channel] = true;
    channelIdle[channel] = false;
    channelWatermark[channel] = Long.MAX_VALUE;
    channelsEnded++;
    if (channelsEnded == channelEnded.length) {
      advanceWatermark(Long.MAX_VALUE);
      endOfInput();
      broadcast.end();
    } else {
      recomputeWatermark();
    }
  }

  private void recomputeWatermark() {
    long min = Long.MAX_VALUE;
    boolean anyActive = false;
    for (int c = 0; c < channelWatermark.length; c++) {
      if (!channelIdle[c]) {
        anyActive = true;
        if (channelWatermark[c] < min) {
          min = channelWatermark[c];
        }
      }
    }
    if (!anyActive) {
      if (!idle) {
        idle = true;
        broadcast.idle(true);
      }
      return;
    }
    if (idle) {
      idle = false;
      broadcast.idle(false);
    }
    advanceWatermark(min);
  }

  /** Moves the watermark forward (never back), fires what is due and forwards it. */
  final void advanceWatermark(long watermark) {
    if (watermark > currentWatermark) {
      currentWatermark = watermark;
      onWatermark(watermark);
      forwardWatermark(watermark);
    }
  }

  /** Sends the operator's new watermark downstream; operators that make their own override it. */
  void forwardWatermark(long watermark) {
    broadcast.watermark(watermark);
  }

  /** The logical input of {@code channel}. */
  final int inputOf(int channel) {
    return channelInput[channel];
  }

  // ------------------------------------------------------------------ output side

  /** Emits a record on the main output. */
  final void emit(Object value, long timestamp) {
    OUT.setOpaque(this, recordsOut + 1);
    output.collect(value, timestamp);
  }

  /** Emits a record to side output {@code tagId}, if anyone reads it. */
  final void emitSide(String tagId, Object value, long timestamp) {
    Output side = sideOutputs.get(tagId);
    if (side != null) {
      side.collect(value, timestamp);
    }
  }

  /** Whether anyone reads side output {@code tagId}. */
  final boolean hasSideOutput(String tagId) {
    return sideOutputs.containsKey(tagId);
  }

  /** Sends a watermark, idleness or the end to every output (sources and timestamp operators). */
  final Output broadcast() {
    return broadcast;
  }

  /** Counts a record dropped for being late. */
  final void countLateDropped() {
    LATE.setOpaque(this, lateRecordsDropped + 1);
  }

  /** Counts a record read (sources, which have no input channels). */
  final void countIn() {
    IN.setOpaque(this, recordsIn + 1);
  }

  /** The exception reporting that user code of this operator threw {@code failure}. */
  final RuntimeException userFailure(Throwable failure) {
    if (failure instanceof UserCodeException e) {
      return e;
    }
    return UserCodeException.inOperator(name, failure);
  }

  /** The counters so far. */
  final OperatorMetrics metrics() {
    return new OperatorMetrics(name, (long) IN.getOpaque(this), (long) OUT.getOpaque(this),
        (long) LATE.getOpaque(this));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + name + "}";
  }
}
