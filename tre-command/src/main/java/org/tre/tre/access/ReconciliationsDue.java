package org.tre.tre.access;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Where a TRE's next reconciliation waits while the one under way is not known to have finished: kept
 * in the database, so a restart, or an answer that never comes back from another instance, still ends
 * in another attempt. Implemented where the scheduler runs (the command role).
 */
public interface ReconciliationsDue {

    /** Reconciles {@code attempt}'s TRE again after {@code delay}, unless cancelled first. */
    void schedule(Attempt attempt, Duration delay);

    /** The attempt before this one finished: this one is not needed. Cancelling what is gone does nothing. */
    void cancel(Attempt attempt);

    /**
     * One attempt at a reconciliation: which TRE, which reconciliation ({@code run}: the id of the event
     * that set it off, so a redelivered event names the same), which attempt (0 for the first), and the
     * audit metadata its commands carry.
     */
    record Attempt(String treId, String run, int attempt, Map<String, String> followOn) implements Serializable {

        public Attempt {
            followOn = Map.copyOf(followOn);
        }

        public Attempt next() {
            return new Attempt(treId, run, attempt + 1, followOn);
        }

        /** A name unique to this attempt of this reconciliation. */
        public String id() {
            return run + "#" + attempt;
        }
    }
}
