package org.tre.directory.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.token.TokenScopes;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.project.ProjectCommands.AcceptProjectTransferCommand;
import org.tre.messages.project.ProjectCommands.CreateProjectCommand;
import org.tre.messages.project.ProjectCommands.CreateTreWorkingProjectCommand;
import org.tre.messages.project.ProjectCommands.CreateRequestProjectInDirectoryCommand;
import org.tre.messages.project.ProjectCommands.WithdrawRequestPartyCommand;
import org.tre.messages.project.ProjectEvents.ProjectJoinedRequestEvent;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.tre.messages.project.ProjectCommands.DecreaseProjectPermissionsCommand;
import org.tre.messages.project.ProjectCommands.DestroyProjectCommand;
import org.tre.messages.project.ProjectCommands.EnforceTreProjectFlagsCommand;
import org.tre.messages.project.ProjectCommands.GrantProjectAccessCommand;
import org.tre.messages.project.ProjectCommands.InviteToProjectCommand;
import org.tre.messages.project.ProjectCommands.LeaveProjectCommand;
import org.tre.messages.project.ProjectCommands.RemoveOrgMemberFromProjectCommand;
import org.tre.messages.project.ProjectCommands.RevokeProjectAccessCommand;
import org.tre.messages.project.ProjectCommands.SetProjectSpendingLimitsCommand;
import org.tre.messages.project.ProjectCommands.TransferProjectCommand;
import org.tre.messages.project.ProjectCommands.UpdateProjectCommand;
import org.tre.messages.project.ProjectEvents.ProjectAccessDecreasedEvent;
import org.tre.messages.project.ProjectEvents.ProjectAccessGrantedEvent;
import org.tre.messages.project.ProjectEvents.ProjectAccessRevokedEvent;
import org.tre.messages.project.ProjectEvents.ProjectBillToChangedEvent;
import org.tre.messages.project.ProjectEvents.ProjectCreatedEvent;
import org.tre.messages.project.ProjectEvents.ProjectDestroyedEvent;
import org.tre.messages.project.ProjectEvents.ProjectSpendingLimitsSetEvent;
import org.tre.messages.project.ProjectEvents.ProjectTransferOfferedEvent;
import org.tre.messages.project.ProjectEvents.ProjectTransferredEvent;
import org.tre.messages.project.ProjectEvents.ProjectTreFlagsEnforcedEvent;
import org.tre.messages.project.ProjectEvents.ProjectUpdatedEvent;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectGrants;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.SpendingLimits;
import org.tre.messages.project.SpendingLimitsChange;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project: where it is billed, its data access flags, and who may do what in it. Grants remember
 * their source, so a TRE's grants and a person's own never overwrite each other. Checks run in the
 * order of DECISIONS.md §1: existence, the caller's level, their token's scope, state, then other
 * entities.
 */
@Aggregate(snapshotTriggerDefinition = "growingAggregateSnapshots", cache = "aggregateCache")
// Snapshots are written by Jackson straight from the fields: the state is the fields, nothing else.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Project {

    private static final String RESTRICT_PROJECT_TRANSFER = "restrictProjectTransfer";
    private static final String RESTRICT_PROJECT_SHARING = "restrictProjectSharing";
    /** How many orgs a refusal names: the operator may bill every org there is. */
    private static final int MAX_ORGS_NAMED = 5;

    @AggregateIdentifier
    private String projectId;
    private String name;
    private String summary;
    private String description;
    private String billTo;
    private String region;
    private String tre;
    private String createdBy;
    private Map<String, Boolean> flags = new LinkedHashMap<>();
    /** The flags the project's TRE enforces: its project admins cannot change them. */
    private Set<String> enforced = Set.of();
    /** principal → source → level. */
    private final Map<String, Map<String, ProjectLevel>> grants = new HashMap<>();
    private String pendingTransfer;
    private SpendingLimits limits = SpendingLimits.NONE;
    private boolean destroyed;
    /** The data access request the project belongs to (DECISIONS.md §15); null for every other project. */
    private String treApplication;
    private String robotUser;
    private String applicant;

    protected Project() {
    }

    /**
     * A project of an approved request, made once the request allowed it: the request checked the
     * creator, so no billing rights are asked; the org must still bill in the TRE's region. Asked again
     * after a lost answer, it finds itself made.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateRequestProjectInDirectoryCommand command, OrgDirectory orgs) {
        if (projectId != null) {
            return;
        }
        OrgFacts org = orgs.find(command.billTo()).orElseThrow(() -> orgNotFound(command.billTo()));
        requirePermittedRegion(org, command.region());
        Map<String, Boolean> initial = ProjectFlags.defaults();
        Map<String, Boolean> enforcedFlags = command.flags() == null ? Map.of() : command.flags();
        initial.putAll(enforcedFlags);
        apply(new ProjectCreatedEvent(command.projectId(), command.name(), command.summary(), command.description(),
                command.tags() == null ? List.of() : List.copyOf(command.tags()),
                command.properties() == null ? Map.of() : Map.copyOf(command.properties()),
                org.id(), command.region(), initial, command.treId(), command.createdBy()));
        apply(new ProjectAccessGrantedEvent(command.projectId(), command.createdBy(), ProjectLevel.ADMINISTER,
                ProjectGrants.DIRECT, command.createdBy()));
        apply(new ProjectAccessGrantedEvent(command.projectId(), command.robotUser(), ProjectLevel.CONTRIBUTE,
                command.requestId(), command.requestId()));
        if (!enforcedFlags.isEmpty()) {
            apply(new ProjectTreFlagsEnforcedEvent(command.projectId(), initial, Set.copyOf(enforcedFlags.keySet())));
        }
        apply(new ProjectJoinedRequestEvent(command.projectId(), command.requestId(), command.treId(),
                command.robotUser(), command.applicant()));
    }

    /**
     * A collaborator removed from the request loses their own grant here; a project that would be left
     * without an administrator goes to the applicant. Withdrawing again finds nothing to take.
     */
    @CommandHandler
    public void handle(WithdrawRequestPartyCommand command) {
        if (destroyed || !command.requestId().equals(treApplication)
                || directLevel(command.userId()) == ProjectLevel.NONE) {
            return;
        }
        apply(new ProjectAccessRevokedEvent(projectId, command.userId(), ProjectGrants.DIRECT, command.withdrawnBy()));
        if (ProjectAccess.administrators(grants).isEmpty() && applicant != null) {
            apply(new ProjectAccessGrantedEvent(projectId, applicant, ProjectLevel.ADMINISTER, ProjectGrants.DIRECT,
                    command.withdrawnBy()));
        }
    }

    @CommandHandler
    public Project(CreateProjectCommand command, OrgDirectory orgs) {
        TokenScopes.requireFull(command.requester());
        String creator = command.requester().userId();
        OrgFacts org = command.tre() != null
                ? orgs.find(command.billTo()).orElseThrow(() -> orgNotFound(command.billTo()))
                : command.billTo() == null ? defaultBillingOrg(creator, orgs)
                : billingOrg(command.billTo(), creator, orgs);
        Map<String, Boolean> requested = command.flags() == null ? Map.of() : command.flags();
        Map<String, Boolean> initial = ProjectFlags.defaults();
        requireFeatureLicenses(org, initial, requested);
        initial.putAll(requested);
        String chosenRegion = command.region() != null ? command.region() : org.defaultRegion();
        if (chosenRegion == null) {
            throw DxException.invalidInput("The org " + org.id() + " has no default region: name a region");
        }
        requirePermittedRegion(org, chosenRegion);
        apply(new ProjectCreatedEvent(command.projectId(), command.name(), command.summary(), command.description(),
                command.tags() == null ? List.of() : List.copyOf(command.tags()),
                command.properties() == null ? Map.of() : Map.copyOf(command.properties()),
                org.id(), chosenRegion, initial, command.tre(), creator));
        apply(new ProjectAccessGrantedEvent(command.projectId(), creator, ProjectLevel.ADMINISTER,
                ProjectGrants.DIRECT, creator));
        if (command.tre() != null && !requested.isEmpty()) {
            apply(new ProjectTreFlagsEnforcedEvent(command.projectId(), initial, Set.copyOf(requested.keySet())));
        }
    }

    /** The TRE's policies, as they now are, reach this project; applying the same policies twice changes nothing. */
    @CommandHandler
    public void handle(EnforceTreProjectFlagsCommand command) {
        if (destroyed) {
            return;
        }
        Map<String, Boolean> newFlags = new LinkedHashMap<>(flags);
        Set<String> newEnforced = new java.util.TreeSet<>();
        command.policies().forEach((key, value) -> {
            if (value != null) {
                newFlags.put(key, value);
                newEnforced.add(key);
            }
        });
        if (!newFlags.equals(flags) || !newEnforced.equals(enforced)) {
            apply(new ProjectTreFlagsEnforcedEvent(projectId, newFlags, Set.copyOf(newEnforced)));
        }
    }

    /**
     * A TRE's working project: made by the service on activation, so no person's billing rights are
     * asked; the robot administers it through a grant sourced from the TRE.
     */
    @CommandHandler
    public Project(CreateTreWorkingProjectCommand command, OrgDirectory orgs) {
        OrgFacts org = orgs.find(command.billTo()).orElseThrow(() -> orgNotFound(command.billTo()));
        requirePermittedRegion(org, command.region());
        apply(new ProjectCreatedEvent(command.projectId(), "TRE working project of " + command.treId(),
                "Internal TRE operations: dispensal processing and temporary artifacts", "", List.of(), Map.of(),
                org.id(), command.region(), ProjectFlags.defaults(), null, command.robotUser()));
        apply(new ProjectAccessGrantedEvent(command.projectId(), command.robotUser(), ProjectLevel.ADMINISTER,
                command.treId(), command.treId()));
    }

    /** Names and summaries need CONTRIBUTE, as on DNAnexus; flags and billing need ADMINISTER. */
    @CommandHandler
    public void handle(UpdateProjectCommand command, OrgDirectory orgs) {
        live();
        Map<String, Boolean> requested = command.flags() == null ? Map.of() : command.flags();
        boolean billToChange = command.billTo() != null && !command.billTo().equals(billTo);
        ProjectLevel needed = requested.isEmpty() && command.billTo() == null
                ? ProjectLevel.CONTRIBUTE : ProjectLevel.ADMINISTER;
        requireLevel(command.requester(), needed, orgs, "update this project");
        for (String flag : requested.keySet()) {
            if (enforced.contains(flag)) {
                throw DxException.permissionDenied("The flag " + flag + " is enforced by the TRE " + tre
                        + " and cannot be changed by a project admin");
            }
        }
        if (billToChange) {
            notForTreProjects("changing the billTo of a TRE project is not allowed");
            requireMayChangeBilling(command.requester().userId(), orgs);
        }
        if (command.version() != null && command.version() != version()) {
            throw DxException.invalidState("The project is at version " + version() + ", not " + command.version()
                    + ": describe it again and retry");
        }
        if (flag(ProjectFlags.CONTAINS_PHI) && Boolean.FALSE.equals(requested.get(ProjectFlags.CONTAINS_PHI))) {
            throw DxException.invalidState("containsPHI cannot be turned off once it is on");
        }
        OrgFacts licensing = billToChange
                ? billingOrg(command.billTo(), command.requester().userId(), orgs)
                : orgs.find(billTo).orElse(null);
        requireFeatureLicenses(licensing, flags, requested);
        if (billToChange) {
            requirePermittedRegion(licensing, region);
        }
        Map<String, Boolean> newFlags = new LinkedHashMap<>(flags);
        newFlags.putAll(requested);
        String newName = command.name() != null ? command.name() : name;
        String newSummary = command.summary() != null ? command.summary() : summary;
        String newDescription = command.description() != null ? command.description() : description;
        if (!newFlags.equals(flags) || !newName.equals(name) || !Objects.equals(newSummary, summary)
                || !Objects.equals(newDescription, description)) {
            apply(new ProjectUpdatedEvent(projectId, newName, newSummary, newDescription, newFlags,
                    command.requester().userId()));
        }
        if (billToChange) {
            apply(new ProjectBillToChangedEvent(projectId, billTo, command.billTo(), command.requester().userId()));
        }
    }

    /**
     * An invite only raises the invitee's own grant; lowering is decreasePermissions' job. Inviting an
     * org follows that org's {@code restrictProjectSharing}.
     */
    @CommandHandler
    public void handle(InviteToProjectCommand command, OrgDirectory orgs, Principals principals, TreRoles treRoles) {
        String invitee = command.invitee();
        String inviter = command.requester().userId();
        if (ProjectGrants.PUBLIC.equals(invitee) && command.level() != ProjectLevel.VIEW) {
            throw DxException.invalidInput("PUBLIC can be invited at VIEW only");
        }
        live();
        if (treApplication != null) {
            requireLevel(command.requester(), ProjectLevel.ADMINISTER, orgs, "invite to this project");
            requireRequestParty(invitee, treRoles);
        } else if (tre == null) {
            requireLevel(command.requester(), ProjectLevel.ADMINISTER, orgs, "invite to this project");
        } else {
            // A TRE project made before data access requests (DECISIONS.md §14): its creator, while they
            // administer it, and the TRE's admins invite, and PUBLIC never.
            if (ProjectGrants.PUBLIC.equals(invitee)) {
                throw DxException.permissionDenied("PUBLIC cannot be invited to a TRE project");
            }
            boolean creator = inviter.equals(createdBy)
                    && ProjectAccess.explicit(grants, createdBy).atLeast(ProjectLevel.ADMINISTER);
            if (!creator && !treRoles.isTreAdmin(tre, inviter)) {
                throw DxException.permissionDenied("Inviting to a TRE project made before data access requests is"
                        + " reserved to its creator and the admins of " + tre);
            }
            TokenScopes.requireReach(command.requester(), projectId, ProjectLevel.ADMINISTER);
        }
        if (invitee.startsWith("org-")) {
            OrgFacts org = orgs.find(invitee).orElseThrow(() -> orgNotFound(invitee));
            Optional<OrgMembership> membership = orgs.membership(invitee, inviter);
            boolean adminsOnly = "ADMIN".equals(org.policy(RESTRICT_PROJECT_SHARING));
            if (membership.isEmpty() || (adminsOnly && !membership.get().isAdmin())) {
                throw DxException.permissionDenied("The restrictProjectSharing policy of " + invitee
                        + " does not let you share projects with it");
            }
        } else if (!ProjectGrants.PUBLIC.equals(invitee) && !principals.userExists(invitee)) {
            throw DxException.notFound("The user " + invitee + " was not found");
        }
        ProjectLevel own = directLevel(invitee);
        if (own.atLeast(command.level())) {
            return;
        }
        apply(new ProjectAccessGrantedEvent(projectId, invitee, command.level(), ProjectGrants.DIRECT, inviter));
    }

    /** ADMINISTER holders lower anyone's own grant; everyone may lower their own. */
    @CommandHandler
    public void handle(DecreaseProjectPermissionsCommand command, OrgDirectory orgs) {
        live();
        String requester = command.requester().userId();
        boolean onlyThemself = command.levels().keySet().stream().allMatch(requester::equals);
        requireLevel(command.requester(), onlyThemself ? ProjectLevel.VIEW : ProjectLevel.ADMINISTER, orgs,
                "decrease permissions of others in this project");
        if (robotUser != null && command.levels().containsKey(robotUser)) {
            throw DxException.permissionDenied("TRE restriction: the robot " + robotUser + " of " + tre
                    + " keeps CONTRIBUTE on the projects of " + treApplication + "; project admins cannot lower it");
        }
        Map<String, Map<String, ProjectLevel>> after = copyOfGrants();
        command.levels().forEach((member, level) -> {
            ProjectLevel own = directLevel(member);
            if (own == ProjectLevel.NONE) {
                throw DxException.invalidInput(member + " holds no permission of their own in this project");
            }
            if (level.compareTo(own) > 0) {
                throw DxException.invalidInput("decreasePermissions cannot raise " + member + " from " + own
                        + " to " + level);
            }
            setDirect(after, member, level);
        });
        requireAnAdministratorLeft(after);
        command.levels().forEach((member, level) -> {
            if (level == ProjectLevel.NONE) {
                apply(new ProjectAccessRevokedEvent(projectId, member, ProjectGrants.DIRECT, requester));
            } else if (level != directLevel(member)) {
                apply(new ProjectAccessDecreasedEvent(projectId, member, level, ProjectGrants.DIRECT, requester));
            }
        });
    }

    @CommandHandler
    public void handle(LeaveProjectCommand command, OrgDirectory orgs) {
        live();
        String userId = command.requester().userId();
        requireLevel(command.requester(), ProjectLevel.VIEW, orgs, "leave this project");
        if (directLevel(userId) == ProjectLevel.NONE) {
            throw DxException.invalidState("You hold no permission of your own in this project: your access comes"
                    + " through an org or PUBLIC");
        }
        Map<String, Map<String, ProjectLevel>> after = copyOfGrants();
        setDirect(after, userId, ProjectLevel.NONE);
        requireAnAdministratorLeft(after);
        apply(new ProjectAccessRevokedEvent(projectId, userId, ProjectGrants.DIRECT, userId));
    }

    @CommandHandler
    public void handle(TransferProjectCommand command, OrgDirectory orgs) {
        live();
        requireLevel(command.requester(), ProjectLevel.ADMINISTER, orgs, "transfer this project");
        notForTreProjects("transferring a TRE project is not allowed");
        requireMayChangeBilling(command.requester().userId(), orgs);
        orgs.find(command.invitee()).orElseThrow(() -> orgNotFound(command.invitee()));
        if (command.invitee().equals(billTo)) {
            throw DxException.invalidInput("The project is already billed to " + billTo);
        }
        apply(new ProjectTransferOfferedEvent(projectId, command.invitee(), command.requester().userId()));
    }

    /**
     * An ADMIN of the invited org with billing rights completes the transfer; permissions stay. The
     * accepter needs no level in the project, only a full-scope token; who they must be is known once
     * a transfer is pending.
     */
    @CommandHandler
    public void handle(AcceptProjectTransferCommand command, OrgDirectory orgs) {
        live();
        TokenScopes.requireFull(command.requester());
        notForTreProjects("accepting a transfer of a TRE project is not allowed");
        if (pendingTransfer == null) {
            throw DxException.invalidState("No transfer of this project is pending");
        }
        String accepter = command.requester().userId();
        boolean mayAccept = orgs.membership(pendingTransfer, accepter)
                .filter(m -> m.isAdmin() && m.allowBillableActivities()).isPresent();
        if (!mayAccept) {
            throw DxException.permissionDenied("Only an ADMIN of " + pendingTransfer
                    + " with allowBillableActivities may accept the transfer");
        }
        OrgFacts org = orgs.find(pendingTransfer).orElseThrow(() -> orgNotFound(pendingTransfer));
        if (!org.billable()) {
            throw DxException.permissionDenied("The org " + org.id() + " is not billable");
        }
        requirePermittedRegion(org, region);
        apply(new ProjectTransferredEvent(projectId, billTo, pendingTransfer, accepter));
    }

    @CommandHandler
    public void handle(DestroyProjectCommand command, OrgDirectory orgs) {
        live();
        requireLevel(command.requester(), ProjectLevel.ADMINISTER, orgs, "destroy this project");
        apply(new ProjectDestroyedEvent(projectId, command.requester().userId()));
    }

    /** Sets what one source gives; the same level again changes nothing, so reconciling is idempotent. */
    @CommandHandler
    public void handle(GrantProjectAccessCommand command) {
        requireForeignSource(command.source());
        if (command.level() == null || command.level() == ProjectLevel.NONE) {
            throw DxException.invalidInput("A grant names a level from VIEW to ADMINISTER; revoke to take access away");
        }
        live();
        if (grants.getOrDefault(command.principal(), Map.of()).get(command.source()) == command.level()) {
            return;
        }
        apply(new ProjectAccessGrantedEvent(projectId, command.principal(), command.level(), command.source(),
                command.source()));
    }

    /** Withdrawing a grant that is not there, or from a destroyed project, is already done. */
    @CommandHandler
    public void handle(RevokeProjectAccessCommand command) {
        requireForeignSource(command.source());
        if (destroyed || !grants.getOrDefault(command.principal(), Map.of()).containsKey(command.source())) {
            return;
        }
        apply(new ProjectAccessRevokedEvent(projectId, command.principal(), command.source(), command.source()));
    }

    /** The Org checked the requester and its licenses for every project of the update; here, the project's own facts. */
    @CommandHandler
    public void handle(SetProjectSpendingLimitsCommand command) {
        SpendingLimitsChange change = command.change();
        if (negative(change.monthlyComputeLimit()) || negative(change.monthlyEgressBytesLimit())
                || (change.monthlyStorageLimit() != null && change.monthlyStorageLimit() < 0)) {
            throw DxException.invalidInput("Spending limits must be at least zero");
        }
        live();
        if (!command.orgId().equals(billTo)) {
            throw DxException.invalidInput("The project " + projectId + " is not billed to " + command.orgId());
        }
        SpendingLimits next = new SpendingLimits(
                change.computeGiven() ? change.monthlyComputeLimit() : limits.monthlyComputeLimit(),
                change.egressGiven() ? change.monthlyEgressBytesLimit() : limits.monthlyEgressBytesLimit(),
                change.storageGiven() ? change.monthlyStorageLimit() : limits.monthlyStorageLimit());
        if (!next.equals(limits)) {
            apply(new ProjectSpendingLimitsSetEvent(projectId, next, command.requestedBy()));
        }
    }

    /**
     * org-api.txt {@code /org-xxxx/removeMember}, sent by the removal's saga once the Org has checked
     * that the requester is its ADMIN: the requester needs no level in the project. TRE grants stay:
     * they follow the TRE's roles, not org membership.
     */
    @CommandHandler
    public boolean handle(RemoveOrgMemberFromProjectCommand command) {
        live();
        if (!command.orgId().equals(billTo)) {
            throw DxException.invalidInput("The project " + projectId + " is not billed to " + command.orgId());
        }
        if (directLevel(command.userId()) == ProjectLevel.NONE) {
            return false;
        }
        Set<String> administratorsBefore = ProjectAccess.administrators(grants);
        apply(new ProjectAccessRevokedEvent(projectId, command.userId(), ProjectGrants.DIRECT, command.requestedBy()));
        boolean elevate = command.elevateRequester()
                && !command.requestedBy().equals(command.userId())
                && administratorsBefore.equals(Set.of(command.userId()))
                && ProjectAccess.administrators(grants).isEmpty();
        if (elevate) {
            apply(new ProjectAccessGrantedEvent(projectId, command.requestedBy(), ProjectLevel.ADMINISTER,
                    ProjectGrants.DIRECT, command.requestedBy()));
        }
        return elevate;
    }

    // ---- guards ----

    private void live() {
        if (destroyed) {
            throw DxException.notFound("The project " + projectId + " was not found");
        }
    }

    /** The requester's level first, then how far their token reaches: both are PermissionDenied (§1). */
    private void requireLevel(Requester requester, ProjectLevel needed, OrgDirectory orgs, String what) {
        ProjectLevel level = ProjectAccess.effective(grants, requester.userId(), orgs::membershipsOf);
        if (!level.atLeast(needed)) {
            throw DxException.permissionDenied("You need " + needed + " to " + what + "; you have " + level);
        }
        TokenScopes.requireReach(requester, projectId, needed);
    }

    /** DECISIONS.md §15: a request project is shared with the request's applicant and collaborators only. */
    private void requireRequestParty(String invitee, TreRoles treRoles) {
        if (invitee.startsWith("org-") || ProjectGrants.PUBLIC.equals(invitee)
                || !treRoles.requestParties(treApplication).contains(invitee)) {
            throw DxException.permissionDenied("TRE restriction: only the applicant and collaborators of "
                    + treApplication + " may be invited into its projects; " + invitee + " is neither");
        }
    }

    private void notForTreProjects(String restriction) {
        if (tre != null) {
            throw DxException.permissionDenied("TRE restriction: " + restriction);
        }
    }

    /** The billing org's {@code restrictProjectTransfer} decides who may move its projects away. */
    private void requireMayChangeBilling(String userId, OrgDirectory orgs) {
        String policy = orgs.find(billTo).map(org -> org.policy(RESTRICT_PROJECT_TRANSFER)).orElse("MEMBER");
        Optional<OrgMembership> member = orgs.membership(billTo, userId);
        if (member.isEmpty() || ("ADMIN".equals(policy) && !member.get().isAdmin())) {
            throw DxException.permissionDenied("The restrictProjectTransfer policy of " + billTo
                    + " does not let you change the billing account of its projects");
        }
    }

    private static OrgFacts billingOrg(String orgId, String userId, OrgDirectory orgs) {
        OrgFacts org = orgs.find(orgId).orElseThrow(() -> orgNotFound(orgId));
        if (!org.billable()) {
            throw DxException.permissionDenied("The org " + orgId + " is not billable");
        }
        if (orgs.membership(orgId, userId).filter(OrgMembership::allowBillableActivities).isEmpty()) {
            throw DxException.permissionDenied("You need allowBillableActivities in " + orgId + " to bill it");
        }
        return org;
    }

    /**
     * DNAnexus bills a project without {@code billTo} to its creator's own billing account; here only
     * orgs pay, so the one billable org where the creator may bill stands in for it. With none or
     * several there is nothing to take for granted, and the creator is told to choose.
     */
    private static OrgFacts defaultBillingOrg(String userId, OrgDirectory orgs) {
        List<OrgFacts> billable = orgs.membershipsOf(userId).stream()
                .filter(OrgMembership::allowBillableActivities)
                .map(membership -> orgs.find(membership.orgId()))
                .flatMap(Optional::stream)
                .filter(OrgFacts::billable)
                .sorted(Comparator.comparing(OrgFacts::id))
                .toList();
        if (billable.isEmpty()) {
            throw DxException.invalidInput("Missing required input 'billTo': you may bill no org (a billable org"
                    + " where you have allowBillableActivities), so there is none to bill by default");
        }
        if (billable.size() > 1) {
            List<String> ids = billable.stream().map(OrgFacts::id).toList();
            String named = ids.size() <= MAX_ORGS_NAMED ? String.join(", ", ids)
                    : String.join(", ", ids.subList(0, MAX_ORGS_NAMED)) + " and " + (ids.size() - MAX_ORGS_NAMED)
                    + " more";
            throw DxException.invalidInput("Missing required input 'billTo': you may bill " + ids.size()
                    + " orgs (" + named + "); name the one to bill in 'billTo'");
        }
        return billable.get(0);
    }

    private static void requirePermittedRegion(OrgFacts org, String region) {
        if (org.permittedRegions() == null || !org.permittedRegions().contains(region)) {
            throw DxException.invalidInput("The region " + region + " is not permitted for " + org.id());
        }
    }

    /** A feature-switched flag may change only when the billing org holds its license (DECISIONS.md §7). */
    private static void requireFeatureLicenses(OrgFacts org, Map<String, Boolean> current,
                                               Map<String, Boolean> requested) {
        requested.forEach((flag, value) -> {
            if (value.equals(current.get(flag))) {
                return;
            }
            ProjectFlags.licenseFor(flag).ifPresent(license -> {
                if (org == null || !org.hasLicense(license)) {
                    throw DxException.permissionDenied("Setting " + flag + " needs the " + license
                            + " license on the billing org");
                }
            });
        });
    }

    private static void requireForeignSource(String source) {
        if (source == null || source.isBlank() || ProjectGrants.DIRECT.equals(source)) {
            throw DxException.invalidInput("A grant's source must name who gives it, and not be '"
                    + ProjectGrants.DIRECT + "'");
        }
    }

    private static void requireAnAdministratorLeft(Map<String, Map<String, ProjectLevel>> after) {
        if (ProjectAccess.administrators(after).isEmpty()) {
            throw DxException.invalidState("A project keeps at least one member with ADMINISTER");
        }
    }

    private static DxException orgNotFound(String orgId) {
        return DxException.notFound("The org " + orgId + " was not found");
    }

    private static boolean negative(Long value) {
        return value != null && value < 0;
    }

    // ---- state helpers ----

    /** The version describe shows and update guards: how many events the project has had. */
    private static long version() {
        Long last = AggregateLifecycle.getVersion();
        return last == null ? 0 : last + 1;
    }

    private boolean flag(String name) {
        return Boolean.TRUE.equals(flags.get(name));
    }

    private ProjectLevel directLevel(String principal) {
        return grants.getOrDefault(principal, Map.of()).getOrDefault(ProjectGrants.DIRECT, ProjectLevel.NONE);
    }

    private Map<String, Map<String, ProjectLevel>> copyOfGrants() {
        Map<String, Map<String, ProjectLevel>> copy = new HashMap<>();
        grants.forEach((principal, bySource) -> copy.put(principal, new HashMap<>(bySource)));
        return copy;
    }

    private static void setDirect(Map<String, Map<String, ProjectLevel>> grants, String principal,
                                  ProjectLevel level) {
        Map<String, ProjectLevel> bySource = grants.computeIfAbsent(principal, p -> new HashMap<>());
        if (level == ProjectLevel.NONE) {
            bySource.remove(ProjectGrants.DIRECT);
        } else {
            bySource.put(ProjectGrants.DIRECT, level);
        }
        if (bySource.isEmpty()) {
            grants.remove(principal);
        }
    }

    // ---- event sourcing ----

    @EventSourcingHandler
    void on(ProjectCreatedEvent event) {
        projectId = event.projectId();
        name = event.name();
        summary = event.summary();
        description = event.description();
        billTo = event.billTo();
        region = event.region();
        tre = event.tre();
        createdBy = event.createdBy();
        flags = new LinkedHashMap<>(event.flags());
    }

    @EventSourcingHandler
    void on(ProjectTreFlagsEnforcedEvent event) {
        flags = new LinkedHashMap<>(event.flags());
        enforced = event.enforced();
    }

    @EventSourcingHandler
    void on(ProjectUpdatedEvent event) {
        name = event.name();
        summary = event.summary();
        description = event.description();
        flags = new LinkedHashMap<>(event.flags());
    }

    @EventSourcingHandler
    void on(ProjectBillToChangedEvent event) {
        billTo = event.to();
        pendingTransfer = null;
    }

    @EventSourcingHandler
    void on(ProjectAccessGrantedEvent event) {
        grants.computeIfAbsent(event.principal(), p -> new HashMap<>()).put(event.source(), event.level());
    }

    @EventSourcingHandler
    void on(ProjectAccessDecreasedEvent event) {
        grants.computeIfAbsent(event.principal(), p -> new HashMap<>()).put(event.source(), event.level());
    }

    @EventSourcingHandler
    void on(ProjectAccessRevokedEvent event) {
        Map<String, ProjectLevel> bySource = grants.get(event.principal());
        if (bySource != null) {
            bySource.remove(event.source());
            if (bySource.isEmpty()) {
                grants.remove(event.principal());
            }
        }
    }

    @EventSourcingHandler
    void on(ProjectTransferOfferedEvent event) {
        pendingTransfer = event.toOrg();
    }

    @EventSourcingHandler
    void on(ProjectTransferredEvent event) {
        billTo = event.toOrg();
        pendingTransfer = null;
    }

    @EventSourcingHandler
    void on(ProjectSpendingLimitsSetEvent event) {
        limits = event.limits();
    }

    @EventSourcingHandler
    void on(ProjectJoinedRequestEvent event) {
        treApplication = event.requestId();
        robotUser = event.robotUser();
        applicant = event.applicant();
    }

    @EventSourcingHandler
    void on(ProjectDestroyedEvent event) {
        destroyed = true;
    }
}
