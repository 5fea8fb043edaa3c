package io.solidstream.runtime.local;

import io.solidstream.api.solid.OutputDef;

/** Ports shared by the in-process runtime's own tests. */
final class TestSolids {
  static final OutputDef<Integer> OUT = OutputDef.of("out", Integer.class);

  private TestSolids() {}
}
