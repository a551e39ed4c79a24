package io.newsflow.ingest;

/** An input (file, line, row) that cannot be used; the message is the reason reported to the user. */
public final class BadInputException extends Exception {

    public BadInputException(String reason) {
        super(reason);
    }
}
