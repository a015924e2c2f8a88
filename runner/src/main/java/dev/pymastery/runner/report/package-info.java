/**
 * What a run found: verdicts per cell, results per notebook, the events a run emits as it goes,
 * and the two ways of reporting them (console text with diffs, JUnit XML).
 */
package dev.pymastery.runner.report;
