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
import org.tre.api.protocol.Scopes;
import org.tre.api.protocol.WorkflowAnswers;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.project.ProjectDirectory.ProjectRecord;
import org.tre.directory.token.Caller;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.org.OrgCommands.UpdateOrgProjectLimitsCommand;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.SpendingLimitsChange;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The org routes about projects: {@code /org-xxxx/findProjects} and {@code /org-xxxx/bulkUpdateProjectLimit}
 * (org-api.txt). Like the other org routes, they ignore input keys the spec does not name.
 */
@Component
public class OrgProjectRoutes implements DxRoutes.Provider {

    static final int MAX_PROJECTS = 1000;
    static final int MAX_LIMIT = 1000;
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
    private final ObjectMapper json = new ObjectMapper();

    public OrgProjectRoutes(OrgDirectory orgs, ProjectDirectory projects, ProjectDescriber describer,
                            CommandGateway commands, WorkflowAnswers workflows) {
        this.orgs = orgs;
        this.projects = projects;
        this.describer = describer;
        this.commands = commands;
        this.workflows = workflows;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("org-*/findProjects", this::findProjects)
                .post("org-*/bulkUpdateProjectLimit", this::bulkUpdateProjectLimit);
    }

    ObjectNode findProjects(DxRequest request) {
        DxInput in = request.input();
        Predicate<ProjectRecord> filter = ProjectFilter.of(in, p -> projects.isPublic(p.id()));
        ProjectDescriber.Selection selection = describeSelection(in);
        long limit = in.optionalLong("limit").orElse((long) MAX_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DxException.invalidInput("'limit' must be from 1 to " + MAX_LIMIT);
        }
        Cursor starting = in.optionalString("starting").map(Cursor::parse).orElse(null);
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
    ObjectNode bulkUpdateProjectLimit(DxRequest request) {
        DxInput in = request.input();
        List<String> ids = in.requiredStringArray("projects");
        if (ids.isEmpty() || ids.size() > MAX_PROJECTS) {
            throw DxException.invalidInput("'projects' must hold 1 to " + MAX_PROJECTS + " project ids");
        }
        boolean computeGiven = in.has("monthlyComputeLimit");
        boolean egressGiven = in.has("monthlyEgressBytesLimit");
        boolean storageGiven = in.has("monthlyStorageLimit");
        if (!computeGiven && !egressGiven && !storageGiven) {
            throw DxException.invalidInput("Give at least one of monthlyComputeLimit, monthlyEgressBytesLimit and"
                    + " monthlyStorageLimit");
        }
        Long compute = in.optionalLong("monthlyComputeLimit").orElse(null);
        Long egress = in.optionalLong("monthlyEgressBytesLimit").orElse(null);
        Double storage = in.optionalNumber("monthlyStorageLimit").orElse(null);
        if ((compute != null && compute < 0) || (egress != null && egress < 0) || (storage != null && storage < 0)) {
            throw DxException.invalidInput("Spending limits must be at least zero");
        }
        boolean dryRun = in.optionalBoolean("dryRun").orElse(false);
        String updateId = EntityIds.generate(LIMITS_UPDATE);
        Integer covered = commands.sendAndWait(new UpdateOrgProjectLimitsCommand(request.entityId(), updateId, ids,
                new SpendingLimitsChange(computeGiven, compute, egressGiven, egress, storageGiven, storage), dryRun,
                request.caller().requester()));
        if (dryRun) {
            return json.createObjectNode().put("updatedCount", covered);
        }
        return json.createObjectNode().put("updatedCount", workflows.await(updateId).get("updatedCount").asInt());
    }

    /** null when nothing is to be described. */
    private static ProjectDescriber.Selection describeSelection(DxInput in) {
        if (!Describe.requested(in)) {
            return null;
        }
        JsonNode describe = in.raw().get("describe");
        ObjectNode input = describe.isObject() ? (ObjectNode) describe : new ObjectMapper().createObjectNode();
        return ProjectDescriber.selection(input, "describe");
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
