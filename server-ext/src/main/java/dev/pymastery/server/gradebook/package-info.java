/**
 * The gradebook: per learner, the points that count for each check, lab and week (the verified
 * score, or an instructor's override), where they stand (not started, failed, passed but
 * unverified, verified), and which points were earned only after the learner's deadline. Exported
 * as CSV and as JSON for an LMS; the dashboards draw it.
 */
package dev.pymastery.server.gradebook;
