package io.newsflow.runtime;

/** Bad command-line usage: reported with a hint to run {@code newsflow help}, exit code 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
