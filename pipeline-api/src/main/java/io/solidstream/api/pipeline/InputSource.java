package io.solidstream.api.pipeline;

import java.io.Serializable;
import java.util.List;

/** Where the value of a wired input comes from: one node of the logical graph's wiring. */
public sealed interface InputSource extends Serializable {

  /** The names of the solids (of the same graph) whose outputs this source reads. */
  default java.util.Set<String> solids() {
    java.util.Set<String> solids = new java.util.LinkedHashSet<>();
    if (this instanceof FromOutput from) {
      solids.add(from.solid());
    } else if (this instanceof DynamicItem item) {
      solids.add(item.solid());
    } else if (this instanceof Collect collect) {
      solids.add(collect.solid());
    } else if (this instanceof FanIn fanIn) {
      fanIn.sources().forEach(s -> solids.addAll(s.solids()));
    }
    return solids;
  }

  /** The value of output {@code output} of solid {@code solid} in the same graph. */
  record FromOutput(String solid, String output) implements InputSource {
    @Override
    public String toString() {
      return solid + "." + output;
    }
  }

  /** The value of input {@code input} of the enclosing composite solid. */
  record FromGraphInput(String input) implements InputSource {
    @Override
    public String toString() {
      return "composite input '" + input + "'";
    }
  }

  /** A list of values, one per source, in order (fan-in). */
  record FanIn(List<InputSource> sources) implements InputSource {
    /** Copies the sources. */
    public FanIn {
      sources = List.copyOf(sources);
    }

    @Override
    public String toString() {
      return sources.toString();
    }
  }

  /** One value of dynamic output {@code output} of {@code solid}: the solid is mapped over it. */
  record DynamicItem(String solid, String output) implements InputSource {
    @Override
    public String toString() {
      return "each value of " + solid + "." + output;
    }
  }

  /** All values of {@code solid.output} across the mapping keys of its dynamic scope, as a list. */
  record Collect(String solid, String output) implements InputSource {
    @Override
    public String toString() {
      return solid + "." + output + ".collect()";
    }
  }
}
