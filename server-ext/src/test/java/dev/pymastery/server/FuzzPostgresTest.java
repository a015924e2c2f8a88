package dev.pymastery.server;

class FuzzPostgresTest extends FuzzContract {
    @Override
    String kind() {
        return Databases.POSTGRESQL;
    }
}
