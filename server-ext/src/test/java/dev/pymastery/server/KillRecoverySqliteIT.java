package dev.pymastery.server;

class KillRecoverySqliteIT extends KillRecoveryContract {
    @Override
    String kind() {
        return Databases.SQLITE;
    }
}
