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
import org.tre.directory.org.OrgPolicies;
import org.tre.directory.org.OrgProjection;
import org.tre.directory.org.OrgProjection.OrgRecord;
import org.tre.directory.org.ProjectTransfers;
import org.tre.directory.token.Caller;
import org.tre.directory.user.UserDirectory;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.org.Licenses;
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
 * (DECISIONS.md §11). Org routes ignore input keys the spec does not name, as DNAnexus does;
 * every named key is type-checked. A route checks the input's shape and sends the command with the
 * caller in it; the Org aggregate decides who may, so no permission rule lives here.
 */
@Component
public class OrgRoutes implements DxRoutes.Provider {

    static final Set<String> PROJECT_LEVELS = Set.of("ADMINISTER", "CONTRIBUTE", "UPLOAD", "VIEW", "NONE");
    private static final int MAX_NAME = 1024;
    /** The id class of an org member's removal, under which its access is withdrawn. */
    static final String MEMBER_REMOVAL = "orgMemberRemoval";

    private final CommandGateway commands;
    private final OrgProjection orgs;
    private final UserDirectory users;
    private final Nonces nonces;
    private final ProjectTransfers transfers;
    private final Clock clock;
    private final WorkflowAnswers workflows;
    private final ObjectMapper json = new ObjectMapper();

    public OrgRoutes(CommandGateway commands, OrgProjection orgs, UserDirectory users, Nonces nonces,
                     ProjectTransfers transfers, WorkflowAnswers workflows, Clock clock) {
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
        routes.post("org/new", this::newOrg)
                .post("org-*/describe", this::describe)
                .post("org-*/update", this::update)
                .post("org-*/setLicenses", this::setLicenses)
                .post("org-*/invite", this::invite)
                .post("org-*/setMemberAccess", this::setMemberAccess)
                .post("org-*/findMembers", this::findMembers)
                .post("org-*/removeMember", this::removeMember)
                .post("org-*/destroy", this::destroy)
                .post("system/findOrgs", this::findOrgs);
    }

    ObjectNode newOrg(DxRequest request) {
        DxInput in = request.input();
        String handle = in.requiredString("handle");
        if (!EntityIds.isValidHandle(handle)) {
            throw DxException.invalidInput("'handle' must start with a letter, hold only letters, digits, '.' and '_',"
                    + " and be 3 to 33 characters long");
        }
        String name = boundedName(in.requiredString("name"));
        Map<String, Object> policies = policies(in);
        return nonces.once(request, "org/new", () -> {
            String orgId = EntityIds.orgId(handle);
            commands.sendAndWait(new CreateOrgCommand(orgId, handle, name, policies, request.caller().requester()));
            return json.createObjectNode().put("id", orgId);
        });
    }

    ObjectNode describe(DxRequest request) {
        DxInput in = request.input();
        Map<String, Boolean> fields = in.optionalBooleanMap("fields").orElse(null);
        Boolean defaultFields = in.optionalBoolean("defaultFields").orElse(null);
        Boolean pendingTransfers = in.optionalBoolean("pendingTransfers").orElse(null);
        Set<String> requested = OrgDescribe.requested(fields, defaultFields, pendingTransfers);
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

    ObjectNode update(DxRequest request) {
        DxInput in = request.input();
        String name = in.optionalString("name").map(OrgRoutes::boundedName).orElse(null);
        Map<String, Object> policies = in.has("policies") ? policies(in) : null;
        String defaultRegion = in.optionalString("defaultRegion").orElse(null);
        Optional<ObjectNode> jobLogs = in.optionalObject("jobLogsForwarding");
        if (jobLogs.isPresent() && (name != null || policies != null || defaultRegion != null)) {
            throw DxException.invalidInput("jobLogsForwarding cannot be updated together with other org attributes");
        }
        // The mapping's shape is input like any other, checked before the org lookup and the token scope
        // (DECISIONS.md §1), so a malformed url is InvalidInput whoever asks.
        JobLogsConfig jobLogsConfig = jobLogs.map(OrgRoutes::jobLogsConfig).orElse(null);
        String orgId = request.entityId();
        if (jobLogsConfig != null) {
            commands.sendAndWait(new ConfigureJobLogsForwardingCommand(orgId, jobLogsConfig.url(),
                    jobLogsConfig.token(), request.caller().requester()));
        } else {
            commands.sendAndWait(new UpdateOrgCommand(orgId, name, policies, defaultRegion,
                    request.caller().requester()));
        }
        return json.createObjectNode().put("id", orgId);
    }

    /** The jobLogsForwarding input: url and token, both null for {@code {}} (disable). */
    private record JobLogsConfig(String url, String token) {
    }

    private static JobLogsConfig jobLogsConfig(ObjectNode config) {
        if (config.isEmpty()) {
            return new JobLogsConfig(null, null);
        }
        JsonNode urlNode = config.get("url");
        JsonNode tokenNode = config.get("token");
        if (config.size() != 2 || urlNode == null || tokenNode == null || !urlNode.isTextual()
                || !tokenNode.isTextual()) {
            throw DxException.invalidInput("jobLogsForwarding must be an empty hash or a hash with url and token"
                    + " fields");
        }
        String url = urlNode.textValue();
        if (!url.startsWith("https://")) {
            throw DxException.invalidInput("jobLogsForwarding url must start with https://");
        }
        if (url.length() > 1024) {
            throw DxException.invalidInput("jobLogsForwarding url must not exceed 1024 characters");
        }
        return new JobLogsConfig(url, tokenNode.textValue());
    }

    ObjectNode setLicenses(DxRequest request) {
        DxInput in = request.input().allowOnly("billable", "licenses", "permittedRegions", "defaultRegion",
                "rateCard", "pricingModelsByRegion");
        Boolean billable = in.optionalBoolean("billable").orElse(null);
        Map<String, Boolean> licenses = in.optionalBooleanMap("licenses").orElse(null);
        if (licenses != null) {
            for (String license : licenses.keySet()) {
                if (!Licenses.ALL.contains(license)) {
                    throw DxException.invalidInput("Unknown license '" + license + "'; known: "
                            + String.join(", ", Licenses.ALL));
                }
            }
        }
        List<String> regions = in.has("permittedRegions") ? in.requiredStringArray("permittedRegions") : null;
        if (regions != null && regions.stream().anyMatch(String::isBlank)) {
            throw DxException.invalidInput("'permittedRegions' must hold region names");
        }
        String defaultRegion = in.optionalString("defaultRegion").orElse(null);
        Boolean rateCard = in.optionalBoolean("rateCard").orElse(null);
        Map<String, Object> pricing = in.optionalObject("pricingModelsByRegion")
                .map(node -> json.convertValue(node, mapType())).orElse(null);
        String orgId = request.entityId();
        commands.sendAndWait(new SetOrgLicensesCommand(orgId, billable, licenses,
                regions == null ? null : List.copyOf(new LinkedHashSet<>(regions)), defaultRegion, rateCard, pricing,
                request.caller().requester()));
        return json.createObjectNode().put("id", orgId);
    }

    ObjectNode invite(DxRequest request) {
        DxInput in = request.input();
        String invitee = in.requiredString("invitee");
        String level = in.optionalString("level").orElse(MemberAccess.MEMBER);
        if (!MemberAccess.MEMBER.equals(level) && !MemberAccess.ADMIN.equals(level)) {
            throw DxException.invalidInput("'level' must be MEMBER or ADMIN");
        }
        in.optionalString("message");
        in.optionalBoolean("suppressEmailNotification");
        Optional<Boolean> billable = in.optionalBoolean("allowBillableActivities");
        Optional<Boolean> appAccess = in.optionalBoolean("appAccess");
        Optional<String> projectAccess = in.optionalString("projectAccess");
        boolean treManagement = in.optionalBoolean("treManagement").orElse(false);
        projectAccess.ifPresent(OrgRoutes::requireProjectLevel);
        if (MemberAccess.ADMIN.equals(level) && (billable.isPresent() || appAccess.isPresent()
                || projectAccess.isPresent())) {
            throw DxException.invalidInput("Permission flags may only be given when level is MEMBER");
        }
        MemberAccess access = MemberAccess.ADMIN.equals(level) ? MemberAccess.admin(treManagement)
                : new MemberAccess(MemberAccess.MEMBER, billable.orElse(false), projectAccess.orElse("CONTRIBUTE"),
                appAccess.orElse(true), treManagement);
        InviteOutcome outcome = commands.sendAndWait(new InviteToOrgCommand(request.entityId(),
                EntityIds.generate("orgInvite"), invitee, access, request.caller().requester()));
        ObjectNode out = json.createObjectNode();
        out.put("id", outcome.inviteId());
        out.put("state", outcome.pending() ? "PENDING" : "ACCEPTED");
        return out;
    }

    ObjectNode setMemberAccess(DxRequest request) {
        ObjectNode raw = request.input().raw();
        Map<String, MemberAccessChange> changes = new LinkedHashMap<>();
        raw.fields().forEachRemaining(entry -> changes.put(entry.getKey(), accessChange(entry.getKey(), entry.getValue())));
        String orgId = request.entityId();
        List<String> notMembers = commands.sendAndWait(new SetOrgMemberAccessCommand(orgId, changes,
                request.caller().requester()));
        if (notMembers != null && !notMembers.isEmpty()) {
            throw DxException.invalidState("Not members of " + orgId + ", so unchanged: " + String.join(", ", notMembers)
                    + "; every other change was made");
        }
        return json.createObjectNode().put("id", orgId);
    }

    ObjectNode findMembers(DxRequest request) {
        DxInput in = request.input();
        String level = in.optionalString("level").orElse(null);
        if (level != null && !MemberAccess.MEMBER.equals(level) && !MemberAccess.ADMIN.equals(level)) {
            throw DxException.invalidInput("'level' must be MEMBER or ADMIN");
        }
        Set<String> ids = in.has("id") ? Set.copyOf(in.requiredStringArray("id")) : null;
        if (ids != null && ids.size() > 1000) {
            throw DxException.invalidInput("'id' may hold at most 1000 ids");
        }
        boolean describe = Describe.requested(in);
        Paging paging = Paging.of(in, "id");
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
    ObjectNode removeMember(DxRequest request) {
        DxInput in = request.input();
        String userId = in.requiredString("user");
        boolean revokeProjects = in.optionalBoolean("revokeProjectPermissions").orElse(true);
        boolean revokeApps = in.optionalBoolean("revokeAppPermissions").orElse(true);
        String orgId = request.entityId();
        String removalId = EntityIds.generate(MEMBER_REMOVAL);
        Boolean withdrawing = commands.sendAndWait(new RemoveOrgMemberCommand(orgId, userId, removalId, revokeProjects,
                revokeApps, request.caller().requester()));
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
    ObjectNode findOrgs(DxRequest request) {
        DxInput in = request.input();
        String level = in.optionalString("level").orElse(MemberAccess.MEMBER);
        if (!MemberAccess.MEMBER.equals(level) && !MemberAccess.ADMIN.equals(level)) {
            throw DxException.invalidInput("'level' must be MEMBER or ADMIN");
        }
        Optional<Boolean> billable = in.optionalBoolean("allowBillableActivities");
        boolean describe = Describe.requested(in);
        Paging paging = Paging.of(in, "id");
        List<OrgMembership> matching = orgs.membershipsOf(request.caller().userId()).stream()
                .filter(m -> !MemberAccess.ADMIN.equals(level) || m.isAdmin())
                .filter(m -> billable.isEmpty() || billable.get() == m.allowBillableActivities())
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
        describe.put("first", user.first());
        describe.put("middle", user.middle());
        describe.put("last", user.last());
        describe.put("handle", user.handle());
        return describe;
    }

    private Map<String, Object> policies(DxInput in) {
        Map<String, Object> policies = in.optionalObject("policies")
                .map(node -> json.convertValue(node, mapType())).orElse(new LinkedHashMap<>());
        OrgPolicies.validate(policies);
        return policies;
    }

    private static MemberAccessChange accessChange(String userId, JsonNode value) {
        if (!userId.startsWith("user-")) {
            throw DxException.invalidInput("setMemberAccess keys must be user ids, not '" + userId + "'");
        }
        if (!value.isObject()) {
            throw DxException.invalidInput("Expected '" + userId + "' to be a mapping");
        }
        DxInput change = new DxInput((ObjectNode) value).allowOnly("level", "allowBillableActivities",
                "projectAccess", "appAccess", "treManagement");
        String level = change.optionalString("level").orElse(null);
        if (level != null && !MemberAccess.MEMBER.equals(level) && !MemberAccess.ADMIN.equals(level)) {
            throw DxException.invalidInput(userId + ".level must be MEMBER or ADMIN");
        }
        String projectAccess = change.optionalString("projectAccess").orElse(null);
        if (projectAccess != null) {
            requireProjectLevel(projectAccess);
        }
        return new MemberAccessChange(level, change.optionalBoolean("allowBillableActivities").orElse(null),
                projectAccess, change.optionalBoolean("appAccess").orElse(null),
                change.optionalBoolean("treManagement").orElse(null));
    }

    private static void requireProjectLevel(String level) {
        if (!PROJECT_LEVELS.contains(level)) {
            throw DxException.invalidInput("'projectAccess' must be one of ADMINISTER, CONTRIBUTE, UPLOAD, VIEW, NONE");
        }
    }

    private static String boundedName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw DxException.invalidInput("'name' must be 1 to " + MAX_NAME + " characters long");
        }
        return name;
    }

    private static com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> mapType() {
        return new com.fasterxml.jackson.core.type.TypeReference<>() {
        };
    }

}
