/**
 * nbval's comparison semantics: cell markers (tags and comments), stream merging with {@code \r}
 * and {@code \b} applied, outputs compared per MIME type with images, metadata, execution counts
 * and traceback text left out, regex sanitizers applied to both sides, and readable differences.
 * Pure functions over output JSON; no kernel, no files.
 */
package dev.pymastery.runner.compare;
