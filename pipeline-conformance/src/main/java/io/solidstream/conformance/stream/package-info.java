/**
 * The stream conformance suite: abstract JUnit 5 test classes that every stream runtime runs
 * through one hook, {@link io.solidstream.conformance.stream.StreamConformance#runtime()}, so the
 * same programs must give the same results on every runtime (Beam's ValidatesRunner).
 *
 * <pre>{@code
 * class InProcessWindowsTest extends WindowsConformance {
 *   protected StreamRuntime runtime() { return LocalStreamRuntime.create(); }
 * }
 * }</pre>
 */
package io.solidstream.conformance.stream;
