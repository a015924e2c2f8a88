/**
 * Roster import: learners (and instructors) from a CSV file as an LMS exports it, added in one
 * transaction with a fresh token each.
 */
package dev.pymastery.server.roster;
