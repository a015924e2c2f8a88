package dev.pymastery.server;

class VerificationQueueSqliteTest extends VerificationQueueContract {
    @Override
    String kind() {
        return Databases.SQLITE;
    }
}
