package dev.pymastery.server;

class AuthorizationSqliteTest extends AuthorizationContract {
    @Override
    String kind() {
        return Databases.SQLITE;
    }
}
