package dev.pymastery.wire;

/**
 * A message that cannot be read: wrong frames, bad JSON, a signature that does not match, or a
 * replay of one already received.
 */
public final class MalformedMessageException extends RuntimeException {
    private final String kind;

    MalformedMessageException(String kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    MalformedMessageException(String kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    /** A short name for what was wrong ({@code frames}, {@code signature}, {@code replay}, ...), for the log. */
    public String kind() {
        return kind;
    }
}
