package org.tre.tre;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.messages.error.DxException;
import org.tre.messages.org.Licenses;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Policies;
import org.tre.messages.tre.TreCommands.ActivateTreCommand;
import org.tre.messages.tre.TreCommands.AddApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.AddApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.AddAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.AddTreAdminsCommand;
import org.tre.messages.tre.TreCommands.CreateTreCommand;
import org.tre.messages.tre.TreCommands.DeactivateTreCommand;
import org.tre.messages.tre.TreCommands.CreateTreProjectCommand;
import org.tre.messages.tre.TreCommands.DeleteTreCommand;
import org.tre.messages.tre.TreCommands.AbandonPolicySyncCommand;
import org.tre.messages.tre.TreCommands.RecordPolicySyncProgressCommand;
import org.tre.messages.tre.TreCommands.RecordTreProvisioningCommand;
import org.tre.messages.tre.TreCommands.RecordTreSideEffectFailureCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.RemoveAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.RemoveTreAdminsCommand;
import org.tre.messages.tre.TreCommands.SetInventoryCommand;
import org.tre.messages.tre.TreCommands.SetPoliciesCommand;
import org.tre.messages.tre.TreCommands.UpdateApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.UpdateTreCommand;
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
import org.tre.messages.tre.TreEvents.TreProjectAuthorizedEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreSideEffectFailedEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.messages.tre.TreState;
import org.tre.tre.directory.TreDirectory;
import org.tre.tre.directory.TreDirectory.BillingOrg;
import org.tre.tre.directory.TreDirectory.OrgRole;
import org.tre.tre.inventory.InventoryRules;
import org.tre.tre.inventory.InventoryVersions;
import org.tre.tre.role.AuthorizedUsers;

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
 * command handler is the rule of tre-api.md for its route: guard clauses, then {@code apply}.
 */
@Aggregate(snapshotTriggerDefinition = "growingAggregateSnapshots")
// Snapshots are written by Jackson straight from the fields: the state is the fields, nothing else.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Tre {

    static final int MAX_ADMINS = 100;
    static final int MAX_REVIEWERS_PER_STEP = 100;

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
    private String policySyncId;
    private long policySyncs;
    private long policySyncTotal;
    /** A synchronization was given up: some projects may not carry the policies yet. */
    private boolean policySyncAbandoned;

    protected Tre() {
    }

    @CommandHandler
    public Tre(CreateTreCommand command, TreDirectory directory) {
        requireTreManager(command.billTo(), command.requestedBy(), directory);
        requirePermittedRegion(command.billTo(), command.region(), directory);
        if (directory.treHandleTaken(command.handle())) {
            throw DxException.invalidState("The TRE handle " + command.handle() + " is taken");
        }
        apply(new TreCreatedEvent(command.treId(), command.handle(), command.name(), command.description(),
                command.summary(), command.billTo(), command.region(), command.customizedRateCard(),
                command.customizedURL(), command.requestedBy()));
    }

    /** name, description, summary and allowSupportAccess change in every state; the rest only in draft. */
    @CommandHandler
    public void handle(UpdateTreCommand command, TreDirectory directory) {
        requireAdmin(command.requestedBy());
        boolean draftOnlyField = command.billTo() != null || command.region() != null || command.supportOrgGiven()
                || command.customizedRateCard() != null || command.customizedURL() != null;
        if (draftOnlyField && state != TreState.draft) {
            throw DxException.invalidState("billTo, region, supportOrg, customizedRateCard and customizedURL can only"
                    + " be changed in draft; the TRE is " + state);
        }
        String newBillTo = Objects.requireNonNullElse(command.billTo(), billTo);
        if (command.billTo() != null) {
            requireTreManager(newBillTo, command.requestedBy(), directory);
        }
        if (command.billTo() != null || command.region() != null) {
            requirePermittedRegion(newBillTo, Objects.requireNonNullElse(command.region(), region), directory);
        }
        if (command.supportOrgGiven() && command.supportOrg() != null && directory.org(command.supportOrg()).isEmpty()) {
            throw DxException.notFound("The support org " + command.supportOrg() + " was not found");
        }
        String newSupportOrg = command.supportOrgGiven() ? command.supportOrg() : supportOrg;
        // The rule holds for the state after the call, whichever of the two it names: clearing the
        // supportOrg while support access stays on would grant access to no org (DECISIONS.md §12).
        boolean newAllowSupportAccess = Objects.requireNonNullElse(command.allowSupportAccess(), allowSupportAccess);
        if (newAllowSupportAccess && newSupportOrg == null) {
            throw DxException.invalidInput("allowSupportAccess needs a supportOrg");
        }
        apply(new TreUpdatedEvent(treId, command.name(), command.description(), command.summary(), command.billTo(),
                command.region(), command.supportOrgGiven(), command.supportOrg(), command.allowSupportAccess(),
                command.customizedRateCard(), command.customizedURL()));
    }

    /**
     * In draft the one pending inventory is replaced in place, any version; in amending a pending
     * version above the active one is created or replaced; never while active.
     */
    @CommandHandler
    public void handle(SetInventoryCommand command, TreDirectory directory) {
        // A shape check, so it comes first (DECISIONS.md §1, §6, §12: InvalidInput); amending compares
        // versions, which needs a valid one in every state.
        InventoryVersions.requireValid(command.inventory().version());
        requireAdmin(command.requestedBy());
        if (state == TreState.active) {
            throw DxException.invalidState("Inventory cannot be updated when the TRE is active; deactivate it first");
        }
        Inventory inventory = command.inventory();
        if (state == TreState.amending && activeInventory != null
                && !InventoryVersions.isGreater(inventory.version(), activeInventory.version())) {
            throw DxException.invalidInput("version " + inventory.version() + " must be greater than the active "
                    + activeInventory.version());
        }
        InventoryRules.check(inventory, billTo, region, command.requestedBy(), directory);
        apply(new TreInventorySetEvent(treId, inventory, pendingInventory != null));
    }

    @CommandHandler
    public void handle(SetPoliciesCommand command, TreDirectory directory) {
        // A shape check, so it comes first (DECISIONS.md §1, §7: InvalidInput); an unknown key would
        // otherwise enter the policies and the event's map of all ten after it.
        for (String key : command.policies().keySet()) {
            if (!Policies.KEYS.contains(key)) {
                throw DxException.invalidInput("Unrecognized policy key " + key);
            }
        }
        requireAdmin(command.requestedBy());
        featureSwitchedPoliciesNeedTheirLicense(command.policies(), directory);
        containsPhiCanNeverBeTurnedOff(command.policies());
        Map<String, Boolean> changed = new LinkedHashMap<>();
        command.policies().forEach((key, value) -> {
            if (!Objects.equals(policies.get(key), value)) {
                changed.put(key, value);
            }
        });
        Map<String, Boolean> after = new LinkedHashMap<>(policies);
        after.putAll(command.policies());
        apply(new TrePoliciesSetEvent(treId, changed, after));
        long projects = changed.isEmpty() && !policySyncAbandoned ? 0 : directory.treProjectCount(treId);
        if (projects > 0) {
            if (policySyncId != null) {
                apply(new TrePolicySyncSupersededEvent(treId, policySyncId));
            }
            apply(new TrePolicySyncStartedEvent(treId, treId + "-sync-" + (policySyncs + 1), after, projects));
        }
    }

    /**
     * A TRE project is allowed to its admins and authorized users (directly, through an org, or
     * PUBLIC) while the TRE is active and no policy synchronization runs; it is billed to the TRE's
     * org in its region and carries every non-null policy as its flag (DECISIONS.md §12).
     */
    @CommandHandler
    public void handle(CreateTreProjectCommand command) {
        if (state == TreState.deleted) {
            throw DxException.notFound("The TRE " + treId + " was not found");
        }
        boolean allowed = admins.contains(command.requestedBy())
                || authorizedUsers.stream().anyMatch(command.principals()::contains);
        if (!allowed) {
            throw DxException.permissionDenied("Only the admins and authorized users of " + treId
                    + " may create its projects");
        }
        if (state != TreState.active) {
            throw DxException.invalidState("TRE projects can only be created while the TRE is active; it is " + state);
        }
        if (policySyncId != null) {
            throw DxException.invalidState("Policy synchronization in progress: try again when it has finished");
        }
        if (command.billTo() != null && !command.billTo().equals(billTo)) {
            throw DxException.invalidInput("A project of " + treId + " is billed to " + billTo + ", not "
                    + command.billTo());
        }
        if (command.region() != null && !command.region().equals(region)) {
            throw DxException.invalidInput("A project of " + treId + " is in " + region + ", not " + command.region());
        }
        Map<String, Boolean> enforced = new LinkedHashMap<>();
        policies.forEach((key, value) -> {
            if (value != null) {
                enforced.put(key, value);
            }
        });
        apply(new TreProjectAuthorizedEvent(treId, command.projectId(), command.name(), command.summary(),
                command.description(), command.tags(), command.properties(), billTo, region, enforced,
                command.requestedBy()));
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
        requireAdmin(command.requestedBy());
        usersMustExist(command.users(), directory);
        List<String> added = command.users().stream().distinct().filter(u -> !admins.contains(u)).toList();
        if (admins.size() + added.size() > MAX_ADMINS) {
            throw DxException.invalidInput("A TRE has at most " + MAX_ADMINS + " admins");
        }
        for (String user : added) {
            boolean manager = directory.member(billTo, user).map(OrgRole::treManagement).orElse(false);
            if (!manager) {
                throw DxException.invalidInput(user + " must be a member of " + billTo + " with the treManagement flag");
            }
        }
        if (!added.isEmpty()) {
            apply(new TreAdminsAddedEvent(treId, added));
        }
    }

    @CommandHandler
    public void handle(RemoveTreAdminsCommand command, TreDirectory directory) {
        requireAdmin(command.requestedBy());
        usersMustExist(command.users(), directory);
        if (command.users().contains(command.requestedBy())) {
            throw DxException.invalidInput("A TRE admin cannot remove themself");
        }
        List<String> removed = command.users().stream().distinct().filter(admins::contains).toList();
        if (removed.size() == admins.size()) {
            throw DxException.invalidInput("The last TRE admin cannot be removed");
        }
        if (!removed.isEmpty()) {
            apply(new TreAdminsRemovedEvent(treId, removed));
        }
    }

    @CommandHandler
    public void handle(AddAuthorizedUsersCommand command, TreDirectory directory) {
        requireAdmin(command.requestedBy());
        principalsMustExist(command.users(), directory);
        List<String> after = AuthorizedUsers.afterAdding(authorizedUsers, command.users());
        if (after.size() > AuthorizedUsers.LIMIT) {
            throw DxException.invalidInput("A TRE has at most " + AuthorizedUsers.LIMIT + " authorized users");
        }
        if (!after.equals(authorizedUsers)) {
            apply(new AuthorizedUsersAddedEvent(treId, List.copyOf(command.users()), after));
        }
    }

    @CommandHandler
    public void handle(RemoveAuthorizedUsersCommand command, TreDirectory directory) {
        requireAdmin(command.requestedBy());
        principalsMustExist(command.users(), directory);
        List<String> after = AuthorizedUsers.afterRemoving(authorizedUsers, command.users());
        if (!after.equals(authorizedUsers)) {
            apply(new AuthorizedUsersRemovedEvent(treId, List.copyOf(command.users()), after));
        }
    }

    @CommandHandler
    public void handle(AddApplicationReviewStepCommand command) {
        requireAdmin(command.requestedBy());
        reviewStepsChangeOnlyInDraft();
        if (reviewersByStep.containsKey(command.reviewStepId())) {
            throw DxException.invalidInput("A review step with the id " + command.reviewStepId() + " already exists");
        }
        apply(new ApplicationReviewStepAddedEvent(treId, command.reviewStepId(), command.name(), command.description()));
    }

    /** Unlike adding and removing, a step's name and description change in every state. */
    @CommandHandler
    public void handle(UpdateApplicationReviewStepCommand command) {
        requireAdmin(command.requestedBy());
        requireStep(command.reviewStepId());
        apply(new ApplicationReviewStepUpdatedEvent(treId, command.reviewStepId(), command.name(),
                command.description()));
    }

    @CommandHandler
    public void handle(RemoveApplicationReviewStepCommand command) {
        requireAdmin(command.requestedBy());
        reviewStepsChangeOnlyInDraft();
        requireStep(command.reviewStepId());
        apply(new ApplicationReviewStepRemovedEvent(treId, command.reviewStepId(),
                List.copyOf(reviewersByStep.get(command.reviewStepId()))));
    }

    /** Reviewers can be added in any state (tre-api.md "Data Access Request Review Steps"). */
    @CommandHandler
    public void handle(AddApplicationReviewersCommand command, TreDirectory directory) {
        requireAdmin(command.requestedBy());
        requireStep(command.reviewStepId());
        usersMustExist(command.users(), directory);
        List<String> current = reviewersByStep.get(command.reviewStepId());
        List<String> added = command.users().stream().distinct().filter(u -> !current.contains(u)).toList();
        if (current.size() + added.size() > MAX_REVIEWERS_PER_STEP) {
            throw DxException.invalidInput("A review step has at most " + MAX_REVIEWERS_PER_STEP + " reviewers");
        }
        if (!added.isEmpty()) {
            apply(new ApplicationReviewersAddedEvent(treId, command.reviewStepId(), added));
        }
    }

    /** Reviewers can be removed in any state. */
    @CommandHandler
    public void handle(RemoveApplicationReviewersCommand command, TreDirectory directory) {
        requireAdmin(command.requestedBy());
        requireStep(command.reviewStepId());
        usersMustExist(command.users(), directory);
        List<String> removed = command.users().stream().distinct()
                .filter(reviewersByStep.get(command.reviewStepId())::contains).toList();
        if (!removed.isEmpty()) {
            apply(new ApplicationReviewersRemovedEvent(treId, command.reviewStepId(), removed));
        }
    }

    /** The checks of DECISIONS.md §8, in its order, each saying what is missing. */
    @CommandHandler
    public void handle(ActivateTreCommand command, TreDirectory directory) {
        requireAdmin(command.requestedBy());
        if (state != TreState.draft && state != TreState.amending) {
            throw DxException.invalidState("Only a TRE in draft or amending can be activated; it is " + state);
        }
        if (pendingInventory == null && activeInventory == null) {
            throw DxException.invalidState("The inventory is not set: call setInventory first");
        }
        if (pendingInventory != null) {
            try {
                InventoryRules.checkReferences(pendingInventory, billTo, region, directory);
            } catch (DxException stale) {
                throw DxException.invalidState("The pending inventory is no longer valid: " + stale.getMessage());
            }
        }
        if (!policiesSet) {
            throw DxException.invalidState("The policies are not set: call setPolicies first");
        }
        if (customizedRateCard && !directory.org(billTo).map(BillingOrg::rateCard).orElse(false)) {
            throw DxException.invalidState("The TRE uses a customizedRateCard but " + billTo + " has no rate card");
        }
        if (reviewersByStep.isEmpty()) {
            throw DxException.invalidState("The TRE needs at least one application review step");
        }
        for (Map.Entry<String, List<String>> step : reviewersByStep.entrySet()) {
            if (step.getValue().isEmpty()) {
                throw DxException.invalidState("The review step " + step.getKey() + " has no reviewer");
            }
        }
        apply(new TreActivatedEvent(treId, pendingInventory == null ? null : pendingInventory.version(),
                pendingInventory != null && activeInventory != null ? activeInventory.version() : null, billTo, region));
    }

    @CommandHandler
    public void handle(DeactivateTreCommand command) {
        requireAdmin(command.requestedBy());
        if (state != TreState.active) {
            throw DxException.invalidState("Only an active TRE can be deactivated; it is " + state);
        }
        apply(new TreDeactivatedEvent(treId));
    }

    @CommandHandler
    public void handle(DeleteTreCommand command, TreDirectory directory) {
        requireAdmin(command.requestedBy());
        if (state != TreState.draft && state != TreState.amending) {
            throw DxException.invalidState("Only a TRE in draft or amending can be deleted; it is " + state);
        }
        if (directory.treProjectCount(treId) > 0) {
            throw DxException.invalidState("The TRE has projects associated with it");
        }
        apply(new TreDeletedEvent(treId, List.copyOf(admins)));
    }

    /** From the provisioning saga: records what exists, once, and again only if it changed. */
    @CommandHandler
    public void handle(RecordTreProvisioningCommand command) {
        TreProvisionedEvent provisioned = new TreProvisionedEvent(treId, command.robotUser(), command.workingProject(),
                command.dispensalQueue());
        if (state != TreState.deleted && !provisioned.equals(this.provisioned)) {
            apply(provisioned);
        }
    }

    @CommandHandler
    public void handle(RecordTreSideEffectFailureCommand command) {
        apply(new TreSideEffectFailedEvent(treId, command.effect(), command.reason()));
    }

    private void requireAdmin(String userId) {
        if (state == TreState.deleted) {
            throw DxException.notFound("The TRE " + treId + " was not found");
        }
        if (!admins.contains(userId)) {
            throw DxException.permissionDenied("The requesting user must be a TRE admin of " + treId);
        }
    }

    /** /tre/new and a new billTo: an ADMIN of the org, holding treManagement, in an org licensed for TREs. */
    private static void requireTreManager(String orgId, String userId, TreDirectory directory) {
        BillingOrg org = directory.org(orgId)
                .orElseThrow(() -> DxException.notFound("The org " + orgId + " specified in billTo was not found"));
        OrgRole role = directory.member(orgId, userId).orElse(null);
        if (role == null || !role.isAdmin()) {
            throw DxException.permissionDenied("The requesting user must be an admin of the org " + orgId);
        }
        if (!role.treManagement()) {
            throw DxException.permissionDenied("The requesting user must have the treManagement permission flag in "
                    + orgId);
        }
        if (!org.licenses().contains(Licenses.TRE_MANAGEMENT)) {
            throw DxException.permissionDenied("The org " + orgId + " must have the treManagement feature enabled");
        }
    }

    private static void requirePermittedRegion(String orgId, String region, TreDirectory directory) {
        BillingOrg org = directory.org(orgId).orElseThrow(() -> DxException.notFound("The org " + orgId + " was not found"));
        if (!org.permittedRegions().contains(region)) {
            throw DxException.invalidInput("region " + region + " is not one of the allowed regions of " + orgId);
        }
    }

    private void featureSwitchedPoliciesNeedTheirLicense(Map<String, Boolean> changes, TreDirectory directory) {
        Set<String> licenses = directory.org(billTo).map(BillingOrg::licenses).orElse(Set.of());
        changes.forEach((key, value) -> {
            String license = Policies.LICENSE_OF.get(key);
            if (value != null && license != null && !licenses.contains(license)) {
                throw DxException.permissionDenied("The policy " + key + " needs the " + license
                        + " feature switch on " + billTo);
            }
        });
    }

    private void containsPhiCanNeverBeTurnedOff(Map<String, Boolean> changes) {
        if (Boolean.TRUE.equals(policies.get(Policies.CONTAINS_PHI)) && changes.containsKey(Policies.CONTAINS_PHI)
                && !Boolean.TRUE.equals(changes.get(Policies.CONTAINS_PHI))) {
            throw DxException.invalidState("containsPHI, once enabled, cannot be disabled");
        }
    }

    private void reviewStepsChangeOnlyInDraft() {
        if (state != TreState.draft) {
            throw DxException.invalidState("Review steps can only be added or removed in draft; the TRE is " + state);
        }
    }

    private void requireStep(String reviewStepId) {
        if (!reviewersByStep.containsKey(reviewStepId)) {
            throw DxException.invalidInput("The review step " + reviewStepId + " is not defined in the TRE");
        }
    }

    private static void usersMustExist(List<String> users, TreDirectory directory) {
        for (String user : users) {
            if (!directory.userExists(user)) {
                throw DxException.notFound("The user " + user + " does not exist");
            }
        }
    }

    private static void principalsMustExist(List<String> principals, TreDirectory directory) {
        for (String principal : principals) {
            boolean exists = AuthorizedUsers.PUBLIC.equals(principal)
                    || (principal.startsWith("org-") ? directory.org(principal).isPresent()
                    : directory.userExists(principal));
            if (!exists) {
                throw DxException.notFound("The user or org " + principal + " does not exist");
            }
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
    }

    @EventSourcingHandler
    void on(TreDeletedEvent event) {
        state = TreState.deleted;
    }
}
