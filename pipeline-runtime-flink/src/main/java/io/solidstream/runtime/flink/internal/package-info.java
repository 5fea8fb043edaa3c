/**
 * Helpers shared by the Flink stream and pipeline runtimes; internal, not part of the Solidstream
 * API.
 */
package io.solidstream.runtime.flink.internal;
