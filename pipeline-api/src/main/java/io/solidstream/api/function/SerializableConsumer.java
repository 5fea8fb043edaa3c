package io.solidstream.api.function;

import java.io.Serializable;
import java.util.function.Consumer;

/** A {@link Consumer} that is also {@link Serializable}, so it can be shipped to a cluster. */
@FunctionalInterface
public interface SerializableConsumer<T> extends Consumer<T>, Serializable {}
