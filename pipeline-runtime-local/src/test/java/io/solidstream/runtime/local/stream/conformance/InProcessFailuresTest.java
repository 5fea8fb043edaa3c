package io.solidstream.runtime.local.stream.conformance;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.FailuresConformance;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;

/** The Failures conformance tests on the in-process runtime. */
class InProcessFailuresTest extends FailuresConformance {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  @Override
  protected StreamRuntime runtime() {
    return runtime;
  }
}
