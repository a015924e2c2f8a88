package dev.pymastery.progress.client;

/**
 * The server answered with an error status.
 *
 * <p>Retryable: 5xx, 401 and 403 (a token can be fixed), 408, 429, and any 4xx whose body is not a
 * PyMastery problem document (a proxy's or a wrong URL's page, not a verdict on the attempt).
 * Permanent: the other 4xx the progress server itself gives (400 malformed, 404, 413, 422 unknown check).
 *
 * @see #fromServer()
 */
public final class ServerResponseException extends ProgressClientException {
    private final int status;
    private final String detail;
    private final boolean fromServer;

    public ServerResponseException(int status, String detail, boolean fromServer, String message) {
        super(message, null);
        this.status = status;
        this.detail = detail;
        this.fromServer = fromServer;
    }

    public int status() {
        return status;
    }

    /** The server's explanation ({@code detail} of its problem document), or the start of the body. */
    public String detail() {
        return detail;
    }

    /** True when the body was the progress server's own problem document. */
    public boolean fromServer() {
        return fromServer;
    }

    @Override
    public boolean retryable() {
        if (status >= 500 || status == 401 || status == 403 || status == 408 || status == 429) {
            return true;
        }
        return !fromServer;
    }
}
