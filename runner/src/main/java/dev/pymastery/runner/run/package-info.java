/**
 * Running notebooks: which files a run covers, one notebook through one kernel cell by cell with
 * nbval's verdicts, several notebooks side by side, and the executed or updated notebooks written
 * back.
 */
package dev.pymastery.runner.run;
