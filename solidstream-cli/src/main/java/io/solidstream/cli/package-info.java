/**
 * The {@code solidstream} command line (picocli): {@code run}, {@code runs list}, {@code runs show},
 * {@code pipelines} and {@code submit}; entry point {@link io.solidstream.cli.Main}, exit codes in
 * {@link io.solidstream.cli.ExitCode}. Pipelines come from the application's
 * {@link io.solidstream.api.run.PipelineRegistry}.
 */
package io.solidstream.cli;
