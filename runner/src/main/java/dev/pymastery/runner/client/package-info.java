/**
 * The Jupyter client side: finds kernelspecs, starts a kernel as Jupyter does (kernelspec argv, a
 * connection file with fresh ports and an HMAC key), speaks the wire protocol through the wire
 * module's {@link dev.pymastery.wire.WireCodec}, watches the heartbeat and the process,
 * and runs one cell at a time under timeouts. The only package of the runner that opens sockets
 * (through the wire module) or starts processes.
 */
package dev.pymastery.runner.client;
