package dev.pymastery.server;

import dev.pymastery.progress.client.ProgressSettings;
import dev.pymastery.server.store.Database;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the server runs. Defaults suit one learner on their own machine: loopback, port {@value
 * #DEFAULT_PORT}, SQLite in the user's data folder, the catalog in {@code notebooks/}.
 *
 * <table>
 * <caption>Settings (command-line flag, environment variable)</caption>
 * <tr><td>--host, PYMASTERY_SERVER_HOST</td><td>address to listen on</td><td>127.0.0.1</td></tr>
 * <tr><td>--port, PYMASTERY_SERVER_PORT</td><td>port; 0 picks a free one</td><td>8765</td></tr>
 * <tr><td>--db, PYMASTERY_DATABASE_URL</td><td>JDBC URL (jdbc:sqlite:FILE or jdbc:postgresql://...)</td>
 *     <td>jdbc:sqlite:$XDG_DATA_HOME/pymastery/progress.db</td></tr>
 * <tr><td>--catalog, PYMASTERY_CATALOG</td><td>folder holding the *.checks.yaml files</td><td>notebooks</td></tr>
 * <tr><td>--access-log, PYMASTERY_ACCESS_LOG</td><td>log every request (true/false)</td><td>true</td></tr>
 * </table>
 */
public record ServerSettings(String host, int port, String databaseUrl, Path catalog, boolean accessLog) {
    public static final int DEFAULT_PORT = 8765;

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
    }

    /** The settings from the environment alone. */
    public static ServerSettings fromEnvironment(Map<String, String> env) {
        return new ServerSettings(
                env.getOrDefault("PYMASTERY_SERVER_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("PYMASTERY_SERVER_PORT", String.valueOf(DEFAULT_PORT))),
                env.getOrDefault("PYMASTERY_DATABASE_URL", Database.defaultUrl(ProgressSettings.dataHome(env))),
                Path.of(env.getOrDefault("PYMASTERY_CATALOG", "notebooks")),
                !"false".equals(env.get("PYMASTERY_ACCESS_LOG")));
    }

    public ServerSettings withHost(String value) {
        return new ServerSettings(value, port, databaseUrl, catalog, accessLog);
    }

    public ServerSettings withPort(int value) {
        return new ServerSettings(host, value, databaseUrl, catalog, accessLog);
    }

    public ServerSettings withDatabaseUrl(String value) {
        return new ServerSettings(host, port, value, catalog, accessLog);
    }

    public ServerSettings withCatalog(Path value) {
        return new ServerSettings(host, port, databaseUrl, value, accessLog);
    }

    public ServerSettings withAccessLog(boolean value) {
        return new ServerSettings(host, port, databaseUrl, catalog, value);
    }
}
