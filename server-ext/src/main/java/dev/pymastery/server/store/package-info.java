/**
 * Storage: the only package that speaks JDBC. SQLite (one file, WAL) or PostgreSQL, chosen by the
 * JDBC URL; schema migrations by Flyway from {@code db/migration}.
 */
package dev.pymastery.server.store;
