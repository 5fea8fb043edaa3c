package io.solidstream.runtime.local.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * One thread's share of a job: the operator instances chained in it, its clock and timers, the
 * sources it drives (the driver task only) and its inbox for records from other tasks.
 */
final class Task {
  final String name;
  final TaskContext context;
  final ExchangeOutput.Inbox inbox = new ExchangeOutput.Inbox();
  final List<StreamOperator> operators = new ArrayList<>();
  final List<SourceOperator> sources = new ArrayList<>();
  /** Exchange channels feeding this task; it is done when all ended. */
  int inboundChannels;
  private int endedChannels;

  Task(String name, TaskContext context) {
    this.name = name;
    this.context = context;
  }

  /** Whether every exchange channel into this task ended. */
  boolean inboundEnded() {
    return endedChannels == inboundChannels;
  }

  /** Delivers one message from another task. */
  void dispatch(ExchangeOutput.Message message) {
    StreamOperator target = message.target;
    switch (message.kind) {
      case ExchangeOutput.Message.RECORDS -> {
        Object[] values = message.values;
        long[] timestamps = message.timestamps;
        for (int i = 0, n = message.size; i < n; i++) {
          target.pushElement(message.input, values[i], timestamps[i]);
        }
      }
      case ExchangeOutput.Message.WATERMARK -> target.processWatermark(message.channel, message.value);
      case ExchangeOutput.Message.IDLE -> target.processIdle(message.channel, true);
      case ExchangeOutput.Message.ACTIVE -> target.processIdle(message.channel, false);
      case ExchangeOutput.Message.END -> {
        endedChannels++;
        target.endChannel(message.channel);
      }
      case ExchangeOutput.Message.PROCESSING_TIME -> context.advanceTo(message.value);
      default -> throw new IllegalStateException("unknown message kind " + message.kind);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
