package io.solidstream.api.function;

import java.io.Serializable;
import java.util.function.BiFunction;

/** A {@link BiFunction} that is also {@link Serializable}, so it can be shipped to a cluster. */
@FunctionalInterface
public interface SerializableBiFunction<A, B, O> extends BiFunction<A, B, O>, Serializable {}
