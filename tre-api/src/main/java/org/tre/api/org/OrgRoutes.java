package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.DxInput;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Nonces;
import org.tre.api.protocol.Paging;
import org.tre.api.protocol.Scopes;
import org.tre.api.protocol.WorkflowAnswers;
import org.tre.api.protocol.input.DeclaredInputs;
import org.tre.api.org.OrgInputs.DescribeOrgInput;
import org.tre.api.org.OrgInputs.DestroyOrgInput;
import org.tre.api.org.OrgInputs.FindMembersInput;
import org.tre.api.org.OrgInputs.FindOrgsInput;
import org.tre.api.org.OrgInputs.InviteInput;
import org.tre.api.org.OrgInputs.JobLogsInput;
import org.tre.api.org.OrgInputs.NewOrgInput;
import org.tre.api.org.OrgInputs.RemoveMemberInput;
import org.tre.api.org.OrgInputs.SetLicensesInput;
import org.tre.api.org.OrgInputs.SetMemberAccessInput;
import org.tre.api.org.OrgInputs.UpdateOrgInput;
import org.tre.directory.org.OrgPolicies;
import org.tre.directory.org.OrgProjection;
import org.tre.directory.org.OrgProjection.OrgRecord;
import org.tre.directory.org.ProjectTransfers;
import org.tre.directory.token.Caller;
import org.tre.directory.user.UserDirectory;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.org.MemberAccess;
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
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.user.UserQueries.UserView;

import java.time.Clock;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Organizations API (org-api.txt) and the operator's {@code /org-xxxx/setLicenses}
 * (DECISIONS.md §11). Each route declares its input (OrgInputs; org routes ignore the keys the spec
 * does not name, as DNAnexus does) and sends the command with the caller in it; the Org aggregate
 * decides who may.
 */
@Component
public class OrgRoutes implements DxRoutes.Provider {

    /** The id class of an org member's removal, under which its access is withdrawn. */
    static final String MEMBER_REMOVAL = "orgMemberRemoval";

    private final CommandGateway commands;
    private final OrgProjection orgs;
    private final UserDirectory users;
    private final Nonces nonces;
    private final ProjectTransfers transfers;
    private final Clock clock;
    private final WorkflowAnswers workflows;
    private final DeclaredInputs inputs;
    private final ObjectMapper json = new ObjectMapper();

    public OrgRoutes(CommandGateway commands, OrgProjection orgs, UserDirectory users, Nonces nonces,
                     ProjectTransfers transfers, WorkflowAnswers workflows, DeclaredInputs inputs, Clock clock) {
        this.inputs = inputs;
        this.commands = commands;
        this.orgs = orgs;
        this.users = users;
        this.nonces = nonces;
        this.transfers = transfers;
        this.clock = clock;
        this.workflows = workflows;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("org/new", NewOrgInput.class, this::newOrg, ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("org-*/describe", DescribeOrgInput.class, this::describe,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("org-*/update", UpdateOrgInput.class, this::update,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("org-*/setLicenses", SetLicensesInput.class, this::setLicenses,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("org-*/invite", InviteInput.class, this::invite,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("org-*/setMemberAccess", SetMemberAccessInput.class, this::setMemberAccess,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("org-*/findMembers", FindMembersInput.class, this::findMembers,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("org-*/removeMember", RemoveMemberInput.class, this::removeMember,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("org-*/destroy", DestroyOrgInput.class, (r, none) -> destroy(r),
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("system/findOrgs", FindOrgsInput.class, this::findOrgs);
    }

    ObjectNode newOrg(DxRequest request, NewOrgInput in) {
        Map<String, Object> policies = policies(request.input());
        return nonces.once(request, "org/new", () -> {
            String orgId = EntityIds.orgId(in.handle());
            commands.sendAndWait(new CreateOrgCommand(orgId, in.handle(), in.name(), policies,
                    request.caller().requester()));
            return json.createObjectNode().put("id", orgId);
        });
    }

    ObjectNode describe(DxRequest request, DescribeOrgInput in) {
        Map<String, Boolean> fields = in.fields();
        Set<String> requested = OrgDescribe.requested(fields, in.defaultFields(), in.pendingTransfers());
        OrgRecord org = orgs.record(request.entityId()).filter(r -> !r.destroyed())
                .orElseThrow(() -> notFound(request.entityId()));
        Caller caller = request.caller();
        List<OrgMembership> members = orgs.members(org.facts().id());
        List<String> admins = members.stream().filter(OrgMembership::isAdmin).map(OrgMembership::userId).toList();
        Optional<OrgMembership> membership = members.stream().filter(m -> m.userId().equals(caller.userId())).findFirst();
        List<String> offered = requested.contains("pendingTransfers")
                ? transfers.projectsOfferedTo(org.facts().id()) : List.of();
        return OrgDescribe.render(org, caller, membership, admins, offered, requested, fields, clock.millis(), json);
    }

    /**
     * {@code policies} given as null changes no policy but counts as given, so the body is asked
     * whether it was; the policies are read from the body as JSON holds them (OrgPolicies).
     */
    ObjectNode update(DxRequest request, UpdateOrgInput in) {
        boolean policiesGiven = request.input().has("policies");
        Map<String, Object> policies = policiesGiven ? policies(request.input()) : null;
        boolean forwarding = in.jobLogsForwarding() != null && !in.jobLogsForwarding().isNull();
        if (forwarding && (in.name() != null || policiesGiven || in.defaultRegion() != null)) {
            throw DxException.invalidInput("jobLogsForwarding cannot be updated together with other org attributes");
        }
        String orgId = request.entityId();
        if (forwarding) {
            JobLogsInput jobLogs = inputs.read((ObjectNode) in.jobLogsForwarding(), JobLogsInput.class);
            commands.sendAndWait(new ConfigureJobLogsForwardingCommand(orgId, jobLogs.url(), jobLogs.token(),
                    request.caller().requester()));
        } else {
            commands.sendAndWait(new UpdateOrgCommand(orgId, in.name(), policies, in.defaultRegion(),
                    request.caller().requester()));
        }
        return json.createObjectNode().put("id", orgId);
    }

    ObjectNode setLicenses(DxRequest request, SetLicensesInput in) {
        List<String> regions = in.permittedRegions();
        Map<String, Object> pricing = in.pricingModelsByRegion() == null || in.pricingModelsByRegion().isNull() ? null
                : json.convertValue(in.pricingModelsByRegion(), mapType());
        String orgId = request.entityId();
        commands.sendAndWait(new SetOrgLicensesCommand(orgId, in.billable(), in.licenses(),
                regions == null ? null : List.copyOf(new LinkedHashSet<>(regions)), in.defaultRegion(), in.rateCard(),
                pricing, request.caller().requester()));
        return json.createObjectNode().put("id", orgId);
    }

    ObjectNode invite(DxRequest request, InviteInput in) {
        boolean treManagement = Boolean.TRUE.equals(in.treManagement());
        MemberAccess access = in.admin() ? MemberAccess.admin(treManagement)
                : new MemberAccess(MemberAccess.MEMBER, Boolean.TRUE.equals(in.allowBillableActivities()),
                in.projectAccess() == null ? "CONTRIBUTE" : in.projectAccess(), !Boolean.FALSE.equals(in.appAccess()),
                treManagement);
        InviteOutcome outcome = commands.sendAndWait(new InviteToOrgCommand(request.entityId(),
                EntityIds.generate("orgInvite"), in.invitee(), access, request.caller().requester()));
        ObjectNode out = json.createObjectNode();
        out.put("id", outcome.inviteId());
        out.put("state", outcome.pending() ? "PENDING" : "ACCEPTED");
        return out;
    }

    ObjectNode setMemberAccess(DxRequest request, SetMemberAccessInput in) {
        Map<String, MemberAccessChange> changes = new LinkedHashMap<>();
        in.changes().forEach((userId, change) -> changes.put(userId, new MemberAccessChange(change.level(),
                change.allowBillableActivities(), change.projectAccess(), change.appAccess(), change.treManagement())));
        String orgId = request.entityId();
        List<String> notMembers = commands.sendAndWait(new SetOrgMemberAccessCommand(orgId, changes,
                request.caller().requester()));
        if (notMembers != null && !notMembers.isEmpty()) {
            throw DxException.invalidState("Not members of " + orgId + ", so unchanged: " + String.join(", ", notMembers)
                    + "; every other change was made");
        }
        return json.createObjectNode().put("id", orgId);
    }

    ObjectNode findMembers(DxRequest request, FindMembersInput in) {
        String level = in.level();
        Set<String> ids = in.id();
        boolean describe = Describe.requested(in.describe());
        Paging paging = Paging.of(in.starting(), in.limit(), "id");
        OrgFacts org = requireOrg(request);
        Caller caller = request.caller();
        Scopes.requireFullScope(caller);
        requireMemberListVisible(org, caller);
        List<OrgMembership> matching = orgs.members(org.id()).stream()
                .filter(m -> level == null || level.equals(m.level()))
                .filter(m -> ids == null || ids.contains(m.userId()))
                .filter(m -> paging.startingAt(m.userId()))
                .toList();
        ArrayNode results = json.createArrayNode();
        for (OrgMembership member : paging.page(matching)) {
            ObjectNode result = results.addObject();
            result.put("id", member.userId());
            result.put("level", member.level());
            result.put("allowBillableActivities", member.allowBillableActivities());
            result.put("projectAccess", member.projectAccess());
            result.put("appAccess", member.appAccess());
            result.put("treManagement", member.treManagement());
            if (describe) {
                users.find(member.userId()).ifPresent(user -> result.set("describe", publicDescribe(user)));
            }
        }
        return paging.answer(results, matching, OrgMembership::userId, json);
    }

    /**
     * The membership ends with the command; DNAnexus answers with the access withdrawn from the org's
     * projects and apps, which a saga withdraws, so the route waits for its outcome.
     */
    ObjectNode removeMember(DxRequest request, RemoveMemberInput in) {
        boolean revokeProjects = !Boolean.FALSE.equals(in.revokeProjectPermissions());
        boolean revokeApps = !Boolean.FALSE.equals(in.revokeAppPermissions());
        String orgId = request.entityId();
        String removalId = EntityIds.generate(MEMBER_REMOVAL);
        Boolean withdrawing = commands.sendAndWait(new RemoveOrgMemberCommand(orgId, in.user(), removalId,
                revokeProjects, revokeApps, request.caller().requester()));
        ObjectNode out = json.createObjectNode().put("id", orgId);
        if (Boolean.TRUE.equals(withdrawing)) {
            JsonNode withdrawn = workflows.await(removalId);
            out.set("projects", withdrawn.get("projects"));
            out.set("apps", withdrawn.get("apps"));
        } else {
            out.putObject("projects");
            out.putObject("apps");
        }
        return out;
    }

    ObjectNode destroy(DxRequest request) {
        String orgId = request.entityId();
        commands.sendAndWait(new DestroyOrgCommand(orgId, request.caller().requester()));
        return json.createObjectNode().put("id", orgId);
    }

    /** The orgs the caller belongs to, at least at {@code level}; dx find orgs reads id and describe. */
    ObjectNode findOrgs(DxRequest request, FindOrgsInput in) {
        boolean adminsOnly = MemberAccess.ADMIN.equals(in.level());
        Boolean billable = in.allowBillableActivities();
        boolean describe = Describe.requested(in.describe());
        Paging paging = Paging.of(in.starting(), in.limit(), "id");
        List<OrgMembership> matching = orgs.membershipsOf(request.caller().userId()).stream()
                .filter(m -> !adminsOnly || m.isAdmin())
                .filter(m -> billable == null || billable == m.allowBillableActivities())
                .filter(m -> paging.startingAt(m.orgId()))
                .toList();
        ArrayNode results = json.createArrayNode();
        for (OrgMembership membership : paging.page(matching)) {
            ObjectNode result = results.addObject().put("id", membership.orgId());
            if (describe) {
                OrgRecord org = orgs.record(membership.orgId()).orElseThrow();
                List<String> admins = orgs.members(membership.orgId()).stream().filter(OrgMembership::isAdmin)
                        .map(OrgMembership::userId).toList();
                result.set("describe", OrgDescribe.render(org, request.caller(), Optional.of(membership), admins,
                        List.of(), OrgDescribe.requested(null, null, null), null, clock.millis(), json));
            }
        }
        return paging.answer(results, matching, OrgMembership::orgId, json);
    }

    private void requireMemberListVisible(OrgFacts org, Caller caller) {
        if (caller.isOperator()) {
            return;
        }
        String visibility = org.policy(OrgPolicies.MEMBER_LIST_VISIBILITY);
        Optional<OrgMembership> membership = orgs.membership(org.id(), caller.userId());
        boolean allowed = switch (visibility) {
            case "PUBLIC" -> true;
            case "MEMBER" -> membership.isPresent();
            default -> membership.map(OrgMembership::isAdmin).orElse(false);
        };
        if (!allowed) {
            throw DxException.permissionDenied("The org's memberListVisibility (" + visibility
                    + ") does not let the requesting user list its members; /" + org.id()
                    + "/describe shows your own membership");
        }
    }

    private OrgFacts requireOrg(DxRequest request) {
        return orgs.find(request.entityId()).orElseThrow(() -> notFound(request.entityId()));
    }

    private static DxException notFound(String orgId) {
        return DxException.notFound("The org " + orgId + " was not found");
    }

    private ObjectNode publicDescribe(UserView user) {
        ObjectNode describe = json.createObjectNode();
        describe.put("id", user.id());
        describe.put("class", "user");
        // DNAnexus gives every name part as a string, "" when the user has none; dx concatenates them.
        describe.put("first", java.util.Objects.toString(user.first(), ""));
        describe.put("middle", java.util.Objects.toString(user.middle(), ""));
        describe.put("last", java.util.Objects.toString(user.last(), ""));
        describe.put("handle", user.handle());
        return describe;
    }

    /** The policies as JSON holds them, the declared input having checked each one; none for null. */
    private Map<String, Object> policies(DxInput in) {
        return in.optionalObject("policies").map(node -> json.convertValue(node, mapType()))
                .orElse(new LinkedHashMap<>());
    }

    private static com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> mapType() {
        return new com.fasterxml.jackson.core.type.TypeReference<>() {
        };
    }

}
