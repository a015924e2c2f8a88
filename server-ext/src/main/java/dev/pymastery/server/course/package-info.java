/**
 * The course's schedule: which weeks are published and from when, their released files (the
 * learner notebook and its public checks file), due times and per-learner extensions; what a
 * learner may see and attempt because of them. Without any published week there is no schedule:
 * every week is open and nothing is late (decision 0014). A track's labs ({@code a03}) are never on
 * the schedule: always open, never late, whatever the week of the same number.
 */
package dev.pymastery.server.course;
