package dev.pymastery.server;

class ReviewPostgresTest extends ReviewContract {
    @Override
    String kind() {
        return Databases.POSTGRESQL;
    }
}
