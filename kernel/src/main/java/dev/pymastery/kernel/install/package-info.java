/** Kernelspecs: where Jupyter looks for them, what they say, and the JVM flags a kernel starts with. */
package dev.pymastery.kernel.install;
