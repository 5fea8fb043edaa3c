/**
 * The in-process stream engine: {@link io.solidstream.runtime.local.stream.LocalStreamRuntime}
 * interprets a {@link io.solidstream.api.stream.StreamProgram}'s logical graph with Flink's
 * DataStream semantics (event time, watermarks, keyed state, timers, windows, joins).
 *
 * <p>Structure: {@code OperatorRegistry} maps every {@link io.solidstream.api.stream.graph.StreamNode}
 * kind to an {@code OperatorFactory} that creates the physical operator; {@code JobPlanner} decides
 * each operator's parallelism, chains operators into tasks and connects tasks with exchanges; a
 * {@code LocalStreamJob} runs the tasks (the sources on one driver thread, key-partitioned tasks
 * on worker threads when the parallelism is above one).
 */
package io.solidstream.runtime.local.stream;
