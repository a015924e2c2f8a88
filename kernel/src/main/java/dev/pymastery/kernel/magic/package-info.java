/**
 * Magics in IPython's spelling: the parser that finds them in a cell, the registry other parts of
 * the kernel join, and the built-in magics. Each magic is a small class registered explicitly.
 */
package dev.pymastery.kernel.magic;
