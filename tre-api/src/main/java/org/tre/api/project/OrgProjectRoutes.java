package org.tre.api.project;

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
import org.tre.api.protocol.Paging;
import org.tre.api.protocol.Scopes;
import org.tre.api.protocol.WorkflowAnswers;
import org.tre.api.protocol.input.DeclaredInputs;
import org.tre.api.project.ProjectInputs.BulkUpdateProjectLimitInput;
import org.tre.api.project.ProjectInputs.DescribeProjectInput;
import org.tre.api.project.ProjectInputs.FindProjectsInput;
import org.tre.api.project.ProjectInputs.SystemFindProjectsInput;
import org.tre.messages.project.ProjectGrants;
import org.tre.messages.project.ProjectFlags;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.project.ProjectDirectory.ProjectRecord;
import org.tre.directory.token.Caller;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.org.OrgCommands.UpdateOrgProjectLimitsCommand;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.SpendingLimitsChange;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The searches and bulk changes over many projects: the org routes {@code /org-xxxx/findProjects} and
 * {@code /org-xxxx/bulkUpdateProjectLimit} (org-api.txt; like the other org routes, they ignore input
 * keys the spec does not name), and the platform's {@code /system/findProjects}, which {@code dx find
 * projects} calls and which refuses unknown keys (DECISIONS.md §1).
 */
@Component
public class OrgProjectRoutes implements DxRoutes.Provider {

    /** The id class of a bulk update of project limits. */
    static final String LIMITS_UPDATE = "orgProjectLimits";

    /** Last modified first, then ascending id (org-api.txt). */
    static final Comparator<ProjectRecord> ORDER = Comparator.comparingLong(ProjectRecord::modified).reversed()
            .thenComparing(ProjectRecord::id);

    private final OrgDirectory orgs;
    private final ProjectDirectory projects;
    private final ProjectDescriber describer;
    private final CommandGateway commands;
    private final WorkflowAnswers workflows;
    private final DeclaredInputs inputs;
    private final ObjectMapper json = new ObjectMapper();

    public OrgProjectRoutes(OrgDirectory orgs, ProjectDirectory projects, ProjectDescriber describer,
                            CommandGateway commands, WorkflowAnswers workflows, DeclaredInputs inputs) {
        this.inputs = inputs;
        this.orgs = orgs;
        this.projects = projects;
        this.describer = describer;
        this.commands = commands;
        this.workflows = workflows;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("org-*/findProjects", FindProjectsInput.class, this::findProjects,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("org-*/bulkUpdateProjectLimit", BulkUpdateProjectLimitInput.class, this::bulkUpdateProjectLimit,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("system/findProjects", SystemFindProjectsInput.class, this::findVisibleProjects);
    }

    /**
     * The projects the caller holds at least {@code level} on (VIEW when not given), as their token lets
     * them use it, so nobody learns of a project they could not describe. Paged and ordered as the org's
     * findProjects.
     */
    ObjectNode findVisibleProjects(DxRequest request, SystemFindProjectsInput in) {
        Predicate<ProjectRecord> filter = ProjectFilter.of(in.shared(), request.input(),
                p -> projects.isPublic(p.id()));
        ProjectDescriber.Selection selection = describeSelection(in.describe());
        long limit = in.limit() == null ? Paging.MAX_LIMIT : in.limit();
        Cursor starting = in.starting() == null ? null : Cursor.parse(in.starting());
        ProjectLevel least = in.level() == null ? ProjectLevel.VIEW : ProjectLevel.valueOf(in.level());
        Set<String> billTo = in.billTo() == null || in.billTo().isNull() ? null : strings(in.billTo(), "billTo");
        Caller caller = request.caller();
        Set<String> principals = orgs.principalsOf(caller.userId());
        Set<String> explicitPrincipals = new java.util.HashSet<>(principals);
        explicitPrincipals.remove(ProjectGrants.PUBLIC);
        Map<String, ProjectLevel> levels = new HashMap<>();
        List<ProjectRecord> matching = projects.grantedToAny(principals).stream()
                .filter(filter)
                .filter(p -> billTo == null || billTo.contains(p.billTo()))
                .filter(p -> in.externalUploadRestricted() == null
                        || p.flag(ProjectFlags.EXTERNAL_UPLOAD_RESTRICTED) == in.externalUploadRestricted())
                .filter(p -> !Boolean.TRUE.equals(in.explicitPermission())
                        || projects.grants(p.id()).keySet().stream().anyMatch(explicitPrincipals::contains))
                .filter(p -> levels.computeIfAbsent(p.id(), id -> ProjectScopes.level(projects, caller, id))
                        .atLeast(least))
                .sorted(ORDER)
                .filter(p -> starting == null || !starting.isAfter(p))
                .toList();
        ArrayNode results = json.createArrayNode();
        for (ProjectRecord project : matching.subList(0, (int) Math.min(limit, matching.size()))) {
            ProjectLevel level = levels.get(project.id());
            ObjectNode result = results.addObject()
                    .put("id", project.id())
                    .put("public", projects.isPublic(project.id()))
                    .put("level", level.name());
            if (selection != null) {
                result.set("describe", describer.describe(project, caller, level, selection));
            }
        }
        ObjectNode out = json.createObjectNode();
        out.set("results", results);
        if (matching.size() > limit) {
            out.put("next", Cursor.of(matching.get((int) limit)));
        } else {
            out.putNull("next");
        }
        return out;
    }

    /** One string, or an array of them. */
    private static Set<String> strings(JsonNode value, String key) {
        Set<String> out = new java.util.HashSet<>();
        if (value.isTextual()) {
            out.add(value.textValue());
            return out;
        }
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw DxInput.wrongType(key, "a string or an array of strings");
            }
            out.add(element.textValue());
        }
        return out;
    }

    ObjectNode findProjects(DxRequest request, FindProjectsInput in) {
        Predicate<ProjectRecord> filter = ProjectFilter.of(in, request.input(), p -> projects.isPublic(p.id()));
        ProjectDescriber.Selection selection = describeSelection(in.describe());
        long limit = in.limit() == null ? Paging.MAX_LIMIT : in.limit();
        Cursor starting = in.starting() == null ? null : Cursor.parse(in.starting());
        OrgFacts org = requireOrg(request);
        requireAdmin(org, request.caller());
        List<ProjectRecord> matching = projects.billedTo(org.id()).stream()
                .filter(filter)
                .sorted(ORDER)
                .filter(p -> starting == null || !starting.isAfter(p))
                .toList();
        ArrayNode results = json.createArrayNode();
        for (ProjectRecord project : matching.subList(0, (int) Math.min(limit, matching.size()))) {
            ProjectLevel level = projects.effectiveLevel(project.id(), request.caller().userId());
            ObjectNode result = results.addObject()
                    .put("id", project.id())
                    .put("public", projects.isPublic(project.id()))
                    .put("level", level.name());
            if (selection != null) {
                result.set("describe", describer.describe(project, request.caller(), level, selection));
            }
        }
        ObjectNode out = json.createObjectNode();
        out.set("results", results);
        if (matching.size() > limit) {
            out.put("next", Cursor.of(matching.get((int) limit)));
        } else {
            out.putNull("next");
        }
        return out;
    }

    /**
     * The Org checks the requester, the licenses and every project before anything changes; a saga
     * then sets each project, and the route answers once it has (DNAnexus answers the count of
     * projects updated).
     */
    ObjectNode bulkUpdateProjectLimit(DxRequest request, BulkUpdateProjectLimitInput in) {
        DxInput body = request.input();
        boolean computeGiven = body.has("monthlyComputeLimit");
        boolean egressGiven = body.has("monthlyEgressBytesLimit");
        boolean storageGiven = body.has("monthlyStorageLimit");
        if (!computeGiven && !egressGiven && !storageGiven) {
            throw DxException.invalidInput("Give at least one of monthlyComputeLimit, monthlyEgressBytesLimit and"
                    + " monthlyStorageLimit");
        }
        boolean dryRun = Boolean.TRUE.equals(in.dryRun());
        String updateId = EntityIds.generate(LIMITS_UPDATE);
        Integer covered = commands.sendAndWait(new UpdateOrgProjectLimitsCommand(request.entityId(), updateId,
                in.projects(), new SpendingLimitsChange(computeGiven, in.monthlyComputeLimit(), egressGiven,
                in.monthlyEgressBytesLimit(), storageGiven, in.monthlyStorageLimit()), dryRun,
                request.caller().requester()));
        if (dryRun) {
            return json.createObjectNode().put("updatedCount", covered);
        }
        return json.createObjectNode().put("updatedCount", workflows.await(updateId).get("updatedCount").asInt());
    }

    /** null when nothing is to be described; a mapping is a describe input of its own. */
    private ProjectDescriber.Selection describeSelection(JsonNode describe) {
        if (!Describe.requested(describe)) {
            return null;
        }
        ObjectNode input = describe.isObject() ? (ObjectNode) describe : json.createObjectNode();
        return ProjectDescriber.selection(inputs.read(input, DescribeProjectInput.class));
    }

    private OrgFacts requireOrg(DxRequest request) {
        return orgs.find(request.entityId())
                .orElseThrow(() -> DxException.notFound("The org " + request.entityId() + " was not found"));
    }

    private void requireAdmin(OrgFacts org, Caller caller) {
        boolean admin = orgs.membership(org.id(), caller.userId()).map(OrgMembership::isAdmin).orElse(false);
        if (!admin) {
            throw DxException.permissionDenied("You must be an ADMIN of " + org.id());
        }
        Scopes.requireFullScope(caller);
    }

    /**
     * {@code next}: the first project left out, as {@code <id>:<modified>}, so the following page starts
     * at the same place in the order even if other projects change meanwhile.
     */
    record Cursor(String id, long modified) {

        static String of(ProjectRecord project) {
            return project.id() + ":" + project.modified();
        }

        static Cursor parse(String text) {
            int colon = text.lastIndexOf(':');
            try {
                if (colon > 0) {
                    return new Cursor(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
            throw DxException.invalidInput("'starting' must be the 'next' value of the previous page");
        }

        /** Whether the project comes before this cursor in the order (so the page skips it). */
        boolean isAfter(ProjectRecord project) {
            if (project.modified() != modified) {
                return project.modified() > modified;
            }
            return project.id().compareTo(id) < 0;
        }
    }

}
