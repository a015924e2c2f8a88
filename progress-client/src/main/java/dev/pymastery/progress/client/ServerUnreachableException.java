package dev.pymastery.progress.client;

/** The server could not be reached or did not answer in time; always retryable. */
public final class ServerUnreachableException extends ProgressClientException {
    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
