/**
 * The stream DSL: typed {@link io.solidstream.api.stream.DataStream}s built fluently into a
 * {@link io.solidstream.api.stream.StreamProgram} (pure data), run by any
 * {@link io.solidstream.api.stream.StreamRuntime} with Flink's DataStream semantics.
 */
package io.solidstream.api.stream;
