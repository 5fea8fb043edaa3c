package io.solidstream.api.stream;

/** The sink operator a stream was sent to; lets the caller name it like any other operator. */
public final class StreamSink {
  private final StreamBuilder builder;
  private final int id;

  StreamSink(StreamBuilder builder, int id) {
    this.builder = builder;
    this.id = id;
  }

  /** The sink operator's name. */
  public String operatorName() {
    return builder.node(id).name();
  }

  /** Names the sink operator ({@code <program>/<name>}), e.g. to label its counters. */
  public StreamSink name(String name) {
    builder.rename(id, name);
    return this;
  }

  @Override
  public String toString() {
    return "sink '" + operatorName() + "'";
  }
}
