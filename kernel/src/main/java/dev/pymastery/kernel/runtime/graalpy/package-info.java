/**
 * GraalPy in this JVM: the only package that imports GraalVM. {@code GraalPyRuntime} is the shell the
 * kernel calls, on one guest thread; {@code GraalPyContexts} sets up the engine and its contexts,
 * {@code GuestInterrupts} stops a running call, {@code GuestErrors} words what Python could not. The
 * guest-side half is {@code pymastery_kernel.py} and its parts ({@code shell_*.py}) beside these
 * classes, joined into one source ({@code GraalPyContexts.HELPER_FILES}).
 */
package dev.pymastery.kernel.runtime.graalpy;
