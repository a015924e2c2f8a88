/**
 * The kernel's end of the Jupyter protocol: it turns requests into calls on an {@link
 * dev.pymastery.kernel.interpreter.Interpreter} and results into messages, over the sockets and the
 * signed framing of the wire module ({@code dev.pymastery.wire}), which the notebook runner and the
 * tests share as clients.
 */
package dev.pymastery.kernel.messaging;
