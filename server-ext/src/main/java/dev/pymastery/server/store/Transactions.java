package dev.pymastery.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction: committed when it returns, rolled back when it throws. */
final class Transactions {
    private Transactions() {}

    /** The work, given the transaction's connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own.
     *
     * @param what what the work does, for the {@link StoreException} when the database fails
     */
    static <T> T run(Database database, String what, Work<T> work) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what, e);
        }
    }
}
