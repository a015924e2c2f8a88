package dev.pymastery.server;

class KillRecoveryPostgresIT extends KillRecoveryContract {
    @Override
    String kind() {
        return Databases.POSTGRESQL;
    }
}
