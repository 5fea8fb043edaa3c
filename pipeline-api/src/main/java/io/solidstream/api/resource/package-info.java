/**
 * Resources: clients, connections and other objects opened for a run and shared by its steps.
 *
 * <p>A pipeline maps {@link io.solidstream.api.resource.ResourceKey}s to
 * {@link io.solidstream.api.resource.ResourceDefinition}s; solids declare the keys they need.
 */
package io.solidstream.api.resource;
