package org.tre.query.tre;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepRemovedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepUpdatedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersRemovedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersRemovedEvent;
import org.tre.messages.tre.TreEvents.TreActivatedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsAddedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsRemovedEvent;
import org.tre.messages.tre.TreEvents.TreCreatedEvent;
import org.tre.messages.tre.TreEvents.TreDeactivatedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.tre.TreEvents.TreInventorySetEvent;
import org.tre.messages.tre.TreEvents.TrePoliciesSetEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncAbandonedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncFinishedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncProgressedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncStartedEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreSideEffectFailedEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.messages.tre.TreQueries.FindTreAccessQuery;
import org.tre.messages.tre.TreQueries.TreAccess;
import org.tre.query.tre.TreView.InventoryDetail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The TRE read model: each event {@link TreFold folded} into the TRE's view and the view kept in
 * {@link TreViewStore}. Written in the command's transaction by default, so describe reflects a command
 * as soon as its response is sent; with {@code tre.read-models: streaming} it follows the store on its
 * own processor and requests wait for it (StreamingReadModels in tre-api).
 */
@Component
@ProcessingGroup(TreProjection.PROCESSING_GROUP)
public class TreProjection {

    public static final String PROCESSING_GROUP = "tre-views";

    private final TreViewStore store;

    public TreProjection(TreViewStore store) {
        this.store = store;
    }

    @EventHandler
    void on(TreCreatedEvent event, @Timestamp Instant at) {
        store.insert(TreFold.apply(null, event, at));
    }

    @EventHandler
    void on(TreUpdatedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreInventorySetEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TrePoliciesSetEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreAdminsAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreAdminsRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(AuthorizedUsersAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(AuthorizedUsersRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(ApplicationReviewStepAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(ApplicationReviewStepUpdatedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(ApplicationReviewStepRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(ApplicationReviewersAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(ApplicationReviewersRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreActivatedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TrePolicySyncStartedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TrePolicySyncProgressedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TrePolicySyncFinishedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TrePolicySyncAbandonedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreProvisionedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreSideEffectFailedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreDeactivatedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreDeletedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @QueryHandler
    public Optional<TreAccess> handle(FindTreAccessQuery query) {
        return find(query.treId()).map(TreProjection::access);
    }

    /** Grants follow the active inventory only (DECISIONS.md §8). */
    private static TreAccess access(TreView view) {
        Optional<InventoryDetail> active = view.activeInventory();
        return new TreAccess(view.id(), view.state(), List.copyOf(view.treAdmins()), List.copyOf(view.reviewers()),
                List.copyOf(view.authorizedUsers()), active.map(InventoryDetail::projects).orElse(Set.of()),
                active.map(inventory -> inventory.showcase().project()).orElse(null), view.robotUser(),
                view.workingProject(), view.supportOrg(), view.allowSupportAccess());
    }

    public Optional<TreView> find(String treId) {
        return store.find(treId);
    }

    /** Every TRE not deleted, ordered by id: what the operator may see. */
    public List<String> all() {
        return store.live();
    }

    /** The TREs not deleted that any of these principals holds a role in, ordered by id. */
    public List<String> visibleTo(Set<String> principals) {
        return store.visibleTo(principals);
    }

    private void change(String treId, Object event, Instant at) {
        TreView before = store.find(treId).orElseThrow(() -> new IllegalStateException("No view of " + treId));
        store.update(before, TreFold.apply(before, event, at));
    }
}
