package io.newsflow;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** How the tests wait for a condition: Awaitility, with what is awaited named in its failure. */
public final class Waits {

    private Waits() {
    }

    /**
     * A wait for {@code what}. Awaitility fails a wait by default when any thread dies of an uncaught
     * exception; here stream threads die on purpose (a refused write, a registry outage) and are replaced,
     * which is what such tests check, so that is turned off.
     */
    public static ConditionFactory await(String what) {
        return Awaitility.await(what).dontCatchUncaughtExceptions();
    }
}
