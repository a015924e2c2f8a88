/**
 * Server-side verification: the learner's submitted code is run again, with the check's public and
 * hidden tests, in a container runtime the server controls (the kernel's container runtimes: no
 * network, memory, CPU and process limits, a timeout), off the request path, from the durable job
 * queue in the database. Only what this package records as verified counts for grading.
 */
package dev.pymastery.server.verify;
