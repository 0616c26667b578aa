package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.DxInput;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Nonces;
import org.tre.api.protocol.Scopes;
import org.tre.api.protocol.WorkflowAnswers;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectsCommand;
import org.tre.messages.dataobject.DataObjectCommands.RemoveDataObjectsCommand;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.project.ProjectDirectory.ProjectRecord;
import org.tre.directory.token.Caller;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.request.RequestCommands.CreateRequestProjectCommand;
import org.tre.messages.project.ProjectCommands.AcceptProjectTransferCommand;
import org.tre.messages.project.ProjectCommands.CreateProjectCommand;
import org.tre.messages.project.ProjectCommands.DecreaseProjectPermissionsCommand;
import org.tre.messages.project.ProjectCommands.DestroyProjectCommand;
import org.tre.messages.project.ProjectCommands.InviteToProjectCommand;
import org.tre.messages.project.ProjectCommands.LeaveProjectCommand;
import org.tre.messages.project.ProjectCommands.TransferProjectCommand;
import org.tre.messages.project.ProjectCommands.UpdateProjectCommand;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectLevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The project routes of DECISIONS.md §11, §12 and §14. Each route checks the input's shape and sends
 * the command with the caller in it; the Project aggregate checks that the project exists, the
 * caller's level, their token's scope, the project's state and the other entities involved, in that
 * order (§1).
 */
@Component
public class ProjectRoutes implements DxRoutes.Provider {

    /** The id class of a clone or removal batch. */
    static final String BATCH = "objectBatch";

    private final CommandGateway commands;
    private final Nonces nonces;
    private final ProjectDirectory projects;
    private final ProjectDescriber describer;
    private final WorkflowAnswers workflows;
    private final ObjectMapper json = new ObjectMapper();

    public ProjectRoutes(CommandGateway commands, Nonces nonces, ProjectDirectory projects, ProjectDescriber describer,
                         WorkflowAnswers workflows) {
        this.commands = commands;
        this.nonces = nonces;
        this.projects = projects;
        this.describer = describer;
        this.workflows = workflows;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("project/new", this::newProject)
                .post("project-*/describe", this::describe)
                .post("project-*/update", this::update)
                .post("project-*/invite", this::invite)
                .post("project-*/decreasePermissions", this::decreasePermissions)
                .post("project-*/leave", this::leave)
                .post("project-*/transfer", this::transfer)
                .post("project-*/acceptTransfer", this::acceptTransfer)
                .post("project-*/destroy", this::destroy)
                .post("project-*/removeObjects", this::removeObjects)
                .post("project-*/clone", this::cloneObjects);
    }

    ObjectNode newProject(DxRequest request) {
        List<String> keys = new ArrayList<>(List.of("name", "summary", "description", "tags", "properties", "billTo",
                "region", "tre", "treApplication", "dispense", "nonce"));
        keys.addAll(ProjectFlags.NAMES);
        DxInput in = request.input().allowOnly(keys.toArray(String[]::new));
        String name = ProjectInputs.name(in);
        String summary = ProjectInputs.summary(in).orElse(null);
        String description = ProjectInputs.description(in).orElse(null);
        List<String> tags = ProjectInputs.tags(in);
        Map<String, String> properties = ProjectInputs.properties(in);
        Map<String, Boolean> flags = ProjectInputs.flags(in);
        String region = in.optionalString("region").orElse(null);
        Optional<String> tre = in.optionalString("tre");
        Optional<String> treApplication = in.optionalString("treApplication");
        Optional<Boolean> dispense = in.optionalBoolean("dispense");
        if (treApplication.isPresent()) {
            return newRequestProject(request, treApplication.get(), dispense.orElse(true), tre.orElse(null), name,
                    summary, description, tags, properties, flags, region);
        }
        if (tre.isPresent()) {
            throw DxException.invalidInput("A TRE project belongs to an approved data access request: name it in"
                    + " 'treApplication'");
        }
        if (dispense.isPresent()) {
            throw DxException.invalidInput("'dispense' applies to projects of a data access request only");
        }
        String billTo = in.optionalString("billTo").orElseThrow(() -> DxException.invalidInput(
                "Missing required input 'billTo': a project outside a TRE needs an org to bill"));
        if (!billTo.startsWith("org-")) {
            throw DxException.invalidInput("'billTo' must be an org id: only orgs are billing accounts");
        }
        return nonces.once(request, "project/new", () -> {
            String projectId = EntityIds.generate("project");
            commands.sendAndWait(new CreateProjectCommand(projectId, name, summary, description, tags, properties,
                    billTo, region, flags, null, request.caller().requester()));
            return json.createObjectNode().put("id", projectId);
        });
    }

    /**
     * A project of a data access request (DECISIONS.md §15): the request decides who may have one
     * (DataAccessRequest, its permission table), the directory makes it next, and the route waits for
     * that outcome as clone does. The TRE's policies are the project's flags, so none may be given here.
     */
    private ObjectNode newRequestProject(DxRequest request, String requestId, boolean dispense, String treId,
                                         String name, String summary, String description, List<String> tags,
                                         Map<String, String> properties, Map<String, Boolean> flags, String region) {
        if (!EntityIds.isGenerated("treApplication", requestId)) {
            throw DxException.invalidInput("'treApplication' must be a data access request id");
        }
        if (treId != null && !treId.startsWith("tre-")) {
            throw DxException.invalidInput("'tre' must be a TRE id");
        }
        if (!flags.isEmpty()) {
            throw DxException.invalidInput("The flags of a TRE project are the TRE's policies; give none");
        }
        String billTo = request.input().optionalString("billTo").orElse(null);
        return nonces.once(request, "project/new", () -> {
            String projectId = EntityIds.generate("project");
            commands.sendAndWait(new CreateRequestProjectCommand(requestId, projectId, name, summary, description,
                    tags, properties, dispense, treId, billTo, region, request.caller().requester()));
            return (ObjectNode) workflows.await(projectId);
        });
    }

    ObjectNode describe(DxRequest request) {
        ProjectDescriber.Selection selection = ProjectDescriber.selection(request.input().raw(), "describe");
        ProjectRecord project = live(request);
        Caller caller = request.caller();
        ProjectLevel level = ProjectScopes.level(projects, caller, project.id());
        if (level == ProjectLevel.NONE && !caller.isOperator()) {
            throw DxException.permissionDenied("You have no access to " + project.id());
        }
        return describer.describe(project, caller, level, selection);
    }

    ObjectNode update(DxRequest request) {
        List<String> keys = new ArrayList<>(List.of("name", "summary", "description", "version", "billTo"));
        keys.addAll(ProjectFlags.NAMES);
        DxInput in = request.input().allowOnly(keys.toArray(String[]::new));
        String name = ProjectInputs.optionalName(in).orElse(null);
        String summary = ProjectInputs.summary(in).orElse(null);
        String description = ProjectInputs.description(in).orElse(null);
        Long version = in.optionalLong("version").orElse(null);
        Map<String, Boolean> flags = ProjectInputs.flags(in);
        String billTo = in.optionalString("billTo").orElse(null);
        if (billTo != null && !billTo.startsWith("org-")) {
            throw DxException.invalidInput("'billTo' must be an org id: only orgs are billing accounts");
        }
        commands.sendAndWait(new UpdateProjectCommand(request.entityId(), version, name, summary, description, flags,
                billTo, request.caller().requester()));
        return idOf(request);
    }

    ObjectNode invite(DxRequest request) {
        DxInput in = request.input().allowOnly("invitee", "level", "suppressEmailNotification");
        String invitee = ProjectInputs.principal("invitee", in.requiredString("invitee"));
        if (!in.has("level")) {
            throw DxInput.missing("level");
        }
        ProjectLevel level = ProjectInputs.grantLevel("level", in.raw().get("level"));
        in.optionalBoolean("suppressEmailNotification");
        commands.sendAndWait(new InviteToProjectCommand(request.entityId(), invitee, level,
                request.caller().requester()));
        return idOf(request).put("state", "ACCEPTED");
    }

    /** The body maps members to their new level, or to null to remove their own grant. */
    ObjectNode decreasePermissions(DxRequest request) {
        ObjectNode body = request.input().raw();
        if (body.isEmpty()) {
            throw DxException.invalidInput("Name at least one member and the level to decrease them to");
        }
        Map<String, ProjectLevel> levels = new LinkedHashMap<>();
        body.fields().forEachRemaining(entry -> {
            String member = ProjectInputs.principal(entry.getKey(), entry.getKey());
            JsonNode value = entry.getValue();
            levels.put(member, value.isNull() ? ProjectLevel.NONE : ProjectInputs.grantLevel(member, value));
        });
        commands.sendAndWait(new DecreaseProjectPermissionsCommand(request.entityId(), levels,
                request.caller().requester()));
        return idOf(request);
    }

    ObjectNode leave(DxRequest request) {
        request.input().allowOnly();
        commands.sendAndWait(new LeaveProjectCommand(request.entityId(), request.caller().requester()));
        return idOf(request);
    }

    ObjectNode transfer(DxRequest request) {
        DxInput in = request.input().allowOnly("invitee", "suppressEmailNotification");
        String invitee = in.requiredString("invitee");
        if (!invitee.startsWith("org-") || invitee.length() == 4) {
            throw DxException.invalidInput("'invitee' must be an org id: only orgs are billing accounts");
        }
        in.optionalBoolean("suppressEmailNotification");
        commands.sendAndWait(new TransferProjectCommand(request.entityId(), invitee, request.caller().requester()));
        return idOf(request);
    }

    ObjectNode acceptTransfer(DxRequest request) {
        request.input().allowOnly();
        commands.sendAndWait(new AcceptProjectTransferCommand(request.entityId(), request.caller().requester()));
        return idOf(request);
    }

    ObjectNode destroy(DxRequest request) {
        request.input().allowOnly("terminateJobs").optionalBoolean("terminateJobs");
        commands.sendAndWait(new DestroyProjectCommand(request.entityId(), request.caller().requester()));
        return idOf(request);
    }

    /** All objects or none (DataObjectBatch); DNAnexus answers once they are gone, so the route waits. */
    ObjectNode removeObjects(DxRequest request) {
        DxInput in = request.input().allowOnly("objects", "force");
        List<String> objects = ProjectInputs.objectIds(in, "objects");
        in.optionalBoolean("force");
        String batchId = EntityIds.generate(BATCH);
        commands.sendAndWait(new RemoveDataObjectsCommand(batchId, request.entityId(), objects,
                request.caller().requester()));
        workflows.await(batchId);
        return idOf(request);
    }

    /**
     * There are no folders: {@code folders} must be empty and {@code destination} the root, which is what
     * {@code dx cp} of objects sends.
     */
    ObjectNode cloneObjects(DxRequest request) {
        DxInput in = request.input().allowOnly("objects", "project", "destination", "folders", "parents");
        List<String> objects = ProjectInputs.objectIds(in, "objects");
        String destination = ProjectInputs.projectId("project", in.requiredString("project"));
        String folder = in.optionalString("destination").orElse("/");
        if (!"/".equals(folder)) {
            throw DxException.invalidInput("'destination' must be \"/\": projects here hold no folders");
        }
        if (!in.optionalStringArray("folders").orElse(List.of()).isEmpty()) {
            throw DxException.invalidInput("'folders' must be empty: projects here hold no folders");
        }
        in.optionalBoolean("parents");
        if (request.entityId().equals(destination)) {
            throw DxException.invalidInput("The source and destination of a clone must differ");
        }
        String batchId = EntityIds.generate(BATCH);
        commands.sendAndWait(new CloneDataObjectsCommand(batchId, request.entityId(), destination, objects,
                request.caller().requester()));
        JsonNode answer = workflows.await(batchId);
        ObjectNode out = idOf(request).put("project", destination);
        out.set("exists", answer.get("exists"));
        return out;
    }

    private ProjectRecord live(DxRequest request) {
        String id = request.entityId();
        return projects.live(id).orElseThrow(() -> projectNotFound(id));
    }

    private static DxException projectNotFound(String id) {
        return DxException.notFound("The project " + id + " was not found");
    }

    private ObjectNode idOf(ProjectRecord project) {
        return json.createObjectNode().put("id", project.id());
    }

    private ObjectNode idOf(DxRequest request) {
        return json.createObjectNode().put("id", request.entityId());
    }
}
