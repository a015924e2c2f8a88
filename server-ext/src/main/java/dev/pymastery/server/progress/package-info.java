/**
 * Progress: per learner and week, the best score of each check summed, out of the week's points;
 * the cohort grid (learners × weeks) and its CSV export. Computed from the catalog and the stored
 * per-check summaries.
 */
package dev.pymastery.server.progress;
