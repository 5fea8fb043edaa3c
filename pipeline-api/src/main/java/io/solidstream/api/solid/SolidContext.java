package io.solidstream.api.solid;

import io.solidstream.api.config.Config;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.stream.StreamRuntime;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * What compute code sees of the running step: config, resources, logging, run identity, and the
 * way to emit outputs, materializations and expectation results.
 *
 * <p>A context belongs to one attempt of one step and is not thread-safe; do not keep it after the
 * compute function returns.
 */
public interface SolidContext {

  /** The id of the run. */
  String runId();

  /** The name of the solid's definition, e.g. {@code load_orders}. */
  String solidName();

  /**
   * The solid's handle in the pipeline: its alias, prefixed by enclosing composites, e.g.
   * {@code ingest.load_orders}.
   */
  String solidHandle();

  /**
   * The key of the step: the handle, plus {@code [mappingKey]} inside a dynamic map, e.g.
   * {@code measure[file_3]}.
   */
  String stepKey();

  /** The attempt number, starting at 1. */
  int attempt();

  /** The mapping key when the step runs for one value of a dynamic output. */
  Optional<String> mappingKey();

  /** The solid's validated config, defaults applied. */
  Config config();

  /** The solid's config bound to a record or bean, e.g. {@code ctx.config(LoadConfig.class)}. */
  default <T> T config(Class<T> type) {
    return config().as(type);
  }

  /**
   * A resource the solid declared with {@code requires(...)}.
   *
   * @throws IllegalArgumentException if the solid did not declare the key
   */
  <T> T resource(ResourceKey<T> key);

  /**
   * The solid's logger. Messages at DEBUG and above are also recorded as log events of the run.
   */
  Logger log();

  /** The tags of the run. */
  Map<String, String> runTags();

  /**
   * Emits the value of an output. Each non-dynamic output may be emitted once.
   *
   * @throws IllegalArgumentException if the solid has no such output, or it was already emitted
   */
  <T> void emit(OutputDef<T> output, T value);

  /**
   * Emits one value of a dynamic output under {@code mappingKey} (letters, digits, {@code _}).
   *
   * @throws IllegalArgumentException if the output is not dynamic, or the key was already used
   */
  <T> void emit(OutputDef<T> output, String mappingKey, T value);

  /** Records that this step created or updated an asset. */
  void materialize(Materialization materialization);

  /** Records the outcome of a data-quality expectation. */
  void expect(ExpectationResult result);

  /**
   * The stream runtime of the pipeline's runtime, to run a bounded stream program over the step's
   * inputs (in-process when the pipeline runs in-process, Flink when it runs on Flink). See
   * {@code StreamSolid}.
   */
  StreamRuntime streams();

  /** Whether the run was cancelled; long computations should check it and stop early. */
  boolean isCancelled();
}
