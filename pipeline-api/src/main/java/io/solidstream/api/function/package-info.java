/**
 * Serializable variants of the JDK functional interfaces.
 *
 * <p>Every user function in Solidstream is one of these (or a solid-specific interface that is
 * also {@link java.io.Serializable}), because a runtime may ship it to another process. Each still
 * is the JDK interface, so existing method references and lambdas fit.
 */
package io.solidstream.api.function;
