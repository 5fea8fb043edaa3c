/**
 * Output storages of an instance: {@link io.solidstream.instance.outputs.FilesystemOutputStorage}
 * (the default) and {@link io.solidstream.instance.outputs.InMemoryOutputStorage}, implementing
 * {@link io.solidstream.api.run.OutputStorage} for re-execution.
 */
package io.solidstream.instance.outputs;
