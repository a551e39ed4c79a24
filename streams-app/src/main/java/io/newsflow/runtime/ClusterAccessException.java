package io.newsflow.runtime;

/**
 * The cluster refused this process's credentials, or an ACL newsflow needs is missing: the message is
 * the one line the user needs (what is missing), printed as it is, exit code 1.
 */
public final class ClusterAccessException extends RuntimeException {

    public ClusterAccessException(String message) {
        super(message);
    }
}
