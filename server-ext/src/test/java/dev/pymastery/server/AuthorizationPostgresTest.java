package dev.pymastery.server;

class AuthorizationPostgresTest extends AuthorizationContract {
    @Override
    String kind() {
        return Databases.POSTGRESQL;
    }
}
