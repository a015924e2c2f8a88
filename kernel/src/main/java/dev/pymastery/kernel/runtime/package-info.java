/**
 * Where code runs. {@link dev.pymastery.kernel.runtime.Runtime} is what every runtime offers;
 * {@code graalpy} is the only package that imports GraalVM.
 */
package dev.pymastery.kernel.runtime;
