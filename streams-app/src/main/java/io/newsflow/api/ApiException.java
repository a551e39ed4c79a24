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

    /** The state is not queryable right now (rebalancing, restoring, owner unreachable): retry later. */
    public static ApiException unavailable(String message, Throwable cause) {
        return new ApiException(503, message, cause);
    }

    public int status() {
        return status;
    }
}
