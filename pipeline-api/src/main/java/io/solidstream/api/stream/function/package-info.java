/** Serializable user function types of the stream DSL. */
package io.solidstream.api.stream.function;
