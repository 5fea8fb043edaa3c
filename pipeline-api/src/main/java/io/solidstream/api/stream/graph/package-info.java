/**
 * The logical graph of stream programs: one small immutable node type per kind. Runtimes
 * translate (Flink) or interpret (in-process) the same graph.
 */
package io.solidstream.api.stream.graph;
