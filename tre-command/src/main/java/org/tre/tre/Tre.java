package org.tre.tre;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.messages.error.DxException;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Policies;
import org.tre.messages.tre.TreCommands.ActivateTreCommand;
import org.tre.messages.tre.TreCommands.AddApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.AddApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.AddAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.AddTreAdminsCommand;
import org.tre.messages.tre.TreCommands.CreateTreCommand;
import org.tre.messages.tre.TreCommands.DeactivateTreCommand;
import org.tre.messages.tre.TreCommands.DeleteTreCommand;
import org.tre.messages.tre.TreCommands.AbandonPolicySyncCommand;
import org.tre.messages.tre.TreCommands.AbandonTreProvisioningCommand;
import org.tre.messages.tre.TreCommands.RecordPolicySyncProgressCommand;
import org.tre.messages.tre.TreCommands.RecordTreProvisioningCommand;
import org.tre.messages.tre.TreCommands.RecordTreSideEffectFailureCommand;
import org.tre.messages.tre.TreCommands.RecordExecutionRefusalCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.RemoveAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.RemoveTreAdminsCommand;
import org.tre.messages.tre.TreCommands.SetInventoryCommand;
import org.tre.messages.tre.TreCommands.SetPoliciesCommand;
import org.tre.messages.tre.TreCommands.UpdateApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.UpdateTreCommand;
import org.tre.messages.tre.TreCommands.StartTreDispensalCommand;
import org.tre.messages.tre.TreCommands.FinishTreDispensalCommand;
import org.tre.messages.tre.TreEvents.DispensedObject;
import org.tre.messages.tre.TreEvents.TreDispensalFailedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalFinishedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalStartedEvent;
import org.tre.messages.tre.TreProvisioning;
import org.tre.tre.dispensal.DispensalPlan;
import org.tre.tre.dispensal.DispensalSources;
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
import org.tre.messages.tre.TreEvents.TrePolicySyncSupersededEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreProvisioningAbandonedEvent;
import org.tre.messages.tre.TreEvents.TreSideEffectFailedEvent;
import org.tre.messages.tre.TreEvents.TreExecutionRefusedEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.messages.tre.TreState;
import org.tre.tre.activation.ActivationChecks;
import org.tre.tre.directory.TreDirectory;
import org.tre.tre.inventory.InventoryRules;
import org.tre.tre.inventory.InventoryVersions;
import org.tre.tre.lifecycle.Handles;
import org.tre.tre.lifecycle.TreDeletion;
import org.tre.tre.lifecycle.TreLifecycle;
import org.tre.tre.policy.TrePolicies;
import org.tre.tre.review.ReviewSteps;
import org.tre.tre.role.AdminRoute;
import org.tre.tre.role.AuthorizedUsers;
import org.tre.tre.role.FullScopeToken;
import org.tre.tre.role.Principals;
import org.tre.tre.role.TreAdmins;
import org.tre.tre.role.TreManagers;
import org.tre.tre.settings.PermittedRegions;
import org.tre.tre.settings.SupportAccess;
import org.tre.tre.settings.TreSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A Trusted Research Environment: its lifecycle, roles, review steps, inventories and policies. Each
 * command handler is its route of tre-api.md as guard clauses in the order of DECISIONS.md §1 (the
 * TRE exists, the caller's role, the token's scope, the state, then what needs the directory), then
 * {@code apply}. The rules live in the packages named after tre-api.md's sections; this class holds
 * the state they are asked about, changed only by the event sourcing handlers.
 */
@Aggregate(snapshotTriggerDefinition = "growingAggregateSnapshots", cache = "aggregateCache")
// Snapshots are written by Jackson straight from the fields: the state is the fields, nothing else.
// Renaming a field or changing its type needs a new @Revision on this class: Axon's revision snapshot
// filter then skips the stored snapshots (the TRE loads from its events) instead of failing on them.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Tre {

    @AggregateIdentifier
    private String treId;
    private String billTo;
    private String region;
    private TreState state;
    private boolean customizedRateCard;
    private String supportOrg;
    private boolean allowSupportAccess;
    private final Set<String> admins = new LinkedHashSet<>();
    private List<String> authorizedUsers = List.of();
    private final Map<String, List<String>> reviewersByStep = new LinkedHashMap<>();
    private Inventory activeInventory;
    private Inventory pendingInventory;
    private final Map<String, Boolean> policies = new LinkedHashMap<>(Policies.none());
    private boolean policiesSet;
    private TreProvisionedEvent provisioned;
    /** An activation's provisioning has neither been recorded nor given up yet. */
    private boolean provisioningPending;
    private String policySyncId;
    private long policySyncs;
    private long policySyncTotal;
    /** A synchronization was given up: some projects may not carry the policies yet. */
    private boolean policySyncAbandoned;
    /** The dispensal running now (the queue lets one run at a time) and its inventory version. */
    private String runningDispensal;
    private String runningDispensalVersion;
    /** Every dispensal the TRE has recorded: one asked to start again, or to end again, changes nothing. */
    private final Set<String> dispensals = new LinkedHashSet<>();
    /** The refused executions the TRE has recorded: a run retried with its nonce is recorded once. */
    private final Set<String> refusedAttempts = new LinkedHashSet<>();

    protected Tre() {
    }

    /**
     * /tre/new has no TRE whose role could be checked first: the scope precedes everything that needs
     * the billing org (DECISIONS.md §1, steps 4 and 6), then the org's facts, then the handle's state.
     */
    @CommandHandler
    public Tre(CreateTreCommand command, TreDirectory directory) {
        FullScopeToken.require(command.requester());
        TreManagers.requireTreManagerOf(command.billTo(), command.requester().userId(), directory);
        PermittedRegions.requirePermitted(command.billTo(), command.region(), directory);
        Handles.requireUnclaimed(command.handle(), directory);
        apply(new TreCreatedEvent(command.treId(), command.handle(), command.name(), command.description(),
                command.summary(), command.billTo(), command.region(), command.customizedRateCard(),
                command.customizedURL(), command.requester().userId()));
    }

    @CommandHandler
    public void handle(UpdateTreCommand command, TreDirectory directory) {
        requireExists();
        AdminRoute.UPDATE.requireCaller(treId, admins, command.requester());
        TreSettings.changedBy(command).forEach(setting -> setting.requireConfigurableIn(state));
        String newBillTo = Objects.requireNonNullElse(command.billTo(), billTo);
        if (command.billTo() != null) {
            TreManagers.requireTreManagerOf(newBillTo, command.requester().userId(), directory);
        }
        if (command.billTo() != null || command.region() != null) {
            PermittedRegions.requirePermitted(newBillTo, Objects.requireNonNullElse(command.region(), region),
                    directory);
        }
        if (command.supportOrgGiven()) {
            SupportAccess.requireExistingSupportOrg(command.supportOrg(), directory);
        }
        SupportAccess.requireSupportOrgForAccess(
                Objects.requireNonNullElse(command.allowSupportAccess(), allowSupportAccess),
                command.supportOrgGiven() ? command.supportOrg() : supportOrg);
        apply(new TreUpdatedEvent(treId, command.name(), command.description(), command.summary(), command.billTo(),
                command.region(), command.supportOrgGiven(), command.supportOrg(), command.allowSupportAccess(),
                command.customizedRateCard(), command.customizedURL()));
    }

    /**
     * In draft the one pending inventory is replaced in place, any version; in amending a pending
     * version above the active one is created or replaced.
     */
    @CommandHandler
    public void handle(SetInventoryCommand command, TreDirectory directory) {
        // A shape check, so it comes first (DECISIONS.md §1, §6, §12: InvalidInput); amending compares
        // versions, which needs a valid one in every state.
        InventoryVersions.requireValid(command.inventory().version());
        requireExists();
        AdminRoute.SET_INVENTORY.requireCaller(treId, admins, command.requester());
        TreSettings.INVENTORY.requireConfigurableIn(state);
        InventoryVersions.requireAboveActiveWhenAmending(state, command.inventory().version(), activeInventory);
        InventoryRules.check(command.inventory(), billTo, region, command.requester().userId(), directory);
        apply(new TreInventorySetEvent(treId, command.inventory(), pendingInventory != null));
    }

    /** A change that reaches projects starts their synchronization, and until it ends no TRE project is made. */
    @CommandHandler
    public void handle(SetPoliciesCommand command, TreDirectory directory) {
        // A shape check, so it comes first (DECISIONS.md §1, §7: InvalidInput); an unknown key would
        // otherwise enter the policies and the event's map of all ten after it.
        TrePolicies.requireKnownKeys(command.policies());
        requireExists();
        AdminRoute.SET_POLICIES.requireCaller(treId, admins, command.requester());
        TreSettings.POLICIES.requireConfigurableIn(state);
        TrePolicies.requireLicensesOfFeatureSwitches(command.policies(), billTo, directory);
        TrePolicies.requireContainsPhiStaysEnabled(policies, command.policies());
        Map<String, Boolean> changed = TrePolicies.changed(policies, command.policies());
        Map<String, Boolean> after = TrePolicies.merged(policies, command.policies());
        apply(new TrePoliciesSetEvent(treId, changed, after));
        long projects = changed.isEmpty() && !policySyncAbandoned ? 0 : directory.treProjectCount(treId);
        if (projects > 0) {
            if (policySyncId != null) {
                apply(new TrePolicySyncSupersededEvent(treId, policySyncId));
            }
            apply(new TrePolicySyncStartedEvent(treId, treId + "-sync-" + (policySyncs + 1), after, projects));
        }
    }

    /** Progress of a synchronization that a newer policy change superseded is ignored. */
    @CommandHandler
    public boolean handle(RecordPolicySyncProgressCommand command) {
        if (!command.syncId().equals(policySyncId)) {
            return false;
        }
        if (command.finished()) {
            apply(new TrePolicySyncFinishedEvent(treId, command.syncId()));
        } else {
            apply(new TrePolicySyncProgressedEvent(treId, command.syncId(), command.cursor(),
                    Math.max(0, policySyncTotal - command.done())));
        }
        return true;
    }

    /** A synchronization given up no longer blocks TRE projects; its failure stays visible to the admins. */
    @CommandHandler
    public boolean handle(AbandonPolicySyncCommand command) {
        if (!command.syncId().equals(policySyncId)) {
            return false;
        }
        apply(new TreSideEffectFailedEvent(treId, "synchronize its policies to its projects", command.reason()));
        apply(new TrePolicySyncAbandonedEvent(treId, command.syncId()));
        return true;
    }

    @CommandHandler
    public void handle(AddTreAdminsCommand command, TreDirectory directory) {
        requireExists();
        AdminRoute.ADD_TRE_ADMINS.requireCaller(treId, admins, command.requester());
        TreSettings.USER_MANAGEMENT.requireConfigurableIn(state);
        Principals.requireUsersExist(command.users(), directory);
        List<String> added = TreAdmins.newAmong(admins, command.users());
        TreAdmins.requireRoomFor(admins, added);
        TreAdmins.requireTreManagersOf(billTo, added, directory);
        if (!added.isEmpty()) {
            apply(new TreAdminsAddedEvent(treId, added));
        }
    }

    @CommandHandler
    public void handle(RemoveTreAdminsCommand command, TreDirectory directory) {
        requireExists();
        AdminRoute.REMOVE_TRE_ADMINS.requireCaller(treId, admins, command.requester());
        TreSettings.USER_MANAGEMENT.requireConfigurableIn(state);
        Principals.requireUsersExist(command.users(), directory);
        TreAdmins.requireNotThemself(command.users(), command.requester().userId());
        List<String> removed = TreAdmins.adminsAmong(admins, command.users());
        TreAdmins.requireOneLeft(admins, removed);
        if (!removed.isEmpty()) {
            apply(new TreAdminsRemovedEvent(treId, removed));
        }
    }

    @CommandHandler
    public void handle(AddAuthorizedUsersCommand command, TreDirectory directory) {
        requireExists();
        AdminRoute.ADD_AUTHORIZED_USERS.requireCaller(treId, admins, command.requester());
        TreSettings.USER_MANAGEMENT.requireConfigurableIn(state);
        Principals.requireExist(command.users(), directory);
        List<String> after = AuthorizedUsers.afterAdding(authorizedUsers, command.users());
        AuthorizedUsers.requireWithinLimit(after);
        if (!after.equals(authorizedUsers)) {
            apply(new AuthorizedUsersAddedEvent(treId, List.copyOf(command.users()), after));
        }
    }

    @CommandHandler
    public void handle(RemoveAuthorizedUsersCommand command, TreDirectory directory) {
        requireExists();
        AdminRoute.REMOVE_AUTHORIZED_USERS.requireCaller(treId, admins, command.requester());
        TreSettings.USER_MANAGEMENT.requireConfigurableIn(state);
        Principals.requireExist(command.users(), directory);
        List<String> after = AuthorizedUsers.afterRemoving(authorizedUsers, command.users());
        if (!after.equals(authorizedUsers)) {
            apply(new AuthorizedUsersRemovedEvent(treId, List.copyOf(command.users()), after));
        }
    }

    @CommandHandler
    public void handle(AddApplicationReviewStepCommand command) {
        requireExists();
        AdminRoute.ADD_APPLICATION_REVIEW_STEP.requireCaller(treId, admins, command.requester());
        TreSettings.ADD_OR_REMOVE_REVIEW_STEPS.requireConfigurableIn(state);
        ReviewSteps.requireNewStepId(reviewersByStep, command.reviewStepId());
        apply(new ApplicationReviewStepAddedEvent(treId, command.reviewStepId(), command.name(), command.description()));
    }

    @CommandHandler
    public void handle(UpdateApplicationReviewStepCommand command) {
        requireExists();
        AdminRoute.UPDATE_APPLICATION_REVIEW_STEP.requireCaller(treId, admins, command.requester());
        TreSettings.UPDATE_REVIEW_STEPS.requireConfigurableIn(state);
        ReviewSteps.requireStep(reviewersByStep, command.reviewStepId());
        apply(new ApplicationReviewStepUpdatedEvent(treId, command.reviewStepId(), command.name(),
                command.description()));
    }

    @CommandHandler
    public void handle(RemoveApplicationReviewStepCommand command) {
        requireExists();
        AdminRoute.REMOVE_APPLICATION_REVIEW_STEP.requireCaller(treId, admins, command.requester());
        TreSettings.ADD_OR_REMOVE_REVIEW_STEPS.requireConfigurableIn(state);
        ReviewSteps.requireStep(reviewersByStep, command.reviewStepId());
        apply(new ApplicationReviewStepRemovedEvent(treId, command.reviewStepId(),
                List.copyOf(reviewersByStep.get(command.reviewStepId()))));
    }

    @CommandHandler
    public void handle(AddApplicationReviewersCommand command, TreDirectory directory) {
        requireExists();
        AdminRoute.ADD_APPLICATION_REVIEWERS.requireCaller(treId, admins, command.requester());
        TreSettings.ADD_OR_REMOVE_REVIEWERS.requireConfigurableIn(state);
        ReviewSteps.requireStep(reviewersByStep, command.reviewStepId());
        Principals.requireUsersExist(command.users(), directory);
        List<String> current = reviewersByStep.get(command.reviewStepId());
        List<String> added = ReviewSteps.newReviewers(current, command.users());
        ReviewSteps.requireRoomFor(current, added);
        if (!added.isEmpty()) {
            apply(new ApplicationReviewersAddedEvent(treId, command.reviewStepId(), added));
        }
    }

    @CommandHandler
    public void handle(RemoveApplicationReviewersCommand command, TreDirectory directory) {
        requireExists();
        AdminRoute.REMOVE_APPLICATION_REVIEWERS.requireCaller(treId, admins, command.requester());
        TreSettings.ADD_OR_REMOVE_REVIEWERS.requireConfigurableIn(state);
        ReviewSteps.requireStep(reviewersByStep, command.reviewStepId());
        Principals.requireUsersExist(command.users(), directory);
        List<String> removed = ReviewSteps.reviewersAmong(reviewersByStep.get(command.reviewStepId()), command.users());
        if (!removed.isEmpty()) {
            apply(new ApplicationReviewersRemovedEvent(treId, command.reviewStepId(), removed));
        }
    }

    /** The checks of DECISIONS.md §8, in its order. */
    @CommandHandler
    public void handle(ActivateTreCommand command, TreDirectory directory) {
        requireExists();
        AdminRoute.ACTIVATE.requireCaller(treId, admins, command.requester());
        TreLifecycle.ACTIVATE.requireFrom(state);
        ActivationChecks.requireInventorySet(pendingInventory, activeInventory);
        ActivationChecks.requirePendingInventoryStillValid(pendingInventory, billTo, region, directory);
        ActivationChecks.requirePoliciesSet(policiesSet);
        ActivationChecks.requireRateCardForCustomizedRateCard(customizedRateCard, billTo, directory);
        ReviewSteps.requireReviewedStepsForActivation(reviewersByStep);
        apply(new TreActivatedEvent(treId, pendingInventory == null ? null : pendingInventory.version(),
                pendingInventory != null && activeInventory != null ? activeInventory.version() : null, billTo, region));
    }

    @CommandHandler
    public void handle(DeactivateTreCommand command) {
        requireExists();
        AdminRoute.DEACTIVATE.requireCaller(treId, admins, command.requester());
        TreLifecycle.DEACTIVATE.requireFrom(state);
        apply(new TreDeactivatedEvent(treId));
    }

    @CommandHandler
    public void handle(DeleteTreCommand command, TreDirectory directory) {
        requireExists();
        AdminRoute.DELETE.requireCaller(treId, admins, command.requester());
        TreLifecycle.DELETE.requireFrom(state);
        TreDeletion.requireNoRequests(treId, directory);
        TreDeletion.requireNoProjects(treId, directory);
        apply(new TreDeletedEvent(treId, List.copyOf(admins)));
    }

    /**
     * From the provisioning saga: records what exists once per activation, which ends its saga, and again
     * only if it changed; the same answer repeated changes nothing.
     */
    @CommandHandler
    public void handle(RecordTreProvisioningCommand command) {
        TreProvisionedEvent provisioned = new TreProvisionedEvent(treId, command.robotUser(), command.workingProject(),
                command.dispensalQueue());
        if (state != TreState.deleted && (provisioningPending || !provisioned.equals(this.provisioned))) {
            apply(provisioned);
        }
    }

    /** A provisioning given up stays visible to the admins as a failure; the next activation tries again. */
    @CommandHandler
    public boolean handle(AbandonTreProvisioningCommand command) {
        if (state == TreState.deleted || !provisioningPending) {
            return false;
        }
        apply(new TreSideEffectFailedEvent(treId, "provision its robot user, working project and dispensal queue",
                command.reason()));
        apply(new TreProvisioningAbandonedEvent(treId));
        return true;
    }

    @CommandHandler
    public void handle(RecordTreSideEffectFailureCommand command) {
        apply(new TreSideEffectFailedEvent(treId, command.effect(), command.reason()));
    }

    /**
     * A dispensal heads the queue: it takes the inventory version active now (tre-api.md "a version
     * activated later is taken by jobs that start later") and the TRE records it with the policies of
     * the moment and every object that version gives the request. An inventory that cannot be read
     * fails the dispensal on record.
     */
    @CommandHandler
    public void handle(StartTreDispensalCommand command, DispensalSources sources) {
        if (dispensals.contains(command.jobId())) {
            return;
        }
        String version = activeInventory == null ? null : activeInventory.version();
        List<DispensedObject> objects;
        try {
            objects = DispensalPlan.objects(activeInventory, command.fields(), sources);
        } catch (DxException refused) {
            apply(new TreDispensalFailedEvent(treId, command.jobId(), command.requestId(), command.projectId(),
                    version, List.of(), refused.type().name(), refused.getMessage(), command.requestedBy()));
            return;
        }
        apply(new TreDispensalStartedEvent(treId, command.jobId(), command.requestId(), command.projectId(), version,
                TrePolicies.enforced(policies), TreProvisioning.robotUser(treId), command.fields(), command.cohort(),
                objects, command.requestedBy()));
    }

    /** Only the running dispensal ends; a job given up before it started is recorded as failed. */
    @CommandHandler
    public void handle(FinishTreDispensalCommand command) {
        boolean running = command.jobId().equals(runningDispensal);
        if (!running && dispensals.contains(command.jobId())) {
            return;
        }
        String version = running ? runningDispensalVersion : null;
        if (command.failureReason() == null && running) {
            apply(new TreDispensalFinishedEvent(treId, command.jobId(), command.requestId(), command.projectId(),
                    version, command.objects(), command.requestedBy()));
        } else {
            apply(new TreDispensalFailedEvent(treId, command.jobId(), command.requestId(), command.projectId(),
                    version, command.objects(), Objects.requireNonNullElse(command.failureReason(), "InternalError"),
                    command.failureMessage(), command.requestedBy()));
        }
    }

    /**
     * tre-api.md "Execution Restrictions": the run was refused by the Job, which checked it; the TRE
     * keeps the attempt in its history whatever its state, since an auditor asks about attempts.
     */
    @CommandHandler
    public void handle(RecordExecutionRefusalCommand command) {
        if (refusedAttempts.contains(command.attemptId())) {
            return;
        }
        apply(new TreExecutionRefusedEvent(treId, command.attemptId(), command.action(), command.jobId(),
                command.userId(), command.projectId(), command.executable(), command.executableName(),
                command.restriction()));
    }

    /** After delete every route but the audit ones answers ResourceNotFound (DECISIONS.md §2), for everyone. */
    private void requireExists() {
        if (state == TreState.deleted) {
            throw DxException.notFound("The TRE " + treId + " was not found");
        }
    }

    @EventSourcingHandler
    void on(TreCreatedEvent event) {
        treId = event.treId();
        billTo = event.billTo();
        region = event.region();
        state = TreState.draft;
        customizedRateCard = event.customizedRateCard();
        admins.add(event.createdBy());
    }

    @EventSourcingHandler
    void on(TreUpdatedEvent event) {
        billTo = Objects.requireNonNullElse(event.billTo(), billTo);
        region = Objects.requireNonNullElse(event.region(), region);
        customizedRateCard = Objects.requireNonNullElse(event.customizedRateCard(), customizedRateCard);
        if (event.supportOrgChanged()) {
            supportOrg = event.supportOrg();
        }
        allowSupportAccess = Objects.requireNonNullElse(event.allowSupportAccess(), allowSupportAccess);
    }

    @EventSourcingHandler
    void on(TreInventorySetEvent event) {
        pendingInventory = event.inventory();
    }

    @EventSourcingHandler
    void on(TrePoliciesSetEvent event) {
        policies.putAll(event.policies());
        policiesSet = true;
    }

    @EventSourcingHandler
    void on(TreAdminsAddedEvent event) {
        admins.addAll(event.users());
    }

    @EventSourcingHandler
    void on(TreAdminsRemovedEvent event) {
        event.users().forEach(admins::remove);
    }

    @EventSourcingHandler
    void on(AuthorizedUsersAddedEvent event) {
        authorizedUsers = event.authorizedUsers();
    }

    @EventSourcingHandler
    void on(AuthorizedUsersRemovedEvent event) {
        authorizedUsers = event.authorizedUsers();
    }

    @EventSourcingHandler
    void on(ApplicationReviewStepAddedEvent event) {
        reviewersByStep.put(event.reviewStepId(), new ArrayList<>());
    }

    @EventSourcingHandler
    void on(ApplicationReviewStepRemovedEvent event) {
        reviewersByStep.remove(event.reviewStepId());
    }

    @EventSourcingHandler
    void on(ApplicationReviewersAddedEvent event) {
        reviewersByStep.get(event.reviewStepId()).addAll(event.users());
    }

    @EventSourcingHandler
    void on(ApplicationReviewersRemovedEvent event) {
        reviewersByStep.get(event.reviewStepId()).removeAll(event.users());
    }

    @EventSourcingHandler
    void on(TreActivatedEvent event) {
        if (pendingInventory != null) {
            activeInventory = pendingInventory;
            pendingInventory = null;
        }
        state = TreState.active;
        provisioningPending = true;
    }

    @EventSourcingHandler
    void on(TreDeactivatedEvent event) {
        state = TreState.amending;
    }

    @EventSourcingHandler
    void on(TrePolicySyncStartedEvent event) {
        policySyncId = event.syncId();
        policySyncs++;
        policySyncTotal = event.projects();
    }

    @EventSourcingHandler
    void on(TrePolicySyncFinishedEvent event) {
        policySyncId = null;
        policySyncAbandoned = false;
    }

    @EventSourcingHandler
    void on(TrePolicySyncAbandonedEvent event) {
        policySyncId = null;
        policySyncAbandoned = true;
    }

    @EventSourcingHandler
    void on(TreProvisionedEvent event) {
        provisioned = event;
        provisioningPending = false;
    }

    @EventSourcingHandler
    void on(TreProvisioningAbandonedEvent event) {
        provisioningPending = false;
    }

    @EventSourcingHandler
    void on(TreDispensalStartedEvent event) {
        dispensals.add(event.jobId());
        runningDispensal = event.jobId();
        runningDispensalVersion = event.inventoryVersion();
    }

    @EventSourcingHandler
    void on(TreDispensalFinishedEvent event) {
        runningDispensal = null;
        runningDispensalVersion = null;
    }

    @EventSourcingHandler
    void on(TreDispensalFailedEvent event) {
        dispensals.add(event.jobId());
        if (event.jobId().equals(runningDispensal)) {
            runningDispensal = null;
            runningDispensalVersion = null;
        }
    }

    @EventSourcingHandler
    void on(TreDeletedEvent event) {
        state = TreState.deleted;
    }

    @EventSourcingHandler
    void on(TreExecutionRefusedEvent event) {
        refusedAttempts.add(event.attemptId());
    }
}
