/** The {@code event-store} command: events per second an instance's SQLite and PostgreSQL storage stores. */
package io.solidstream.benchmarks.instance;
