package io.newsflow.text;

/** A half-open character range [start, end) of an analysed text. */
record CharRange(int start, int end) {

    boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
