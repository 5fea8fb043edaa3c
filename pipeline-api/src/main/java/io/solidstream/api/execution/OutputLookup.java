package io.solidstream.api.execution;

import io.solidstream.api.run.StepOutputKey;
import java.util.List;

/** Read access to the output values of a run so far, as a runtime stores them. */
public interface OutputLookup {

  /** Whether a value was emitted for {@code key}. */
  boolean has(StepOutputKey key);

  /** The value emitted for {@code key}. */
  Object get(StepOutputKey key);

  /** The keys of the values a collect source gathers, in emission order. */
  List<StepOutputKey> collect(StepSource.Collect collect);
}
