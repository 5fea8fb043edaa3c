/**
 * The pipeline conformance suite: abstract JUnit 5 test classes, one per area of a run, that every
 * {@link io.solidstream.api.run.PipelineRuntime} runs through one hook,
 * {@link io.solidstream.conformance.pipeline.PipelineConformance#runtime()}, so that the same
 * pipelines give the same results and the same event sequences (modulo timing and parallel
 * ordering) on every runtime.
 *
 * <pre>{@code
 * class InProcessRetriesTest extends RetriesConformance {
 *   protected PipelineRuntime runtime() { return LocalRuntime.create(); }
 * }
 * }</pre>
 *
 * <p>Solids, hooks and resources of the suite are serializable and observed only through run
 * results, events and {@link io.solidstream.conformance.pipeline.Journal} files, so the suite also
 * runs where steps execute in other JVMs. {@link io.solidstream.conformance.pipeline.ExpectedEvents}
 * compares a run's events with an expected sequence, normalised by
 * {@link io.solidstream.conformance.pipeline.NormalizedEvents}.
 */
package io.solidstream.conformance.pipeline;
