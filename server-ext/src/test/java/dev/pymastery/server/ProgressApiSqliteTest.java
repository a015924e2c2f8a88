package dev.pymastery.server;

class ProgressApiSqliteTest extends ProgressApiContract {
    @Override
    String kind() {
        return Databases.SQLITE;
    }
}
