/**
 * Where a CPython agent process runs: a container through the Docker Engine API (Docker, or
 * Podman's compatible service) over its Unix socket, or a local interpreter process. The only
 * package that knows the container engine; the runtime above it sees {@link
 * dev.pymastery.kernel.runtime.container.engine.Engine} and {@link
 * dev.pymastery.kernel.runtime.container.engine.AgentProcess}.
 */
package dev.pymastery.kernel.runtime.container.engine;
