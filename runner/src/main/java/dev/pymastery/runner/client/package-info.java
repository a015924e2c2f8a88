/**
 * The Jupyter client side: finds kernelspecs, starts a kernel as Jupyter does (kernelspec argv, a
 * connection file with fresh ports and an HMAC key), speaks the wire protocol through the kernel
 * module's {@link dev.pymastery.kernel.messaging.WireCodec}, watches the heartbeat and the process,
 * and runs one cell at a time under timeouts. The only package that touches ZeroMQ or processes.
 */
package dev.pymastery.runner.client;
