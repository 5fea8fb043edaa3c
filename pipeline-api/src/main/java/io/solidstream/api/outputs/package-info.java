/**
 * Output storages: {@link io.solidstream.api.outputs.FilesystemOutputStorage}
 * (the default) and {@link io.solidstream.api.outputs.InMemoryOutputStorage}, implementing
 * {@link io.solidstream.api.run.OutputStorage} for re-execution.
 */
package io.solidstream.api.outputs;
