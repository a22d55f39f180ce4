/**
 * Storage: schema migrations, backend detection (plain PostgreSQL, TimescaleDB Apache or
 * community edition), the embedded PostgreSQL default and all SQL. Role interfaces
 * ({@link io.slamon.store.SampleWriter}, {@link io.slamon.store.EventStore}, …) are what other
 * modules see; {@code Postgres*} classes implement them. No business rules live here.
 */
package io.slamon.store;
