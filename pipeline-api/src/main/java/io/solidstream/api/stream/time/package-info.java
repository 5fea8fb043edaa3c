/** Event time, watermarks, windows and timers of the stream DSL, with Flink's semantics. */
package io.solidstream.api.stream.time;
