/** Sources and sinks of the stream DSL: pure descriptions every runtime implements. */
package io.solidstream.api.stream.io;
