package dev.pymastery.server;

class VerificationQueuePostgresTest extends VerificationQueueContract {
    @Override
    String kind() {
        return Databases.POSTGRESQL;
    }
}
