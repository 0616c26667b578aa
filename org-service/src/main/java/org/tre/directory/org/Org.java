package org.tre.directory.org;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.directory.project.ProjectLookup;
import org.tre.directory.token.AuthTokens;
import org.tre.directory.token.TokenScopes;
import org.tre.directory.user.DirectoryNames;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.org.Licenses;
import org.tre.messages.org.MemberAccess;
import org.tre.messages.org.OrgCommands.AcceptPendingOrgInviteCommand;
import org.tre.messages.org.OrgCommands.CompleteOrgMemberAccessWithdrawalCommand;
import org.tre.messages.org.OrgCommands.CompleteOrgProjectLimitsUpdateCommand;
import org.tre.messages.org.OrgCommands.ConfigureJobLogsForwardingCommand;
import org.tre.messages.org.OrgCommands.CreateOrgCommand;
import org.tre.messages.org.OrgCommands.DestroyOrgCommand;
import org.tre.messages.org.OrgCommands.InviteOutcome;
import org.tre.messages.org.OrgCommands.InviteToOrgCommand;
import org.tre.messages.org.OrgCommands.MemberAccessChange;
import org.tre.messages.org.OrgCommands.RemoveOrgMemberCommand;
import org.tre.messages.org.OrgCommands.SetOrgLicensesCommand;
import org.tre.messages.org.OrgCommands.SetOrgMemberAccessCommand;
import org.tre.messages.org.OrgCommands.UpdateOrgCommand;
import org.tre.messages.org.OrgCommands.UpdateOrgProjectLimitsCommand;
import org.tre.messages.org.OrgEvents.JobLogsForwardingConfiguredEvent;
import org.tre.messages.org.OrgEvents.JobLogsForwardingDisabledEvent;
import org.tre.messages.org.OrgEvents.OrgCreatedEvent;
import org.tre.messages.org.OrgEvents.OrgDestroyedEvent;
import org.tre.messages.org.OrgEvents.OrgInviteAcceptedEvent;
import org.tre.messages.org.OrgEvents.OrgInvitePendingEvent;
import org.tre.messages.org.OrgEvents.OrgLicensesSetEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAccessChangedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAccessWithdrawalStartedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAccessWithdrawnEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAddedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberRemovedEvent;
import org.tre.messages.org.OrgEvents.OrgPendingInviteRaisedEvent;
import org.tre.messages.org.OrgEvents.OrgProjectLimitsUpdateStartedEvent;
import org.tre.messages.org.OrgEvents.OrgProjectLimitsUpdatedEvent;
import org.tre.messages.org.OrgEvents.OrgUpdatedEvent;
import org.tre.messages.project.ProjectQueries.ProjectFacts;
import org.tre.messages.project.SpendingLimitsChange;
import org.tre.messages.user.Operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organization: its members and their access, its policies, and the licenses sales switched on.
 * Every command checks, in the order of DECISIONS.md §1: the org exists, the requester's role, their
 * token's scope, then the org's state and the other entities involved.
 */
@Aggregate(snapshotTriggerDefinition = "growingAggregateSnapshots", cache = "aggregateCache")
// Snapshots are written by Jackson straight from the fields: the state is the fields, nothing else.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Org {

    /** Where a new org may create projects until sales says otherwise. */
    public static final String DEFAULT_REGION = "aws:us-east-1";

    private static final List<String> PROJECT_LEVELS = List.of("NONE", "VIEW", "UPLOAD", "CONTRIBUTE", "ADMINISTER");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @AggregateIdentifier
    private String orgId;
    private Map<String, Object> policies = new HashMap<>();
    private final Map<String, MemberAccess> members = new HashMap<>();
    private final Map<String, PendingInvite> pendingByEmail = new HashMap<>();
    private final Set<String> licenses = new HashSet<>();
    /** Removals whose access withdrawal is under way: removal id → the removed user. */
    private final Map<String, String> withdrawals = new HashMap<>();
    /** Project limit updates under way. */
    private final Set<String> limitUpdates = new HashSet<>();
    private boolean billable;
    private List<String> permittedRegions = List.of();
    private String defaultRegion;
    private boolean rateCard;
    private Map<String, Object> pricingModelsByRegion = Map.of();
    /** Null only in a snapshot taken before it was kept: forwarding may then be on. */
    private Boolean jobLogsForwarding;
    private boolean destroyed;

    private record PendingInvite(String inviteId, MemberAccess access) {
    }

    protected Org() {
    }

    @CommandHandler
    public Org(CreateOrgCommand command, DirectoryNames names) {
        TokenScopes.requireFull(command.requester());
        for (String policy : command.policies().keySet()) {
            if (OrgPolicies.UNSETTABLE_AT_CREATION.contains(policy)) {
                throw DxException.permissionDenied("A new org cannot set the policy " + policy + ": it needs a license");
            }
        }
        if (names.handleTaken(command.handle())) {
            throw DxException.invalidState("The handle " + command.handle() + " is already taken by a user or an org");
        }
        apply(new OrgCreatedEvent(command.orgId(), command.handle(), command.name(),
                OrgPolicies.merged(OrgPolicies.defaults(), command.policies()), List.of(DEFAULT_REGION), DEFAULT_REGION,
                command.requester().userId()));
        // The creator is the one and only ADMIN; treManagement is never implicit.
        apply(new OrgMemberAddedEvent(command.orgId(), command.requester().userId(), MemberAccess.admin(false), null));
    }

    @CommandHandler
    public void handle(SetOrgLicensesCommand command) {
        live();
        if (!Operator.is(command.requester().userId())) {
            throw DxException.permissionDenied("Only the operator may set an org's licenses");
        }
        TokenScopes.requireFull(command.requester());
        Map<String, Boolean> newLicenses = new LinkedHashMap<>();
        for (String license : licenses) {
            newLicenses.put(license, true);
        }
        if (command.licenses() != null) {
            newLicenses.putAll(command.licenses());
        }
        newLicenses.values().removeIf(on -> !on);
        List<String> regions = command.permittedRegions() != null ? List.copyOf(command.permittedRegions())
                : permittedRegions;
        String region = command.defaultRegion() != null ? command.defaultRegion()
                : defaultRegion != null && regions.contains(defaultRegion) ? defaultRegion
                : regions.isEmpty() ? null : regions.get(0);
        if (region != null && !regions.contains(region)) {
            throw DxException.invalidInput("defaultRegion " + region + " is not one of the permittedRegions");
        }
        apply(new OrgLicensesSetEvent(orgId,
                command.billable() != null ? command.billable() : billable,
                newLicenses, regions, region,
                command.rateCard() != null ? command.rateCard() : rateCard,
                command.pricingModelsByRegion() != null ? command.pricingModelsByRegion() : pricingModelsByRegion));
    }

    @CommandHandler
    public void handle(UpdateOrgCommand command) {
        requireAdmin(command.requester());
        if (command.policies() != null) {
            for (String policy : command.policies().keySet()) {
                if (OrgPolicies.ENFORCE_STORAGE.equals(policy)) {
                    throw DxException.invalidInput("policies." + policy + " cannot be changed");
                }
                String license = OrgPolicies.licenseFor(policy);
                if (license != null && !licenses.contains(license)) {
                    throw DxException.permissionDenied("The policy " + policy + " needs the " + license
                            + " license, which the org does not have");
                }
            }
        }
        if (command.defaultRegion() != null && !permittedRegions.contains(command.defaultRegion())) {
            throw DxException.invalidInput("defaultRegion " + command.defaultRegion()
                    + " is not in the org's permittedRegions");
        }
        apply(new OrgUpdatedEvent(orgId, command.name(), command.policies(), command.defaultRegion()));
    }

    /**
     * Rights and license come before the announcement: nobody may make the service call out on an
     * org's behalf without them. Disabling what is not enabled changes nothing, as the spec asks.
     */
    @CommandHandler
    public void handle(ConfigureJobLogsForwardingCommand command, JobLogsAnnouncement announcement) {
        requireAdmin(command.requester());
        if (!licenses.contains(Licenses.JOB_LOGS_FORWARDING)) {
            throw DxException.permissionDenied("Job logs forwarding needs the jobLogsForwarding license");
        }
        String admin = command.requester().userId();
        if (command.url() == null) {
            if (!Boolean.FALSE.equals(jobLogsForwarding)) {
                apply(new JobLogsForwardingDisabledEvent(orgId, admin));
            }
            return;
        }
        String signature = AuthTokens.sha256Hex(command.splunkToken());
        announcement.announce(command.url(), command.splunkToken(), admin, orgId, signature);
        apply(new JobLogsForwardingConfiguredEvent(orgId, command.url(), signature, admin));
    }

    /**
     * A member invited at a higher level or with more access is raised at once; nothing is ever
     * lowered by an invite. An email that belongs to a user invites that user (DECISIONS.md §14).
     */
    @CommandHandler
    public InviteOutcome handle(InviteToOrgCommand command, Invitees invitees) {
        requireAdmin(command.requester());
        String invitee = command.invitee();
        String userId;
        if (invitee.startsWith("user-")) {
            if (!invitees.userExists(invitee)) {
                throw DxException.notFound("The invitee " + invitee + " is not an existing user");
            }
            userId = invitee;
        } else if (EMAIL.matcher(invitee).matches()) {
            String email = invitee.toLowerCase(Locale.ROOT);
            userId = invitees.userWithEmail(email).orElse(null);
            if (userId == null) {
                return new InviteOutcome(invitePending(email, command), true);
            }
        } else {
            throw DxException.notFound("The invitee " + invitee + " is not an existing user or a valid email address");
        }
        MemberAccess current = members.get(userId);
        if (current == null) {
            apply(new OrgMemberAddedEvent(orgId, userId, command.access(), command.inviteId()));
            return new InviteOutcome(command.inviteId(), false);
        }
        MemberAccess raised = atLeast(current, command.access());
        if (raised.equals(current)) {
            return new InviteOutcome(null, false);
        }
        apply(new OrgMemberAccessChangedEvent(orgId, userId, raised));
        return new InviteOutcome(command.inviteId(), false);
    }

    /** A repeated email invite answers the pending one, raised to the higher access if need be. */
    private String invitePending(String email, InviteToOrgCommand command) {
        PendingInvite pending = pendingByEmail.get(email);
        if (pending != null) {
            MemberAccess raised = atLeast(pending.access(), command.access());
            if (!raised.equals(pending.access())) {
                apply(new OrgPendingInviteRaisedEvent(orgId, pending.inviteId(), email, raised));
            }
            return pending.inviteId();
        }
        apply(new OrgInvitePendingEvent(orgId, command.inviteId(), email, command.access()));
        return command.inviteId();
    }

    @CommandHandler
    public void handle(AcceptPendingOrgInviteCommand command) {
        PendingInvite invite = pendingByEmail.values().stream()
                .filter(p -> p.inviteId().equals(command.inviteId())).findFirst()
                .orElseThrow(() -> DxException.notFound("No pending invite " + command.inviteId()));
        apply(new OrgInviteAcceptedEvent(orgId, invite.inviteId(), command.userId()));
        MemberAccess current = members.get(command.userId());
        if (current == null) {
            apply(new OrgMemberAddedEvent(orgId, command.userId(), invite.access(), invite.inviteId()));
        } else if (!atLeast(current, invite.access()).equals(current)) {
            apply(new OrgMemberAccessChangedEvent(orgId, command.userId(), atLeast(current, invite.access())));
        }
    }

    /** Applies every change it can; answers the users that are not members, for the route's InvalidState. */
    @CommandHandler
    public List<String> handle(SetOrgMemberAccessCommand command) {
        requireAdmin(command.requester());
        if (command.changes().containsKey(command.requester().userId())) {
            throw DxException.invalidInput("The requesting user may not change their own access");
        }
        List<String> notMembers = new ArrayList<>();
        Map<String, MemberAccess> changed = new LinkedHashMap<>();
        for (String userId : new TreeSet<>(command.changes().keySet())) {
            MemberAccess current = members.get(userId);
            if (current == null) {
                notMembers.add(userId);
                continue;
            }
            changed.put(userId, changedAccess(userId, current, command.changes().get(userId)));
        }
        Map<String, MemberAccess> after = new HashMap<>(members);
        after.putAll(changed);
        if (after.values().stream().noneMatch(MemberAccess::isAdmin)) {
            throw DxException.invalidState("The org must keep at least one ADMIN");
        }
        changed.forEach((userId, access) -> {
            if (!access.equals(members.get(userId))) {
                apply(new OrgMemberAccessChangedEvent(orgId, userId, access));
            }
        });
        return notMembers;
    }

    /**
     * The membership ends here; the member's access to projects and apps billed to the org is
     * withdrawn afterwards by OrgMemberRemovalSaga, which this answers {@code true} for. A non-member
     * keeps whatever access they have (org-api.txt).
     */
    @CommandHandler
    public boolean handle(RemoveOrgMemberCommand command) {
        requireAdmin(command.requester());
        if (!members.containsKey(command.userId())) {
            return false;
        }
        boolean lastAdmin = members.get(command.userId()).isAdmin()
                && members.values().stream().filter(MemberAccess::isAdmin).count() == 1;
        if (lastAdmin) {
            throw DxException.invalidState("The only ADMIN of the org cannot be removed");
        }
        String requester = command.requester().userId();
        apply(new OrgMemberRemovedEvent(orgId, command.userId(), requester));
        if (!command.revokeProjectPermissions() && !command.revokeAppPermissions()) {
            return false;
        }
        apply(new OrgMemberAccessWithdrawalStartedEvent(orgId, command.removalId(), command.userId(), requester,
                command.revokeProjectPermissions(), command.revokeAppPermissions(), !requester.equals(command.userId())));
        return true;
    }

    /** Recorded once; a late second completion of the same removal changes nothing. */
    @CommandHandler
    public void handle(CompleteOrgMemberAccessWithdrawalCommand command) {
        String userId = withdrawals.get(command.removalId());
        if (userId == null) {
            return;
        }
        apply(new OrgMemberAccessWithdrawnEvent(orgId, command.removalId(), userId, Map.copyOf(command.projects()),
                Map.copyOf(command.apps()), List.copyOf(command.unfinished())));
    }

    /**
     * org-api.txt's order: the requester, the licenses, then every project exists (ResourceNotFound)
     * and every project is billed to the org (InvalidInput), all before anything changes.
     */
    @CommandHandler
    public int handle(UpdateOrgProjectLimitsCommand command, ProjectLookup projects) {
        requireAdmin(command.requester());
        SpendingLimitsChange change = command.change();
        if ((change.computeGiven() || change.egressGiven()) && !licenses.contains(Licenses.MONTHLY_PROJECT_SPENDING_LIMIT)) {
            throw DxException.permissionDenied("The org " + orgId + " lacks the monthlyProjectSpendingLimit license");
        }
        if (change.storageGiven() && !licenses.contains(Licenses.MONTHLY_PROJECT_STORAGE_SPENDING_LIMIT)) {
            throw DxException.permissionDenied("The org " + orgId
                    + " lacks the monthlyProjectStorageSpendingLimit license");
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(command.projects()));
        List<ProjectFacts> targets = new ArrayList<>();
        for (String projectId : distinct) {
            targets.add(projects.find(projectId).filter(project -> !project.destroyed())
                    .orElseThrow(() -> DxException.notFound("The project " + projectId + " was not found")));
        }
        for (ProjectFacts project : targets) {
            if (!orgId.equals(project.billTo())) {
                throw DxException.invalidInput("The project " + project.id() + " does not belong to " + orgId);
            }
        }
        if (!command.dryRun()) {
            apply(new OrgProjectLimitsUpdateStartedEvent(orgId, command.updateId(), distinct, change,
                    command.requester().userId()));
        }
        return distinct.size();
    }

    /** Recorded once; a late second completion of the same update changes nothing. */
    @CommandHandler
    public void handle(CompleteOrgProjectLimitsUpdateCommand command) {
        if (limitUpdates.contains(command.updateId())) {
            apply(new OrgProjectLimitsUpdatedEvent(orgId, command.updateId(), command.updated(),
                    List.copyOf(command.unfinished())));
        }
    }

    @CommandHandler
    public void handle(DestroyOrgCommand command, BilledResources billed) {
        requireAdmin(command.requester());
        if (billed.anyBilledTo(orgId)) {
            throw DxException.invalidState("Projects or apps are still billed to " + orgId);
        }
        apply(new OrgDestroyedEvent(orgId, command.requester().userId()));
    }

    private void live() {
        if (destroyed) {
            throw DxException.notFound("The org " + orgId + " was not found");
        }
    }

    /** The org exists, the requester is one of its ADMINs (or the operator), and their token is full-scope. */
    private void requireAdmin(Requester requester) {
        live();
        MemberAccess access = members.get(requester.userId());
        if (!Operator.is(requester.userId()) && (access == null || !access.isAdmin())) {
            throw DxException.permissionDenied("The requesting user must be an ADMIN of " + orgId);
        }
        TokenScopes.requireFull(requester);
    }

    /** The rules of /org-xxxx/setMemberAccess for one user. */
    private static MemberAccess changedAccess(String userId, MemberAccess current, MemberAccessChange change) {
        String level = change.level() != null ? change.level() : current.level();
        boolean treManagement = change.treManagement() != null ? change.treManagement() : current.treManagement();
        boolean anyFlag = change.allowBillableActivities() != null || change.projectAccess() != null
                || change.appAccess() != null;
        if (MemberAccess.ADMIN.equals(level)) {
            if (anyFlag) {
                throw DxException.invalidInput("Permission flags may not be given for " + userId + " at level ADMIN");
            }
            return MemberAccess.admin(treManagement);
        }
        if (current.isAdmin() && (change.allowBillableActivities() == null || change.projectAccess() == null
                || change.appAccess() == null)) {
            throw DxException.invalidInput("allowBillableActivities, projectAccess and appAccess are required to make "
                    + userId + " a MEMBER");
        }
        return new MemberAccess(MemberAccess.MEMBER,
                change.allowBillableActivities() != null ? change.allowBillableActivities()
                        : current.allowBillableActivities(),
                change.projectAccess() != null ? change.projectAccess() : current.projectAccess(),
                change.appAccess() != null ? change.appAccess() : current.appAccess(),
                treManagement);
    }

    /** The higher of two accesses, flag by flag. */
    private static MemberAccess atLeast(MemberAccess current, MemberAccess wanted) {
        if (current.isAdmin() || wanted.isAdmin()) {
            return MemberAccess.admin(current.treManagement() || wanted.treManagement());
        }
        String projectAccess = PROJECT_LEVELS.indexOf(wanted.projectAccess()) > PROJECT_LEVELS.indexOf(
                current.projectAccess()) ? wanted.projectAccess() : current.projectAccess();
        return new MemberAccess(MemberAccess.MEMBER,
                current.allowBillableActivities() || wanted.allowBillableActivities(), projectAccess,
                current.appAccess() || wanted.appAccess(), current.treManagement() || wanted.treManagement());
    }

    @EventSourcingHandler
    void on(OrgCreatedEvent event) {
        orgId = event.orgId();
        jobLogsForwarding = false;
        policies = new HashMap<>(event.policies());
        permittedRegions = event.permittedRegions();
        defaultRegion = event.defaultRegion();
    }

    @EventSourcingHandler
    void on(OrgLicensesSetEvent event) {
        billable = event.billable();
        licenses.clear();
        event.licenses().forEach((license, on) -> {
            if (on) {
                licenses.add(license);
            }
        });
        permittedRegions = event.permittedRegions();
        defaultRegion = event.defaultRegion();
        rateCard = event.rateCard();
        pricingModelsByRegion = event.pricingModelsByRegion();
    }

    @EventSourcingHandler
    void on(OrgUpdatedEvent event) {
        if (event.policies() != null) {
            policies.putAll(event.policies());
        }
        defaultRegion = Objects.requireNonNullElse(event.defaultRegion(), defaultRegion);
    }

    @EventSourcingHandler
    void on(JobLogsForwardingConfiguredEvent event) {
        jobLogsForwarding = true;
    }

    @EventSourcingHandler
    void on(JobLogsForwardingDisabledEvent event) {
        jobLogsForwarding = false;
    }

    @EventSourcingHandler
    void on(OrgMemberAddedEvent event) {
        members.put(event.userId(), event.access());
    }

    @EventSourcingHandler
    void on(OrgPendingInviteRaisedEvent event) {
        pendingByEmail.put(event.email(), new PendingInvite(event.inviteId(), event.access()));
    }

    @EventSourcingHandler
    void on(OrgInviteAcceptedEvent event) {
        pendingByEmail.values().removeIf(p -> p.inviteId().equals(event.inviteId()));
    }

    @EventSourcingHandler
    void on(OrgMemberAccessChangedEvent event) {
        members.put(event.userId(), event.access());
    }

    @EventSourcingHandler
    void on(OrgInvitePendingEvent event) {
        pendingByEmail.put(event.email(), new PendingInvite(event.inviteId(), event.access()));
    }

    @EventSourcingHandler
    void on(OrgMemberRemovedEvent event) {
        members.remove(event.userId());
    }

    @EventSourcingHandler
    void on(OrgMemberAccessWithdrawalStartedEvent event) {
        withdrawals.put(event.removalId(), event.userId());
    }

    @EventSourcingHandler
    void on(OrgMemberAccessWithdrawnEvent event) {
        withdrawals.remove(event.removalId());
    }

    @EventSourcingHandler
    void on(OrgProjectLimitsUpdateStartedEvent event) {
        limitUpdates.add(event.updateId());
    }

    @EventSourcingHandler
    void on(OrgProjectLimitsUpdatedEvent event) {
        limitUpdates.remove(event.updateId());
    }

    @EventSourcingHandler
    void on(OrgDestroyedEvent event) {
        destroyed = true;
        members.clear();
        pendingByEmail.clear();
    }
}
