/** Who uses the server: learners and instructors, and the bearer tokens that stand for them. */
package dev.pymastery.server.people;
