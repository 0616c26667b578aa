package org.tre.query.request;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import org.tre.messages.request.RequestEvents.AccessRequestApprovedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestCreatedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestDeletedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestSubmittedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestUpdatedEvent;
import org.tre.messages.request.RequestEvents.CohortMetadataCreatedEvent;
import org.tre.messages.request.RequestEvents.CohortMetadataUpdatedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsAddedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsRemovedEvent;
import org.tre.messages.request.RequestEvents.ReviewStepApprovedEvent;
import org.tre.messages.request.RequestEvents.ReviewStepRejectedEvent;
import org.tre.messages.request.RequestState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request read model: each event {@link RequestFold folded} into the request's view and kept in
 * {@link RequestViewStore}. It is written in the command's transaction wherever the request aggregate
 * runs, also under Axon Server, so describe, find and the TRE's count of live requests show a command
 * as soon as it is answered.
 */
@Component
@ProcessingGroup(RequestProjection.PROCESSING_GROUP)
public class RequestProjection {

    public static final String PROCESSING_GROUP = "tre-requests";

    private final RequestViewStore store;

    public RequestProjection(RequestViewStore store) {
        this.store = store;
    }

    @EventHandler
    void on(AccessRequestCreatedEvent event, @Timestamp Instant at) {
        store.insert(RequestFold.apply(null, event, at));
    }

    @EventHandler
    void on(AccessRequestUpdatedEvent event, @Timestamp Instant at) {
        change(event.requestId(), event, at);
    }

    @EventHandler
    void on(CohortMetadataCreatedEvent event, @Timestamp Instant at) {
        change(event.requestId(), event, at);
    }

    @EventHandler
    void on(CohortMetadataUpdatedEvent event, @Timestamp Instant at) {
        change(event.requestId(), event, at);
    }

    @EventHandler
    void on(CollaboratorsAddedEvent event, @Timestamp Instant at) {
        change(event.requestId(), event, at);
    }

    @EventHandler
    void on(CollaboratorsRemovedEvent event, @Timestamp Instant at) {
        change(event.requestId(), event, at);
    }

    @EventHandler
    void on(AccessRequestSubmittedEvent event, @Timestamp Instant at) {
        change(event.requestId(), event, at);
    }

    @EventHandler
    void on(ReviewStepApprovedEvent event, @Timestamp Instant at) {
        change(event.requestId(), event, at);
    }

    @EventHandler
    void on(ReviewStepRejectedEvent event, @Timestamp Instant at) {
        change(event.requestId(), event, at);
    }

    @EventHandler
    void on(AccessRequestApprovedEvent event, @Timestamp Instant at) {
        change(event.requestId(), event, at);
    }

    @EventHandler
    void on(AccessRequestDeletedEvent event, @Timestamp Instant at) {
        change(event.requestId(), event, at);
    }

    public Optional<RequestView> find(String requestId) {
        return store.find(requestId);
    }

    public List<String> visibleTo(String userId, boolean everything, RequestViewStore.Filter filter) {
        return store.visibleTo(userId, everything, filter);
    }

    public Map<RequestState, Long> countsByState(String treId) {
        return store.countsByState(treId);
    }

    public long liveCount(String treId) {
        return store.liveCount(treId);
    }

    private void change(String requestId, Object event, Instant at) {
        RequestView before = store.find(requestId)
                .orElseThrow(() -> new IllegalStateException("No view of " + requestId));
        store.update(before, RequestFold.apply(before, event, at));
    }
}
