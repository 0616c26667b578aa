package org.tre.query.tre;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;

/**
 * A TRE as it stood at a moment (DECISIONS.md §13 describe {"at"}): its events up to then, folded in
 * memory by the rules the projection keeps its tables with, and nothing stored.
 */
public final class TreReplay {

    private TreReplay() {
    }

    /**
     * {@code history}: the TRE's events, oldest first. Empty when the TRE did not exist at {@code at}
     * (epoch milliseconds); a moment after the last event gives the TRE as it is now.
     */
    public static Optional<TreView> asOf(Iterable<? extends EventMessage<?>> history, long at) {
        TreView view = null;
        for (EventMessage<?> event : history) {
            if (event.getTimestamp().toEpochMilli() > at) {
                break;
            }
            if (!TreFold.folds(event.getPayload())) {
                continue;
            }
            try {
                view = TreFold.apply(view, event.getPayload(), event.getTimestamp());
            } catch (RuntimeException e) {
                throw new IllegalStateException("Replaying a TRE failed at " + position(event), e);
            }
        }
        return Optional.ofNullable(view);
    }

    private static String position(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() + " event " + domain.getSequenceNumber()
                : "event " + event.getIdentifier();
    }
}
