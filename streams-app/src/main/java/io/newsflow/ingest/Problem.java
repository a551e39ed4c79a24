package io.newsflow.ingest;

/** One piece of input that could not be used: where it is (file, or file:line) and why. */
public record Problem(String location, String reason) {

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
