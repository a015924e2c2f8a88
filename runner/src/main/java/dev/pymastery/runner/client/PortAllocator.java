package dev.pymastery.runner.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands out free TCP ports for kernels, never the same port twice in one run, so kernels started
 * side by side ({@code -j N}) cannot be given each other's ports. Each port is probed by binding it
 * (port 0, the system's pick). Another process may still take a port between the probe and the
 * kernel's bind; {@link KernelLauncher} retries that case with fresh ports. Thread-safe.
 */
public final class PortAllocator {
    private static final int ATTEMPTS = 200;

    private final InetAddress address;
    private final Set<Integer> handedOut = new HashSet<>();

    public PortAllocator(InetAddress address) {
        this.address = address;
    }

    /** {@code count} distinct ports, none handed out before by this allocator. */
    public synchronized List<Integer> reserve(int count) {
        List<Integer> ports = new ArrayList<>(count);
        List<ServerSocket> probes = new ArrayList<>(count);
        try {
            for (int attempt = 0; ports.size() < count; attempt++) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("no free TCP port on " + address + " after " + ATTEMPTS + " tries");
                }
                // Keep each probe bound until all are chosen, so the system cannot pick a port twice.
                ServerSocket probe = new ServerSocket();
                probe.setReuseAddress(false);
                probe.bind(new InetSocketAddress(address, 0));
                probes.add(probe);
                int port = probe.getLocalPort();
                if (handedOut.add(port)) {
                    ports.add(port);
                }
            }
            return List.copyOf(ports);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe for a free port on " + address, e);
        } finally {
            for (ServerSocket probe : probes) {
                try {
                    probe.close();
                } catch (IOException e) {
                    // closing a probe cannot lose anything
                }
            }
        }
    }
}
