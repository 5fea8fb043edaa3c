package io.solidstream.api.execution;

import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.solid.InputDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input values of a step, gathered from the outputs of its upstream steps; or the reason the
 * step must be skipped (a required input's upstream output was not emitted).
 *
 * @param values the input values by name; absent optional inputs are missing
 * @param skipReason why the step cannot run, or {@code null}
 */
public record InputResolution(Map<String, Object> values, String skipReason) {

  /** Resolves the inputs of a concrete (non-template) step. */
  public static InputResolution resolve(ExecutionStep step, OutputLookup outputs) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (InputDef<?> input : step.solid().inputs()) {
      StepSource source = step.inputs().get(input.name());
      if (source instanceof StepSource.FromStep from) {
        if (outputs.has(from.output())) {
          values.put(input.name(), outputs.get(from.output()));
        } else if (input.hasDefault()) {
          values.put(input.name(), input.defaultValue());
        } else if (!input.isOptional()) {
          return new InputResolution(Map.of(),
              "input '" + input.name() + "' needs output " + from.output() + ", which was not emitted");
        }
      } else if (source instanceof StepSource.Constant constant) {
        values.put(input.name(), constant.value());
      } else if (source instanceof StepSource.FanIn fanIn) {
        List<Object> list = new ArrayList<>();
        for (StepSource element : fanIn.sources()) {
          if (element instanceof StepSource.FromStep from) {
            if (outputs.has(from.output())) {
              list.add(outputs.get(from.output()));
            }
          } else if (element instanceof StepSource.Constant constant) {
            list.add(constant.value());
          }
        }
        values.put(input.name(), java.util.Collections.unmodifiableList(list));
      } else if (source instanceof StepSource.Collect collect) {
        List<Object> list = new ArrayList<>();
        for (StepOutputKey key : outputs.collect(collect)) {
          list.add(outputs.get(key));
        }
        values.put(input.name(), java.util.Collections.unmodifiableList(list));
      } else if (source instanceof StepSource.DynamicItem || source instanceof StepSource.FromTemplate) {
        throw new IllegalStateException("step '" + step.key() + "' is a template; expand it per mapping key first");
      }
    }
    return new InputResolution(values, null);
  }
}
