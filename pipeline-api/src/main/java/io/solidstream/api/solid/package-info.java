/**
 * Solids: typed compute steps with named inputs and outputs, config, resources and retries.
 *
 * <p>A {@link io.solidstream.api.solid.SolidDefinition} is pure data plus a serializable compute
 * function; it knows nothing of how it runs. Compute code sees a
 * {@link io.solidstream.api.solid.SolidContext} and its {@link io.solidstream.api.solid.Inputs}.
 */
package io.solidstream.api.solid;
