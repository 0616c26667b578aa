package org.tre.tre.access;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tre.messages.project.ProjectCommands.GrantProjectAccessCommand;
import org.tre.messages.project.ProjectCommands.RevokeProjectAccessCommand;
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
import org.tre.messages.workflow.FollowOn;
import org.tre.tre.access.ReconciliationsDue.Attempt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Keeps the grants a TRE gives in step with its roles and active inventory (DECISIONS.md §8):
 * computes the grants it should have given, compares them with those it has given (each sourced
 * from the TRE's id), and issues the difference. Reconciling rather than patching makes every run
 * idempotent, and a person's access from any other source is never touched.
 *
 * <p>Nothing here waits on the processor's thread: the read models are asked, the difference is sent,
 * and the answers are looked at as they come. Before an attempt is sent, the next one is made due
 * (ReconciliationsDue); an attempt whose every change answered cancels it, one with a failure (a
 * concurrent change to the same project, a part of the service away) leaves it to reconcile again
 * after a delay that doubles. What the last attempt still could not do is recorded on the TRE, and the
 * grant sweep reconciles it later.
 */
@Component
@ProcessingGroup(TreAccessReconciler.PROCESSING_GROUP)
@DisallowReplay
public class TreAccessReconciler {

    public static final String PROCESSING_GROUP = "tre-access-grants";
    static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(TreAccessReconciler.class);
    private static final Map<String, String> SWEEP = Map.of(FollowOn.USER_ID, "system", FollowOn.REQUEST_ID,
            "grant-sweep");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReconciliationsDue due;
    private final Duration firstDelay;

    public TreAccessReconciler(CommandGateway commands, QueryGateway queries, ReconciliationsDue due,
                               @Value("${tre.side-effects.grant-retry-first-delay:PT1S}") Duration firstDelay) {
        this.commands = commands;
        this.queries = queries;
        this.due = due;
        this.firstDelay = firstDelay;
    }

    @EventHandler
    void on(TreActivatedEvent event, EventMessage<?> message) {
        reconcile(event.treId(), message);
    }

    @EventHandler
    void on(TreProvisionedEvent event, EventMessage<?> message) {
        reconcile(event.treId(), message);
    }

    @EventHandler
    void on(TreAdminsAddedEvent event, EventMessage<?> message) {
        reconcile(event.treId(), message);
    }

    @EventHandler
    void on(TreAdminsRemovedEvent event, EventMessage<?> message) {
        reconcile(event.treId(), message);
    }

    @EventHandler
    void on(AuthorizedUsersAddedEvent event, EventMessage<?> message) {
        reconcile(event.treId(), message);
    }

    @EventHandler
    void on(AuthorizedUsersRemovedEvent event, EventMessage<?> message) {
        reconcile(event.treId(), message);
    }

    @EventHandler
    void on(ApplicationReviewersAddedEvent event, EventMessage<?> message) {
        reconcile(event.treId(), message);
    }

    @EventHandler
    void on(ApplicationReviewersRemovedEvent event, EventMessage<?> message) {
        reconcile(event.treId(), message);
    }

    @EventHandler
    void on(ApplicationReviewStepRemovedEvent event, EventMessage<?> message) {
        reconcile(event.treId(), message);
    }

    /** Of the TRE's settings only support access reaches a grant; a rename changes none. */
    @EventHandler
    void on(TreUpdatedEvent event, EventMessage<?> message) {
        if (event.supportOrgChanged() || event.allowSupportAccess() != null) {
            reconcile(event.treId(), message);
        }
    }

    @EventHandler
    void on(TreDeletedEvent event, EventMessage<?> message) {
        reconcile(event.treId(), message);
    }

    /** The grant sweep's reconciliation of one TRE, in the sweep's name. */
    public void sweep(String treId) {
        reconcile(new Attempt(treId, "sweep-" + treId, 0, SWEEP));
    }

    private void reconcile(String treId, EventMessage<?> cause) {
        Map<String, String> followOn = new LinkedHashMap<>();
        FollowOn.of(cause.getMetaData()).forEach((key, value) -> followOn.put(key, String.valueOf(value)));
        reconcile(new Attempt(treId, cause.getIdentifier(), 0, followOn));
    }

    /**
     * One attempt: the next is made due first, unless this is the last. The callbacks read only their
     * arguments: under Axon Server they run on another thread, after the handler has returned.
     */
    public void reconcile(Attempt attempt) {
        boolean last = attempt.attempt() + 1 >= ATTEMPTS;
        if (!last) {
            due.schedule(attempt.next(), firstDelay.multipliedBy(1L << attempt.attempt()));
        }
        String treId = attempt.treId();
        MetaData followOn = MetaData.from(attempt.followOn());
        CompletableFuture<Optional<TreAccess>> tre = queries.query(new FindTreAccessQuery(treId),
                ResponseTypes.optionalInstanceOf(TreAccess.class));
        CompletableFuture<List<SourcedGrant>> given = queries.query(
                new FindGrantsBySourceQuery(TreProvisioning.grantSource(treId)),
                ResponseTypes.multipleInstancesOf(SourcedGrant.class));
        tre.thenCombine(given, (access, grants) -> access
                        .map(found -> AccessPlan.changes(AccessPlan.desired(found), grants))
                        .orElse(new AccessPlan.Changes(List.of(), List.of())))
                .thenCompose(changes -> issue(treId, changes, followOn))
                .exceptionally(failure -> List.of(new Failure("read its grants", reason(failure))))
                .thenAccept(failures -> answered(attempt, last, failures, followOn));
    }

    private record Failure(String effect, String reason) {
    }

    /** Every change at once; one failed change does not stop the others. Answers the failures. */
    private CompletableFuture<List<Failure>> issue(String treId, AccessPlan.Changes changes, MetaData followOn) {
        String source = TreProvisioning.grantSource(treId);
        List<CompletableFuture<Failure>> answers = new ArrayList<>();
        for (AccessPlan.Grant grant : changes.grants()) {
            answers.add(answer("grant " + grant.level() + " on " + grant.projectId() + " to " + grant.principal(),
                    commands.send(new GrantProjectAccessCommand(grant.projectId(), grant.principal(), grant.level(),
                            source), followOn)));
        }
        for (AccessPlan.Revocation revocation : changes.revocations()) {
            answers.add(answer("revoke access to " + revocation.projectId() + " from " + revocation.principal(),
                    commands.send(new RevokeProjectAccessCommand(revocation.projectId(), revocation.principal(),
                            source), followOn)));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(all -> answers.stream().map(done -> done.getNow(null)).filter(f -> f != null).toList());
    }

    private static CompletableFuture<Failure> answer(String effect, CompletableFuture<?> sent) {
        return sent.handle((result, failure) -> failure == null ? null : new Failure(effect, reason(failure)));
    }

    /**
     * A passing fault clears at the next attempt, already due; what the last attempt still could not do
     * is recorded on the TRE for its admins.
     */
    private void answered(Attempt attempt, boolean last, List<Failure> failures, MetaData followOn) {
        if (failures.isEmpty()) {
            if (!last) {
                due.cancel(attempt.next());
            }
            return;
        }
        if (!last) {
            LOG.info("TRE {}: {} grant changes failed; reconciling again (attempt {})", attempt.treId(),
                    failures.size(), attempt.attempt() + 2);
            return;
        }
        for (Failure failure : failures) {
            LOG.warn("TRE {} could not {}: {}", attempt.treId(), failure.effect(), failure.reason());
            commands.send(new RecordTreSideEffectFailureCommand(attempt.treId(), failure.effect(), failure.reason()),
                    followOn);
        }
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
