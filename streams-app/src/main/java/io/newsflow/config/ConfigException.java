package io.newsflow.config;

/** A missing or malformed configuration value; the message names the key, the value and where it came from. */
public class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
