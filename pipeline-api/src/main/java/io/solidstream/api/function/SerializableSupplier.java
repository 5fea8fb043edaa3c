package io.solidstream.api.function;

import java.io.Serializable;
import java.util.function.Supplier;

/** A {@link Supplier} that is also {@link Serializable}, so it can be shipped to a cluster. */
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {}
