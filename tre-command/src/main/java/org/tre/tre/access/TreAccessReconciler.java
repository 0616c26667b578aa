package org.tre.tre.access;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tre.messages.project.ProjectCommands.GrantProjectAccessCommand;
import org.tre.messages.project.ProjectCommands.RevokeProjectAccessCommand;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.FindGrantsBySourceQuery;
import org.tre.messages.project.ProjectQueries.SourcedGrant;
import org.tre.messages.tre.TreCommands.RecordTreSideEffectFailureCommand;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepRemovedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersRemovedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersRemovedEvent;
import org.tre.messages.tre.TreEvents.TreActivatedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsAddedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsRemovedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.messages.tre.TreProvisioning;
import org.tre.messages.tre.TreQueries.FindTreAccessQuery;
import org.tre.messages.tre.TreQueries.TreAccess;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the grants a TRE gives in step with its roles and active inventory (DECISIONS.md §8):
 * computes the grants it should have given, compares them with those it has given (each sourced
 * from the TRE's id), and issues the difference. Reconciling rather than patching makes every run
 * idempotent, and a person's access from any other source is never touched.
 */
@Component
@ProcessingGroup(TreAccessReconciler.PROCESSING_GROUP)
@DisallowReplay
public class TreAccessReconciler {

    public static final String PROCESSING_GROUP = "tre-access-grants";
    private static final Logger LOG = LoggerFactory.getLogger(TreAccessReconciler.class);
    private static final int TRIES = 3;
    private static final long FIRST_PAUSE_MILLIS = 100;

    private final CommandGateway commands;
    private final QueryGateway queries;

    public TreAccessReconciler(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @EventHandler
    void on(TreActivatedEvent event) {
        reconcile(event.treId());
    }

    @EventHandler
    void on(TreProvisionedEvent event) {
        reconcile(event.treId());
    }

    @EventHandler
    void on(TreAdminsAddedEvent event) {
        reconcile(event.treId());
    }

    @EventHandler
    void on(TreAdminsRemovedEvent event) {
        reconcile(event.treId());
    }

    @EventHandler
    void on(AuthorizedUsersAddedEvent event) {
        reconcile(event.treId());
    }

    @EventHandler
    void on(AuthorizedUsersRemovedEvent event) {
        reconcile(event.treId());
    }

    @EventHandler
    void on(ApplicationReviewersAddedEvent event) {
        reconcile(event.treId());
    }

    @EventHandler
    void on(ApplicationReviewersRemovedEvent event) {
        reconcile(event.treId());
    }

    @EventHandler
    void on(ApplicationReviewStepRemovedEvent event) {
        reconcile(event.treId());
    }

    /** Of the TRE's settings only support access reaches a grant; a rename changes none. */
    @EventHandler
    void on(TreUpdatedEvent event) {
        if (event.supportOrgChanged() || event.allowSupportAccess() != null) {
            reconcile(event.treId());
        }
    }

    @EventHandler
    void on(TreDeletedEvent event) {
        reconcile(event.treId());
    }

    /** One failed grant does not stop the others; each failure is recorded on the TRE for its admins. */
    public void reconcile(String treId) {
        Optional<TreAccess> tre = queries.query(new FindTreAccessQuery(treId),
                ResponseTypes.optionalInstanceOf(TreAccess.class)).join();
        if (tre.isEmpty()) {
            return;
        }
        String source = TreProvisioning.grantSource(treId);
        List<SourcedGrant> given = queries.query(new FindGrantsBySourceQuery(source),
                ResponseTypes.multipleInstancesOf(SourcedGrant.class)).join();
        Map<String, ProjectLevel> desired = AccessPlan.desired(tre.get());
        AccessPlan.Changes changes = AccessPlan.changes(desired, given);
        for (AccessPlan.Grant grant : changes.grants()) {
            attempt(treId, "grant " + grant.level() + " on " + grant.projectId() + " to " + grant.principal(),
                    () -> commands.sendAndWait(new GrantProjectAccessCommand(grant.projectId(), grant.principal(),
                            grant.level(), source)));
        }
        for (AccessPlan.Revocation revocation : changes.revocations()) {
            attempt(treId, "revoke access to " + revocation.projectId() + " from " + revocation.principal(),
                    () -> commands.sendAndWait(new RevokeProjectAccessCommand(revocation.projectId(),
                            revocation.principal(), source)));
        }
    }

    /**
     * A passing fault (a concurrent change to the same project) clears on a second try; what still
     * fails after the last try is recorded, and the TRE's next change reconciles it again.
     */
    private void attempt(String treId, String effect, Runnable step) {
        RuntimeException last = null;
        for (int tryNumber = 0; tryNumber < TRIES; tryNumber++) {
            try {
                step.run();
                return;
            } catch (RuntimeException failure) {
                last = failure;
                if (tryNumber + 1 < TRIES) {
                    pause(FIRST_PAUSE_MILLIS << tryNumber);
                }
            }
        }
        LOG.warn("TRE {} could not {}: {}", treId, effect, last.getMessage());
        commands.sendAndWait(new RecordTreSideEffectFailureCommand(treId, effect, String.valueOf(last.getMessage())));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
