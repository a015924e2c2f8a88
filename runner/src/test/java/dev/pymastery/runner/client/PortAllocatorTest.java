package dev.pymastery.runner.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void neverHandsOutAPortTwiceEvenToConcurrentCallers() throws Exception {
        PortAllocator ports = new PortAllocator(InetAddress.getLoopbackAddress());
        ConcurrentLinkedQueue<Integer> handedOut = new ConcurrentLinkedQueue<>();
        List<Thread> threads = IntStream.range(0, 8)
                .mapToObj(i -> Thread.ofPlatform().start(() -> {
                    for (int k = 0; k < 10; k++) {
                        handedOut.addAll(ports.reserve(5));
                    }
                }))
                .toList();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(handedOut).hasSize(400).doesNotHaveDuplicates();
    }

    @Test
    void handedOutPortsAreFreeToBind() throws Exception {
        for (int port : new PortAllocator(InetAddress.getLoopbackAddress()).reserve(5)) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }
}
