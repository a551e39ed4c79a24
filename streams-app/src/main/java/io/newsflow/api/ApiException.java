package io.newsflow.api;

/** A request the API answers with an error status and a JSON body {@code {"status", "error"}}. */
public final class ApiException extends RuntimeException {

    /** Seconds a client should wait before retrying a 503. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final int status;

    private ApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, null);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message, null);
    }

    /** No credential, or one nobody was given: 401 (with {@code WWW-Authenticate}). */
    public static ApiException unauthorized(String message) {
        return new ApiException(401, message, null);
    }

    /** A valid credential that does not open this door (a user's token on the peers' endpoint): 403. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, message, null);
    }

    /** The state is not queryable right now (rebalancing, restoring, owner unreachable): retry later. */
    public static ApiException unavailable(String message, Throwable cause) {
        return new ApiException(503, message, cause);
    }

    public int status() {
        return status;
    }
}
