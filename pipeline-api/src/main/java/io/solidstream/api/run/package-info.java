/**
 * The runtime SPI and run results: {@link io.solidstream.api.run.PipelineRuntime},
 * {@link io.solidstream.api.run.RunRequest}, {@link io.solidstream.api.run.RunHandle} and
 * {@link io.solidstream.api.run.RunResult}.
 */
package io.solidstream.api.run;
