/**
 * The instance: a persistent home for runs and their events ({@link io.solidstream.instance.Instance}),
 * configured by {@code solidstream.yaml} ({@link io.solidstream.instance.InstanceConfig}), with queries
 * of runs ({@link io.solidstream.instance.RunQuery}) and events ({@link io.solidstream.instance.EventPage}).
 */
package io.solidstream.instance;
