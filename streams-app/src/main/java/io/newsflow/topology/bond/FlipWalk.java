package io.newsflow.topology.bond;

/**
 * How far an issuer's credit-view flips have been judged ({@code walkedTo}, event time) and the
 * divergence of its view as of that point (null before its first deal update was walked).
 */
public record FlipWalk(long walkedTo, Boolean divergent) {

    static FlipWalk start() {
        return new FlipWalk(-1, null);
    }
}
