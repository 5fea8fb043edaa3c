package io.solidstream.runtime.local.stream.conformance;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.SourcesAndSinksConformance;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;

/** The SourcesAndSinks conformance tests on the in-process runtime. */
class InProcessSourcesAndSinksTest extends SourcesAndSinksConformance {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  @Override
  protected StreamRuntime runtime() {
    return runtime;
  }
}
