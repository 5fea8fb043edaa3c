package io.solidstream.runtime.local;

import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import java.util.List;

/** Small solids shared by the behaviour tests. */
final class TestSolids {
  static final OutputDef<Integer> OUT = OutputDef.of("out", Integer.class);
  static final InputDef<Integer> IN = InputDef.of("in", Integer.class);
  static final InputDef<Integer> IN2 = InputDef.of("in2", Integer.class);

  private TestSolids() {}

  /** A solid without inputs that returns {@code value} and records its name in {@code log}. */
  static SolidDefinition source(String name, int value, List<String> log) {
    return SolidDefinition.builder(name)
        .returning(OUT, (ctx, in) -> {
          log.add(ctx.stepKey());
          return value;
        })
        .build();
  }

  /** A solid that returns its input plus one and records its step key in {@code log}. */
  static SolidDefinition plusOne(String name, List<String> log) {
    return SolidDefinition.builder(name)
        .input(IN)
        .returning(OUT, (ctx, in) -> {
          log.add(ctx.stepKey());
          return in.get(IN) + 1;
        })
        .build();
  }

  /** A solid that returns its input plus one. */
  static SolidDefinition plusOne(String name) {
    return SolidDefinition.function(name, IN, OUT, x -> x + 1);
  }
}
