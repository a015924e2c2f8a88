package dev.pymastery.server;

class CoursePostgresTest extends CourseContract {
    @Override
    String kind() {
        return Databases.POSTGRESQL;
    }
}
