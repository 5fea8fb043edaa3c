package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.io.Source;
import io.solidstream.api.stream.io.Source.ScriptStep;
import java.util.ArrayList;
import java.util.List;

/** Builds scripted test sources: elements with timestamps, explicit watermarks, clock advances. */
final class Script<T> {
  private final List<ScriptStep<T>> steps = new ArrayList<>();

  static <T> Script<T> of(Class<T> type) {
    return new Script<>();
  }

  Script<T> element(T value, long timestamp) {
    steps.add(new ScriptStep.Element<>(value, timestamp));
    return this;
  }

  Script<T> watermark(long timestamp) {
    steps.add(new ScriptStep.Watermark<>(timestamp));
    return this;
  }

  Script<T> advanceProcessingTime(long millis) {
    steps.add(new ScriptStep.AdvanceProcessingTime<>(millis));
    return this;
  }

  Source<T> build() {
    return new Source.Scripted<>(steps);
  }
}
