package org.tre.messages.request;

import java.util.Arrays;

/**
 * The states of a data access request (DECISIONS.md §15): {@code draft} → {@code in-review} (submit)
 * → {@code approved} (every step approved) or {@code in-revision} (a step rejected) → {@code in-review}
 * (resubmit). {@code deleted} is the tombstone delete leaves. Java cannot spell the dash, so each
 * state carries its wire name.
 */
public enum RequestState {
    draft("draft"),
    in_review("in-review"),
    approved("approved"),
    in_revision("in-revision"),
    deleted("deleted");

    private final String wire;

    RequestState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The state of a wire name, or null for a name that is none. */
    public static RequestState fromWire(String wire) {
        return Arrays.stream(values()).filter(state -> state.wire.equals(wire)).findFirst().orElse(null);
    }
}
