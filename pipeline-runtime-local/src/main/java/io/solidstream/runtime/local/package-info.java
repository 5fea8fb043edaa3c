/**
 * The in-process runtime: executes pipelines in the calling JVM, sequentially or on a bounded
 * thread pool. The default runtime, used in unit tests.
 */
package io.solidstream.runtime.local;
