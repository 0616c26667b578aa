package org.tre.tre.provisioning;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How long a side effect's attempt may take before it is tried again: a delay that doubles with each
 * attempt, for a bounded number of attempts, after which the side effect is given up.
 */
@Component
public class SideEffectRetry {

    private final Duration firstDelay;
    private final int attempts;

    public SideEffectRetry(@Value("${tre.side-effects.retry-first-delay:PT30S}") Duration firstDelay,
                           @Value("${tre.side-effects.retry-attempts:5}") int attempts) {
        this.firstDelay = firstDelay;
        this.attempts = attempts;
    }

    /** How many attempts a side effect gets in all, the first one included. */
    public int attempts() {
        return attempts;
    }

    /** How long attempt number {@code attempt} (0 for the first) may take, or null once attempts are spent. */
    public Duration delayBefore(int attempt) {
        return attempt >= attempts ? null : firstDelay.multipliedBy(1L << Math.min(attempt, 20));
    }
}
