package dev.pymastery.server.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens: {@code pmt_} and 32 random bytes (base64url). Only their SHA-256 is stored. A fast
 * hash is the right one here: the token has 256 bits of entropy, so there is nothing to brute-force,
 * and every request hashes one (a password hash like bcrypt would cost milliseconds each).
 */
public final class Tokens {
    public static final String PREFIX = "pmt_";
    // MessageDigest.getInstance looks the provider up each time: one digest per thread instead.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });
    private final SecureRandom random = new SecureRandom();

    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form: 64 lowercase hex digits. */
    public static String hash(String token) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
