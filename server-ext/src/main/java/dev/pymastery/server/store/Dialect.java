package dev.pymastery.server.store;

import java.util.Map;

/** What differs between the two databases we run on; everything else is the same SQL. */
public enum Dialect {
    SQLITE("INTEGER PRIMARY KEY", "MAX"),
    POSTGRESQL("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "GREATEST");

    private final String identity;
    private final String greatest;

    Dialect(String identity, String greatest) {
        this.identity = identity;
        this.greatest = greatest;
    }

    /** The dialect of a JDBC URL, or an {@link IllegalArgumentException} naming the supported ones. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported database URL '" + jdbcUrl + "': use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }

    /** The two-argument maximum function: {@code MAX(a, b)} in SQLite, {@code GREATEST(a, b)} in PostgreSQL. */
    String greatest() {
        return greatest;
    }

    Map<String, String> migrationPlaceholders() {
        return Map.of("identity", identity);
    }
}
