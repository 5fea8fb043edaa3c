package io.solidstream.runtime.local.stream.conformance;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.JoinsConformance;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;

/** The Joins conformance tests on the in-process runtime. */
class InProcessJoinsTest extends JoinsConformance {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  @Override
  protected StreamRuntime runtime() {
    return runtime;
  }
}
