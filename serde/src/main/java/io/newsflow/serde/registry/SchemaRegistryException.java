package io.newsflow.serde.registry;

/**
 * A registry call failed. Carries Confluent's error code (e.g. 40401 subject not found,
 * 40403 schema not found, 409 incompatible) so callers and the REST server can map it.
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int UNAUTHORIZED = 401;
    public static final int NOT_FOUND = 404;
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int BAD_REQUEST = 400;
    public static final int METHOD_NOT_ALLOWED = 405;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INTERNAL = 50001;
    /** Not a registry code: no registry answered (connection refused, timeout, DNS). */
    public static final int NO_RESPONSE = -1;

    private final int errorCode;

    public SchemaRegistryException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** HTTP status the Schema Registry REST API uses for this error code (500 when it has none). */
    public int httpStatus() {
        if (errorCode >= 10000) {
            return errorCode / 100;
        }
        return errorCode >= 400 && errorCode < 600 ? errorCode : 500;
    }
}
