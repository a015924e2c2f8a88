package dev.pymastery.server;

class ReviewSqliteTest extends ReviewContract {
    @Override
    String kind() {
        return Databases.SQLITE;
    }
}
