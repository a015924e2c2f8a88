package dev.pymastery.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A connection pool on SQLite or PostgreSQL with the schema migrated to the newest version.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=NORMAL}: a committed transaction survives the
 * process being killed (it is in the WAL, handed to the OS); only a power loss or OS crash can lose
 * the last commits, never corrupt the file. {@code busy_timeout} makes concurrent writers wait.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final String description;

    private Database(Dialect dialect, HikariDataSource pool, String description) {
        this.dialect = dialect;
        this.pool = pool;
        this.description = description;
    }

    /** Opens {@code jdbcUrl} (creating a SQLite file's folder) and migrates the schema. */
    public static Database open(String jdbcUrl) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("pymastery-db");
        config.setConnectionTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            createFolder(jdbcUrl.substring("jdbc:sqlite:".length()));
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "10000");
            // A transaction takes the write lock when it begins, so it waits (busy_timeout) for another
            // process's writer instead of failing when a read inside it would have to become a write
            // (SQLITE_BUSY_SNAPSHOT): the server and the regrade command write to one file.
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.setMaximumPoolSize(8);
        } else {
            config.setMaximumPoolSize(12);
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .placeholders(dialect.migrationPlaceholders())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(dialect, pool, redact(jdbcUrl));
    }

    /** The default embedded database: {@code $XDG_DATA_HOME/pymastery/progress.db}. */
    public static String defaultUrl(Path dataHome) {
        return "jdbc:sqlite:" + dataHome.resolve("pymastery").resolve("progress.db");
    }

    public Dialect dialect() {
        return dialect;
    }

    DataSource dataSource() {
        return pool;
    }

    /** The URL without credentials, for logs. */
    public String description() {
        return description;
    }

    /** True when a trivial query answers: for {@code /readyz}. */
    public boolean ready() {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void createFolder(String file) {
        int query = file.indexOf('?');
        String path = query >= 0 ? file.substring(0, query) : file;
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
