/**
 * Cells in a real CPython: {@link dev.pymastery.kernel.runtime.container.CPythonRuntime} keeps one
 * session per runtime, each an agent ({@code pymastery_agent.py}, injected at start) speaking
 * newline-delimited JSON over the interpreter's stdio. The runtimes are configuration ({@link
 * dev.pymastery.kernel.runtime.container.RuntimeCatalog}); the {@code engine} subpackage starts
 * the interpreters, in containers or as local processes.
 */
package dev.pymastery.kernel.runtime.container;
