package io.solidstream.runtime.local.stream.conformance;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.StateAndTimersConformance;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;

/** The StateAndTimers conformance tests on the in-process runtime. */
class InProcessStateAndTimersTest extends StateAndTimersConformance {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  @Override
  protected StreamRuntime runtime() {
    return runtime;
  }
}
