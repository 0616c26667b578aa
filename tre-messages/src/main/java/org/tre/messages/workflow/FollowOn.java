package org.tre.messages.workflow;

import org.axonframework.messaging.MetaData;

/**
 * The audit metadata a follow-on command carries: who asked and in which request (DECISIONS.md §13:
 * follow-on events carry the userId and requestId of the request that set them off). A saga's handler
 * passes it on by itself; a command sent from a callback, once the steps a saga sent have answered,
 * runs outside any handler (under Axon Server on another thread, after the saga was stored), so it is
 * given the metadata of the event that started the work explicitly.
 */
public final class FollowOn {

    /** The metadata keys every message carries: the caller, and the request it came from. */
    public static final String USER_ID = "userId";
    public static final String REQUEST_ID = "requestId";

    private FollowOn() {
    }

    public static MetaData of(MetaData handled) {
        return handled.subset(USER_ID, REQUEST_ID);
    }
}
