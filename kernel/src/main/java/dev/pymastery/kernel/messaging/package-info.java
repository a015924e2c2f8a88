/**
 * The Jupyter protocol: the only package that touches ZeroMQ and the wire format. It turns
 * requests into calls on an {@link dev.pymastery.kernel.interpreter.Interpreter} and results into
 * messages. {@link dev.pymastery.kernel.messaging.WireCodec} and
 * {@link dev.pymastery.kernel.messaging.Signer} are public so clients (the notebook runner) share
 * one implementation of framing and signing.
 */
package dev.pymastery.kernel.messaging;
