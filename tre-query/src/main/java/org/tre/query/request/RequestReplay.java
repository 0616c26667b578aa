package org.tre.query.request;

import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;

/**
 * A request as it stood at a moment (describe {"at"}): its events up to then, folded in memory by the
 * projection's rules, nothing stored.
 */
public final class RequestReplay {

    private RequestReplay() {
    }

    /** Empty when the request did not exist at {@code at}; a moment after its last event gives it as it is. */
    public static Optional<RequestView> asOf(Iterable<? extends EventMessage<?>> history, long at) {
        RequestView view = null;
        for (EventMessage<?> event : history) {
            if (event.getTimestamp().toEpochMilli() > at) {
                break;
            }
            if (RequestFold.folds(event.getPayload())) {
                view = RequestFold.apply(view, event.getPayload(), event.getTimestamp());
            }
        }
        return Optional.ofNullable(view);
    }
}
