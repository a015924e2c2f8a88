package dev.pymastery.wire;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The signatures of the last messages received, to reject replays (jupyter_client's Session keeps
 * a digest history of the same size). Bounded: past {@code capacity} the oldest is forgotten. A
 * signature is kept as 64 bits of it (an HMAC is uniformly distributed: two of 2^16 messages
 * share them by chance less than once in 8 billion sessions), about 60 bytes an entry. Not thread-safe.
 */
final class SeenSignatures {
    static final int CAPACITY = 1 << 16;

    private final int capacity;
    private final Set<Long> seen = new HashSet<>();
    private final ArrayDeque<Long> order = new ArrayDeque<>();

    SeenSignatures(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records the signature; false if it was seen before. */
    boolean add(byte[] signature) {
        long key = key(signature);
        if (!seen.add(key)) {
            return false;
        }
        order.addLast(key);
        if (order.size() > capacity) {
            seen.remove(order.removeFirst());
        }
        return true;
    }

    int size() {
        return order.size();
    }

    private static long key(byte[] signature) {
        // Signatures are hex text; 16 hex digits are 64 bits. A shorter one (another scheme) is hashed whole.
        if (signature.length >= 16) {
            long key = 0;
            boolean hex = true;
            for (int i = 0; i < 16 && hex; i++) {
                int digit = Character.digit(signature[i], 16);
                hex = digit >= 0;
                key = key << 4 | digit;
            }
            if (hex) {
                return key;
            }
        }
        return Arrays.hashCode(signature) * 0x9E3779B97F4A7C15L;
    }
}
