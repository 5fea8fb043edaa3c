package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.TypeRef;
import java.util.List;

/** Serializable solids the Flink pipeline tests share (they capture nothing but constants). */
final class Solids {
  static final OutputDef<Integer> OUT = OutputDef.of("out", Integer.class);
  static final OutputDef<Integer> MAYBE = OutputDef.of("maybe", Integer.class).optional();
  static final InputDef<Integer> IN = InputDef.of("in", Integer.class);
  static final InputDef<List<Integer>> ALL = InputDef.list("all", Integer.class);
  static final OutputDef<List<Integer>> LIST = OutputDef.of("list", new TypeRef<>() {});
  static final OutputDef<Integer> ITEMS = OutputDef.dynamic("items", Integer.class);

  /** Emits one value per configured key, in config order: key i gets value 10 * i. */
  static final SolidDefinition FAN_OUT = SolidDefinition.builder("fan_out")
      .config(ConfigType.shape().field("keys", ConfigType.list(ConfigType.string())).build())
      .output(ITEMS)
      .compute((ctx, in) -> {
        List<String> keys = ctx.config().getList("keys", String.class);
        for (int i = 0; i < keys.size(); i++) {
          ctx.emit(ITEMS, keys.get(i), 10 * i);
        }
      })
      .build();

  /** Gathers its list input. */
  static final SolidDefinition GATHER =
      SolidDefinition.builder("gather").input(ALL).returning(LIST, (ctx, in) -> List.copyOf(in.get(ALL))).build();

  /** Doubles its input; fails for the mapping key "bad". */
  static final SolidDefinition DOUBLE_EACH = SolidDefinition.builder("double_each").input(IN).returning(OUT, (ctx, in) -> {
    if (ctx.mappingKey().orElse("").equals("bad")) {
      throw new IllegalStateException("bad item");
    }
    return in.get(IN) * 2;
  }).build();

  private Solids() {}

  /** A solid without inputs returning {@code value}. */
  static SolidDefinition source(String name, int value) {
    return SolidDefinition.builder(name).returning(OUT, (ctx, in) -> value).build();
  }

  /** A solid returning its input plus one. */
  static SolidDefinition plusOne(String name) {
    return SolidDefinition.function(name, IN, OUT, x -> x + 1);
  }

  /** A solid that fails with an IllegalStateException("broken"). */
  static SolidDefinition broken(String name) {
    return SolidDefinition.builder(name).input(IN).returning(OUT, (ctx, in) -> {
      throw new IllegalStateException("broken");
    }).build();
  }
}
