package dev.pymastery.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Throw-away PostgreSQL databases for benchmarks and tests: created next to the one an
 * administrator URL names ({@code .../postgres?user=...}), dropped when done.
 */
public final class PostgresDatabases {
    private PostgresDatabases() {}

    /** Creates an empty database {@code PREFIX_random} and returns its URL. */
    public static String create(String adminUrl, String prefix) {
        String name =
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(adminUrl, "CREATE DATABASE " + name);
        return url(adminUrl, name);
    }

    /** The URL of database {@code name} on the server the administrator URL names. */
    public static String url(String adminUrl, String name) {
        return adminUrl.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    /** Drops the database {@code url} names, closing its connections. */
    public static void drop(String adminUrl, String url) {
        String name = url.replaceFirst(".*/([a-z0-9_]+)(\\?.*)?$", "$1");
        execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String adminUrl, String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot run '" + sql + "' on " + adminUrl.replaceAll("password=[^&]*", "password=***"), e);
        }
    }
}
