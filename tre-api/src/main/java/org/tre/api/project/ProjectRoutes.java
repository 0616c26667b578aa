package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Nonces;
import org.tre.api.protocol.WorkflowAnswers;
import org.tre.api.protocol.input.NoInput;
import org.tre.api.project.ProjectInputs.CloneInput;
import org.tre.api.project.ProjectInputs.DecreasePermissionsInput;
import org.tre.api.project.ProjectInputs.DescribeProjectInput;
import org.tre.api.project.ProjectInputs.DestroyInput;
import org.tre.api.project.ProjectInputs.FlagsInput;
import org.tre.api.project.ProjectInputs.InviteInput;
import org.tre.api.project.ProjectInputs.NewProjectInput;
import org.tre.api.project.ProjectInputs.RemoveObjectsInput;
import org.tre.api.project.ProjectInputs.TransferInput;
import org.tre.api.project.ProjectInputs.UpdateProjectInput;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectsCommand;
import org.tre.messages.dataobject.DataObjectCommands.RemoveDataObjectsCommand;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.project.ProjectDirectory.ProjectRecord;
import org.tre.directory.token.Caller;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.request.RequestCommands.CreateRequestProjectCommand;
import org.tre.messages.project.ProjectCommands.AcceptProjectTransferCommand;
import org.tre.messages.project.ProjectCommands.CreateProjectCommand;
import org.tre.messages.project.ProjectCommands.DecreaseProjectPermissionsCommand;
import org.tre.messages.project.ProjectCommands.DestroyProjectCommand;
import org.tre.messages.project.ProjectCommands.InviteToProjectCommand;
import org.tre.messages.project.ProjectCommands.LeaveProjectCommand;
import org.tre.messages.project.ProjectCommands.TransferProjectCommand;
import org.tre.messages.project.ProjectCommands.UpdateProjectCommand;
import org.tre.messages.project.ProjectLevel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project routes of DECISIONS.md §11, §12 and §14. Each route declares its input's shape
 * (ProjectInputs) and sends the command with the caller in it; the Project aggregate checks that the
 * project exists, the caller's level, their token's scope, the project's state and the other entities
 * involved, in that order (§1).
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
        ErrorType[] onAProject = {ErrorType.ResourceNotFound, ErrorType.PermissionDenied};
        ErrorType[] onAProjectInItsState = {ErrorType.ResourceNotFound, ErrorType.PermissionDenied,
                ErrorType.InvalidState};
        routes.post("project/new", NewProjectInput.class, this::newProject, onAProjectInItsState)
                .post("project-*/describe", DescribeProjectInput.class, this::describe, onAProject)
                .post("project-*/update", UpdateProjectInput.class, this::update, onAProjectInItsState)
                .post("project-*/invite", InviteInput.class, this::invite, onAProject)
                .post("project-*/decreasePermissions", DecreasePermissionsInput.class, this::decreasePermissions,
                        onAProjectInItsState)
                .post("project-*/leave", NoInput.class, (r, none) -> leave(r), onAProjectInItsState)
                .post("project-*/transfer", TransferInput.class, this::transfer, onAProject)
                .post("project-*/acceptTransfer", NoInput.class, (r, none) -> acceptTransfer(r), onAProjectInItsState)
                .post("project-*/destroy", DestroyInput.class, (r, in) -> destroy(r), onAProject)
                .post("project-*/removeObjects", RemoveObjectsInput.class, this::removeObjects, onAProject)
                .post("project-*/clone", CloneInput.class, this::cloneObjects, onAProject);
    }

    ObjectNode newProject(DxRequest request, NewProjectInput in) {
        List<String> tags = in.tags() == null ? List.of() : in.tags().stream().distinct().toList();
        Map<String, String> properties = in.properties() == null ? new LinkedHashMap<>() : in.properties();
        if (in.treApplication() != null) {
            return newRequestProject(request, in, tags, properties);
        }
        Map<String, Boolean> flags = FlagsInput.given(in.flags());
        return nonces.once(request, "project/new", () -> {
            String projectId = EntityIds.generate("project");
            commands.sendAndWait(new CreateProjectCommand(projectId, in.name(), in.summary(), in.description(), tags,
                    properties, in.billTo(), in.region(), flags, null, request.caller().requester()));
            return json.createObjectNode().put("id", projectId);
        });
    }

    /**
     * A project of a data access request (DECISIONS.md §15): the request decides who may have one
     * (DataAccessRequest, its permission table), the directory makes it next, and the route waits for
     * that outcome as clone does. The TRE's policies are the project's flags, so none may be given here.
     */
    private ObjectNode newRequestProject(DxRequest request, NewProjectInput in, List<String> tags,
                                         Map<String, String> properties) {
        boolean dispense = in.dispense() == null || in.dispense();
        return nonces.once(request, "project/new", () -> {
            String projectId = EntityIds.generate("project");
            commands.sendAndWait(new CreateRequestProjectCommand(in.treApplication(), projectId, in.name(),
                    in.summary(), in.description(), tags, properties, dispense, in.tre(), in.billTo(), in.region(),
                    request.caller().requester()));
            return (ObjectNode) workflows.await(projectId);
        });
    }

    ObjectNode describe(DxRequest request, DescribeProjectInput in) {
        ProjectDescriber.Selection selection = ProjectDescriber.selection(in);
        ProjectRecord project = live(request);
        Caller caller = request.caller();
        ProjectLevel level = ProjectScopes.level(projects, caller, project.id());
        if (level == ProjectLevel.NONE && !caller.isOperator()) {
            throw DxException.permissionDenied("You have no access to " + project.id());
        }
        return describer.describe(project, caller, level, selection);
    }

    ObjectNode update(DxRequest request, UpdateProjectInput in) {
        commands.sendAndWait(new UpdateProjectCommand(request.entityId(), in.version(), in.name(), in.summary(),
                in.description(), FlagsInput.given(in.flags()), in.billTo(), request.caller().requester()));
        return idOf(request);
    }

    ObjectNode invite(DxRequest request, InviteInput in) {
        commands.sendAndWait(new InviteToProjectCommand(request.entityId(), in.invitee(),
                ProjectLevel.valueOf(in.level()), request.caller().requester()));
        return idOf(request).put("state", "ACCEPTED");
    }

    /** A member mapped to null loses their own grant. */
    ObjectNode decreasePermissions(DxRequest request, DecreasePermissionsInput in) {
        Map<String, ProjectLevel> levels = new LinkedHashMap<>();
        in.levels().forEach((member, level) -> levels.put(member, level == null ? ProjectLevel.NONE
                : ProjectLevel.valueOf(level)));
        commands.sendAndWait(new DecreaseProjectPermissionsCommand(request.entityId(), levels,
                request.caller().requester()));
        return idOf(request);
    }

    ObjectNode leave(DxRequest request) {
        commands.sendAndWait(new LeaveProjectCommand(request.entityId(), request.caller().requester()));
        return idOf(request);
    }

    ObjectNode transfer(DxRequest request, TransferInput in) {
        commands.sendAndWait(new TransferProjectCommand(request.entityId(), in.invitee(), request.caller().requester()));
        return idOf(request);
    }

    ObjectNode acceptTransfer(DxRequest request) {
        commands.sendAndWait(new AcceptProjectTransferCommand(request.entityId(), request.caller().requester()));
        return idOf(request);
    }

    ObjectNode destroy(DxRequest request) {
        commands.sendAndWait(new DestroyProjectCommand(request.entityId(), request.caller().requester()));
        return idOf(request);
    }

    /** All objects or none (DataObjectBatch); DNAnexus answers once they are gone, so the route waits. */
    ObjectNode removeObjects(DxRequest request, RemoveObjectsInput in) {
        String batchId = EntityIds.generate(BATCH);
        commands.sendAndWait(new RemoveDataObjectsCommand(batchId, request.entityId(), in.objects(),
                request.caller().requester()));
        workflows.await(batchId);
        return idOf(request);
    }

    ObjectNode cloneObjects(DxRequest request, CloneInput in) {
        String destination = in.project();
        if (request.entityId().equals(destination)) {
            throw DxException.invalidInput("The source and destination of a clone must differ");
        }
        String batchId = EntityIds.generate(BATCH);
        commands.sendAndWait(new CloneDataObjectsCommand(batchId, request.entityId(), destination, in.objects(),
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

    private ObjectNode idOf(DxRequest request) {
        return json.createObjectNode().put("id", request.entityId());
    }
}
