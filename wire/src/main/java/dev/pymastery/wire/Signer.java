package dev.pymastery.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the four signed frames of a message. Not thread-safe: the socket loop owns it.
 */
public final class Signer {
    private final Mac mac;

    private Signer(Mac mac) {
        this.mac = mac;
    }

    /** A signer for the connection's scheme; an empty key gives a signer that signs nothing. */
    public static Signer of(String scheme, String key) {
        if (key.isEmpty()) {
            return new Signer(null);
        }
        if (!scheme.startsWith("hmac-")) {
            throw new IllegalArgumentException("unsupported signature scheme '" + scheme + "'");
        }
        String algorithm = "Hmac" + scheme.substring("hmac-".length()).toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return new Signer(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported signature scheme '" + scheme + "'", e);
        }
    }

    public String sign(byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        if (mac == null) {
            return "";
        }
        mac.update(header);
        mac.update(parent);
        mac.update(metadata);
        mac.update(content);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Compares in constant time, so a forger learns nothing from how fast a reject comes. */
    public boolean verify(byte[] signature, byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        if (mac == null) {
            return true;
        }
        byte[] expected = sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature);
    }
}
