package io.solidstream.api.function;

import java.io.Serializable;
import java.util.function.Predicate;

/** A {@link Predicate} that is also {@link Serializable}, so it can be shipped to a cluster. */
@FunctionalInterface
public interface SerializablePredicate<T> extends Predicate<T>, Serializable {}
