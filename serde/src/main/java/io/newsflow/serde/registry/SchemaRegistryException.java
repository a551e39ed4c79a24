package io.newsflow.serde.registry;

/**
 * A registry call failed. Carries Confluent's error code (e.g. 40401 subject not found,
 * 40403 schema not found, 409 incompatible) so callers and the REST server can map it.
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INTERNAL = 50001;

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

    /** HTTP status the Schema Registry REST API uses for this error code. */
    public int httpStatus() {
        return errorCode >= 10000 ? errorCode / 100 : errorCode;
    }
}
