/**
 * The Jupyter wire protocol, for both ends of a connection: connection files ({@link
 * dev.pymastery.wire.ConnectionInfo}), messages and their signed multipart encoding ({@link
 * dev.pymastery.wire.Message}, {@link dev.pymastery.wire.WireCodec}, {@link
 * dev.pymastery.wire.Signer}), and ZeroMQ sockets ({@link dev.pymastery.wire.WireSockets}), the only
 * code that uses JeroMQ. The kernel serves on it; the notebook runner and the tests are clients.
 */
package dev.pymastery.wire;
