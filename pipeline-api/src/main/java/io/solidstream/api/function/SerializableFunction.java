package io.solidstream.api.function;

import java.io.Serializable;
import java.util.function.Function;

/** A {@link Function} that is also {@link Serializable}, so it can be shipped to a cluster. */
@FunctionalInterface
public interface SerializableFunction<I, O> extends Function<I, O>, Serializable {}
