package io.solidstream.conformance.pipeline;

import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import java.util.List;

/** Small serializable solids shared by the conformance tests. */
final class Solids {
  static final OutputDef<Integer> OUT = OutputDef.of("out", Integer.class);
  static final InputDef<Integer> IN = InputDef.of("in", Integer.class);
  static final InputDef<Integer> IN2 = InputDef.of("in2", Integer.class);
  static final InputDef<List<Integer>> ALL = InputDef.list("all", Integer.class);
  static final OutputDef<Integer> MAYBE = OutputDef.of("maybe", Integer.class).optional();

  private Solids() {}

  /** A solid without inputs that returns {@code value}. */
  static SolidDefinition constant(String name, int value) {
    return SolidDefinition.builder(name).returning(OUT, (ctx, in) -> value).build();
  }

  /** A solid without inputs that writes its step key to {@code journal} and returns {@code value}. */
  static SolidDefinition constant(String name, int value, Journal journal) {
    return SolidDefinition.builder(name)
        .returning(OUT, (ctx, in) -> {
          journal.write(ctx.stepKey());
          return value;
        })
        .build();
  }

  /** A solid that returns its input plus one. */
  static SolidDefinition plusOne(String name) {
    return SolidDefinition.function(name, IN, OUT, x -> x + 1);
  }

  /** A solid that writes its step key to {@code journal} and returns its input plus one. */
  static SolidDefinition plusOne(String name, Journal journal) {
    return SolidDefinition.builder(name)
        .input(IN)
        .returning(OUT, (ctx, in) -> {
          journal.write(ctx.stepKey());
          return in.get(IN) + 1;
        })
        .build();
  }

  /** A solid with input {@code in} that throws {@code IllegalStateException(message)}. */
  static SolidDefinition brokenWithInput(String name, String message) {
    return SolidDefinition.builder(name).input(IN).returning(OUT, (ctx, in) -> {
      throw new IllegalStateException(message);
    }).build();
  }

  /** A solid without inputs that throws {@code IllegalStateException(message)}. */
  static SolidDefinition broken(String name, String message) {
    return SolidDefinition.builder(name).returning(OUT, (ctx, in) -> {
      throw new IllegalStateException(message);
    }).build();
  }

  /** A solid that returns the sum of its list input. */
  static SolidDefinition sum(String name) {
    return SolidDefinition.builder(name).input(ALL)
        .returning(OUT, (ctx, in) -> in.get(ALL).stream().mapToInt(Integer::intValue).sum())
        .build();
  }
}
