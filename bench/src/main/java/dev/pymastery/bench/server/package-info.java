/** {@code ./pymastery bench server}: load the server over loopback and time the cohort query. */
package dev.pymastery.bench.server;
