/**
 * Notebooks on disk: nbformat 4 read into Jackson trees, code cells as values, and writing back in
 * nbformat's own layout (sorted keys, one-space indent, multi-line strings as lists of lines) so a
 * rewritten notebook differs from Jupyter's only where its content does.
 */
package dev.pymastery.runner.notebook;
