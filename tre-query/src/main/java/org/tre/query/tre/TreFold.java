package org.tre.query.tre;

import org.tre.messages.tre.Inventory.VersionState;
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
import org.tre.messages.tre.TreState;
import org.tre.query.tre.TreView.InventoryDetail;
import org.tre.query.tre.TreView.PolicySync;
import org.tre.query.tre.TreView.PolicySyncState;
import org.tre.query.tre.TreView.ReviewStep;
import org.tre.query.tre.TreView.SideEffectFailure;
import org.tre.query.tre.TreView.WorkspacePolicies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How each TRE event changes the TRE's view: the view before and the event in, the view after out.
 * Pure, so the projection that keeps the tables and the replay behind describe {"at"} (DECISIONS.md
 * §13) derive a TRE's view by the same rules and cannot drift apart. The event's time comes in with
 * it; the view before is never changed.
 */
public final class TreFold {

    /** One event type's change, made on a copy of the view before. */
    @FunctionalInterface
    private interface Step<E> {
        void change(TreView.Builder view, E event, long at);
    }

    private static final Map<Class<?>, Step<?>> STEPS = Map.ofEntries(
            step(TreUpdatedEvent.class, TreFold::updated),
            step(TreInventorySetEvent.class, TreFold::inventorySet),
            step(TrePoliciesSetEvent.class, (view, event, at) -> view.policies = view.policies.merge(event.policies())),
            step(TreAdminsAddedEvent.class, (view, event, at) -> view.treAdmins.addAll(event.users())),
            step(TreAdminsRemovedEvent.class, (view, event, at) -> view.treAdmins.removeAll(event.users())),
            // These events carry the whole list after the change, PUBLIC's replacements already made.
            step(AuthorizedUsersAddedEvent.class,
                    (view, event, at) -> view.authorizedUsers = new ArrayList<>(event.authorizedUsers())),
            step(AuthorizedUsersRemovedEvent.class,
                    (view, event, at) -> view.authorizedUsers = new ArrayList<>(event.authorizedUsers())),
            step(ApplicationReviewStepAddedEvent.class, (view, event, at) -> view.applicationReviewSteps
                    .put(event.reviewStepId(), new ReviewStep(event.name(), event.description(), List.of()))),
            step(ApplicationReviewStepUpdatedEvent.class, TreFold::reviewStepUpdated),
            step(ApplicationReviewStepRemovedEvent.class,
                    (view, event, at) -> view.applicationReviewSteps.remove(event.reviewStepId())),
            step(ApplicationReviewersAddedEvent.class, TreFold::reviewersAdded),
            step(ApplicationReviewersRemovedEvent.class, TreFold::reviewersRemoved),
            step(TreActivatedEvent.class, TreFold::activated),
            step(TreDeactivatedEvent.class, (view, event, at) -> view.state = TreState.amending),
            step(TreDeletedEvent.class, (view, event, at) -> view.state = TreState.deleted),
            step(TrePolicySyncStartedEvent.class, (view, event, at) -> view.policySync =
                    new PolicySync(PolicySyncState.syncing, event.projects())),
            step(TrePolicySyncProgressedEvent.class, (view, event, at) -> view.policySync =
                    new PolicySync(view.policySync.state(), event.pending())),
            step(TrePolicySyncFinishedEvent.class, (view, event, at) -> view.policySync = PolicySync.IDLE),
            // The failure itself is shown as a side-effect failure, recorded beside this event.
            step(TrePolicySyncAbandonedEvent.class, (view, event, at) -> view.policySync = PolicySync.IDLE),
            step(TreProvisionedEvent.class, TreFold::provisioned),
            step(TreSideEffectFailedEvent.class, (view, event, at) -> view.sideEffectFailures
                    .add(new SideEffectFailure(event.effect(), event.reason(), at))));

    private TreFold() {
    }

    /** The event types that change a TRE's view; a TRE's other events (its projects, say) leave it as it is. */
    public static Set<Class<?>> eventTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        types.add(TreCreatedEvent.class);
        types.addAll(STEPS.keySet());
        return types;
    }

    public static boolean folds(Object event) {
        return event instanceof TreCreatedEvent || STEPS.containsKey(event.getClass());
    }

    /**
     * The view {@code event}, stored at {@code at}, leaves: from nothing for {@link TreCreatedEvent}, from
     * {@code before} for the rest, each of which also sets {@code modified}.
     *
     * @throws IllegalArgumentException for an event the fold does not know ({@link #folds})
     * @throws IllegalStateException    for a creation of a TRE that has a view, or a change of one that has none
     */
    public static TreView apply(TreView before, Object event, Instant at) {
        long millis = at.toEpochMilli();
        if (event instanceof TreCreatedEvent created) {
            if (before != null) {
                throw new IllegalStateException("A view of " + created.treId() + " exists already");
            }
            return created(created, millis);
        }
        @SuppressWarnings("unchecked")
        Step<Object> step = (Step<Object>) STEPS.get(event.getClass());
        if (step == null) {
            throw new IllegalArgumentException("No TRE view change for " + event.getClass().getName());
        }
        if (before == null) {
            throw new IllegalStateException("No view to apply " + event.getClass().getSimpleName() + " to");
        }
        TreView.Builder view = before.toBuilder();
        step.change(view, event, millis);
        view.modified = millis;
        return view.build();
    }

    private static <E> Map.Entry<Class<?>, Step<?>> step(Class<E> type, Step<E> step) {
        return Map.entry(type, step);
    }

    /** The creator is the first admin; nothing is enforced until setPolicies says so. */
    private static TreView created(TreCreatedEvent event, long at) {
        TreView.Builder view = new TreView.Builder();
        view.id = event.treId();
        view.handle = event.handle();
        view.name = event.name();
        view.description = event.description();
        view.summary = event.summary();
        view.billTo = event.billTo();
        view.region = event.region();
        view.state = TreState.draft;
        view.customizedRateCard = event.customizedRateCard();
        view.customizedURL = event.customizedURL();
        view.policies = WorkspacePolicies.NONE;
        view.treAdmins.add(event.createdBy());
        view.created = at;
        view.modified = at;
        return view.build();
    }

    /** A null field did not change; supportOrg may change to null, so it has a flag of its own. */
    private static void updated(TreView.Builder view, TreUpdatedEvent event, long at) {
        if (event.name() != null) {
            view.name = event.name();
        }
        if (event.description() != null) {
            view.description = event.description();
        }
        if (event.summary() != null) {
            view.summary = event.summary();
        }
        if (event.billTo() != null) {
            view.billTo = event.billTo();
        }
        if (event.region() != null) {
            view.region = event.region();
        }
        if (event.supportOrgChanged()) {
            view.supportOrg = event.supportOrg();
        }
        if (event.allowSupportAccess() != null) {
            view.allowSupportAccess = event.allowSupportAccess();
        }
        if (event.customizedRateCard() != null) {
            view.customizedRateCard = event.customizedRateCard();
        }
        if (event.customizedURL() != null) {
            view.customizedURL = event.customizedURL();
        }
    }

    /** Newest first (DECISIONS.md §6); a replaced pending inventory leaves no trace. */
    private static void inventorySet(TreView.Builder view, TreInventorySetEvent event, long at) {
        if (event.replacedPending()) {
            view.inventoryDetails.removeIf(detail -> detail.state() == VersionState.pending);
        }
        view.inventoryDetails.add(0, InventoryDetail.pending(event.inventory(), at));
    }

    /**
     * The pending inventory becomes active and the active one inactive; activating from amending with
     * nothing pending ({@code activatedVersion} null) keeps the active one.
     */
    private static void activated(TreView.Builder view, TreActivatedEvent event, long at) {
        view.state = TreState.active;
        boolean replacesActive = event.activatedVersion() != null;
        view.inventoryDetails.replaceAll(detail -> switch (detail.state()) {
            case active -> replacesActive ? detail.deactivated() : detail;
            case pending -> detail.activatedAt(at);
            case inactive -> detail;
        });
    }

    private static void reviewStepUpdated(TreView.Builder view, ApplicationReviewStepUpdatedEvent event, long at) {
        ReviewStep step = reviewStep(view, event.reviewStepId());
        view.applicationReviewSteps.put(event.reviewStepId(), new ReviewStep(
                event.name() != null ? event.name() : step.name(),
                event.description() != null ? event.description() : step.description(),
                step.reviewers()));
    }

    private static void reviewersAdded(TreView.Builder view, ApplicationReviewersAddedEvent event, long at) {
        ReviewStep step = reviewStep(view, event.reviewStepId());
        List<String> reviewers = new ArrayList<>(step.reviewers());
        reviewers.addAll(event.users());
        view.applicationReviewSteps.put(event.reviewStepId(), new ReviewStep(step.name(), step.description(),
                reviewers));
    }

    private static void reviewersRemoved(TreView.Builder view, ApplicationReviewersRemovedEvent event, long at) {
        ReviewStep step = reviewStep(view, event.reviewStepId());
        List<String> reviewers = new ArrayList<>(step.reviewers());
        reviewers.removeAll(event.users());
        view.applicationReviewSteps.put(event.reviewStepId(), new ReviewStep(step.name(), step.description(),
                reviewers));
    }

    private static ReviewStep reviewStep(TreView.Builder view, String reviewStepId) {
        ReviewStep step = view.applicationReviewSteps.get(reviewStepId);
        if (step == null) {
            throw new IllegalStateException("No review step " + reviewStepId + " in the view of " + view.id);
        }
        return step;
    }

    private static void provisioned(TreView.Builder view, TreProvisionedEvent event, long at) {
        view.robotUser = event.robotUser();
        view.workingProject = event.workingProject();
        view.dispensalQueue = event.dispensalQueue();
    }
}
