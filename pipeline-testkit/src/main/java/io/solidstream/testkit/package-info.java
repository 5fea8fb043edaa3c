/**
 * The Solidstream test kit: AssertJ assertions on run results and helpers for deterministic tests
 * of pipelines and stream programs. Add it as a test dependency.
 */
package io.solidstream.testkit;
