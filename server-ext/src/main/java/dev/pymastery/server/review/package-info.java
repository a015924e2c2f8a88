/**
 * What instructors change after the fact, and the record of it: voided attempts, score overrides,
 * feedback per learner and lab, deadline extensions and publications, each kept in the audit log
 * with who did it, when and why.
 */
package dev.pymastery.server.review;
