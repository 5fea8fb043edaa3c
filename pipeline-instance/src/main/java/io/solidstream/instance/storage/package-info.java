/**
 * The storage SPI of an instance ({@link io.solidstream.instance.storage.RunStorage}, {@link
 * io.solidstream.instance.storage.EventLogStorage}) and its in-memory implementation; SQLite and
 * PostgreSQL implementations are in {@code io.solidstream.instance.jdbc}.
 */
package io.solidstream.instance.storage;
