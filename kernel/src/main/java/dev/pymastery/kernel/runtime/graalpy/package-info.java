/**
 * GraalPy in this JVM: the only package that imports GraalVM. The guest-side half lives in
 * {@code pymastery_kernel.py} beside these classes.
 */
package dev.pymastery.kernel.runtime.graalpy;
