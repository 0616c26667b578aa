package org.tre.tre.request;

import org.tre.messages.error.DxException;

/** {@code createCohortMetadata} once; {@code updateCohortMetadata} only after it (DECISIONS.md §15). */
public final class Cohort {

    private Cohort() {
    }

    public static void requireNone(boolean hasCohort, String requestId) {
        if (hasCohort) {
            throw DxException.invalidState(requestId + " has a cohort already: update it");
        }
    }

    public static void requireOne(boolean hasCohort, String requestId) {
        if (!hasCohort) {
            throw DxException.invalidState(requestId + " has no cohort yet: create it");
        }
    }
}
