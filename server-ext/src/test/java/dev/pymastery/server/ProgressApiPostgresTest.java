package dev.pymastery.server;

class ProgressApiPostgresTest extends ProgressApiContract {
    @Override
    String kind() {
        return Databases.POSTGRESQL;
    }
}
