/**
 * The typed event stream of a run: run and step lifecycle, outputs, materializations, expectation
 * results, log messages and hooks.
 */
package io.solidstream.api.event;
