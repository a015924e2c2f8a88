package dev.pymastery.server;

class CourseSqliteTest extends CourseContract {
    @Override
    String kind() {
        return Databases.SQLITE;
    }
}
