package org.tre.tre.provisioning;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** How a failed side effect is retried: after a delay that doubles each time, a bounded number of times. */
@Component
public class SideEffectRetry {

    private final Duration firstDelay;
    private final int attempts;

    public SideEffectRetry(@Value("${tre.side-effects.retry-first-delay:PT30S}") Duration firstDelay,
                           @Value("${tre.side-effects.retry-attempts:5}") int attempts) {
        this.firstDelay = firstDelay;
        this.attempts = attempts;
    }

    /** The delay before retry number {@code retry} (0 for the first), or null once retries are spent. */
    public Duration delayBefore(int retry) {
        return retry >= attempts ? null : firstDelay.multipliedBy(1L << Math.min(retry, 20));
    }
}
