package io.solidstream.runtime.local.stream.conformance;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.OperatorsConformance;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;

/** The Operators conformance tests on the in-process runtime. */
class InProcessOperatorsTest extends OperatorsConformance {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  @Override
  protected StreamRuntime runtime() {
    return runtime;
  }
}
