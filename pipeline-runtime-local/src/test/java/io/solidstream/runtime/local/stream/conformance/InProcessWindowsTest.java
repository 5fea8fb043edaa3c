package io.solidstream.runtime.local.stream.conformance;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.WindowsConformance;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;

/** The Windows conformance tests on the in-process runtime. */
class InProcessWindowsTest extends WindowsConformance {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  @Override
  protected StreamRuntime runtime() {
    return runtime;
  }
}
