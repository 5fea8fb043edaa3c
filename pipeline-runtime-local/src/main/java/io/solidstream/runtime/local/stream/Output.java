package io.solidstream.runtime.local.stream;

/**
 * Where an operator sends what it emits: records with their timestamp ({@link
 * StreamOperator#NO_TIMESTAMP} if none), watermarks, idleness and the end of the stream. Chained
 * outputs call the next operator directly; exchange outputs hand batches to another task.
 */
interface Output {

  /** An output that discards everything (an operator nobody reads). */
  Output NONE = new Output() {
    @Override
    public void collect(Object value, long timestamp) {}

    @Override
    public void watermark(long watermark) {}

    @Override
    public void idle(boolean idle) {}

    @Override
    public void end() {}
  };

  /** Emits one record. */
  void collect(Object value, long timestamp);

  /** Emits a watermark. */
  void watermark(long watermark);

  /** Marks the stream idle (it does not hold back watermarks) or active again. */
  void idle(boolean idle);

  /** Ends the stream. */
  void end();

  /** All of {@code outputs}, or the only one, or {@link #NONE}. */
  static Output of(java.util.List<Output> outputs) {
    if (outputs.isEmpty()) {
      return NONE;
    }
    if (outputs.size() == 1) {
      return outputs.get(0);
    }
    Output[] all = outputs.toArray(new Output[0]);
    return new Output() {
      @Override
      public void collect(Object value, long timestamp) {
        for (Output output : all) {
          output.collect(value, timestamp);
        }
      }

      @Override
      public void watermark(long watermark) {
        for (Output output : all) {
          output.watermark(watermark);
        }
      }

      @Override
      public void idle(boolean idle) {
        for (Output output : all) {
          output.idle(idle);
        }
      }

      @Override
      public void end() {
        for (Output output : all) {
          output.end();
        }
      }
    };
  }

  /** The output that feeds input {@code input}, channel {@code channel} of {@code target} in the same task. */
  static Output chained(StreamOperator target, int input, int channel) {
    return new Output() {
      @Override
      public void collect(Object value, long timestamp) {
        target.pushElement(input, value, timestamp);
      }

      @Override
      public void watermark(long watermark) {
        target.processWatermark(channel, watermark);
      }

      @Override
      public void idle(boolean idle) {
        target.processIdle(channel, idle);
      }

      @Override
      public void end() {
        target.endChannel(channel);
      }
    };
  }
}
