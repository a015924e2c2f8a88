/**
 * What a cell means: parses magics, routes cells to runtimes, keeps the execution count and
 * history, and renders results. No protocol types and no GraalVM types.
 */
package dev.pymastery.kernel.interpreter;
