package org.tre.api.config;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.OptionalLong;

/** Positions in the event store, whichever store it is; empty where there is none yet (an empty store). */
public final class StorePositions {

    private StorePositions() {
    }

    public static OptionalLong head(EventStore events) {
        return of(events.createHeadToken());
    }

    public static OptionalLong of(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
