/** The {@code windowed-count} benchmark command of {@code shared/bench/WORKLOAD.md} and its engines. */
package io.solidstream.benchmarks.windowed;
