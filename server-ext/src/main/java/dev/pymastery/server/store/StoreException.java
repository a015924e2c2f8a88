package dev.pymastery.server.store;

import java.sql.SQLException;

/** The database failed: unreachable, or a statement that should not fail did. A 503 at the API. */
public final class StoreException extends RuntimeException {
    public StoreException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
