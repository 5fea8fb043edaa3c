/**
 * SQLite and PostgreSQL storage of an instance's runs and events ({@link
 * io.solidstream.instance.jdbc.JdbcStorage}): versioned schema, batched event inserts, retries
 * while another process writes.
 */
package io.solidstream.instance.jdbc;
