package dev.pymastery.server;

class FuzzSqliteTest extends FuzzContract {
    @Override
    String kind() {
        return Databases.SQLITE;
    }
}
