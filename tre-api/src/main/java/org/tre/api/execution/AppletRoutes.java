package org.tre.api.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.api.execution.ExecutionInputs.DescribeInput;
import org.tre.api.execution.ExecutionInputs.NewAppletInput;
import org.tre.api.execution.ExecutionInputs.RunAppletInput;
import org.tre.api.project.ProjectScopes;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Nonces;
import org.tre.directory.execution.AppletDirectory;
import org.tre.directory.execution.AppletFacts;
import org.tre.directory.execution.StoredJson;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.token.Caller;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.execution.AppletMessages.AppletSpec;
import org.tre.messages.execution.AppletMessages.CreateAppletCommand;
import org.tre.messages.execution.JobMessages.RunAppletCommand;
import org.tre.messages.execution.JobMessages.RunDecision;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.tre.TreCommands.RecordExecutionRefusalCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /applet/new}, {@code /applet-xxxx/describe} and {@code /applet-xxxx/run} (DECISIONS.md
 * §16). The Applet and the Job check who may; a run the TRE's execution restrictions refuse is
 * recorded in the TRE's history before the refusal is answered.
 */
@Component
public class AppletRoutes implements DxRoutes.Provider {

    static final String RUN_ROUTE = "applet-run";

    private final CommandGateway commands;
    private final AppletDirectory applets;
    private final ProjectDirectory projects;
    private final Nonces nonces;
    private final ObjectMapper json;

    public AppletRoutes(CommandGateway commands, AppletDirectory applets, ProjectDirectory projects, Nonces nonces,
                        ObjectMapper json) {
        this.commands = commands;
        this.applets = applets;
        this.projects = projects;
        this.nonces = nonces;
        this.json = json;
    }

    @Override
    public void register(DxRoutes routes) {
        ErrorType[] inAProject = {ErrorType.ResourceNotFound, ErrorType.PermissionDenied};
        routes.post("applet/new", NewAppletInput.class, this::create, inAProject)
                .post("applet-*/describe", DescribeInput.class, this::describe, inAProject)
                .post("applet-*/run", RunAppletInput.class, this::run, inAProject);
    }

    ObjectNode create(DxRequest request, NewAppletInput in) {
        AppletSpecs.requireReadable(in.inputSpec(), in.access(), in.httpsApp());
        return nonces.once(request, "applet/new", () -> {
            String id = EntityIds.generate("applet");
            AppletSpec spec = new AppletSpec(in.dxapi(), StoredJson.text(in.runSpec()),
                    StoredJson.text(in.inputSpec()), StoredJson.text(in.outputSpec()), StoredJson.text(in.access()),
                    StoredJson.text(in.httpsApp()));
            commands.sendAndWait(new CreateAppletCommand(id, in.project(), in.folder() == null ? "/" : in.folder(),
                    in.name() == null ? id : in.name(), spec, in.title(), in.summary(), in.description(), in.tags(),
                    in.properties(), request.caller().requester()));
            return json.createObjectNode().put("id", id);
        });
    }

    /** Open to whoever may VIEW the applet's project through their token, and to the operator. */
    ObjectNode describe(DxRequest request, DescribeInput in) {
        AppletFacts applet = visible(request);
        if (in.project() != null && !in.project().equals(applet.projectId())) {
            throw DxException.notFound("The applet " + applet.id() + " is not in " + in.project());
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("class", "applet");
        all.put("project", applet.projectId());
        all.put("folder", applet.folder());
        all.put("name", applet.name());
        all.put("state", "closed");
        all.put("hidden", false);
        all.put("types", List.of());
        all.put("dxapi", applet.spec().dxapi());
        all.put("runSpec", StoredJson.tree(applet.spec().runSpec()));
        all.put("inputSpec", StoredJson.tree(applet.spec().inputSpec()));
        all.put("outputSpec", StoredJson.tree(applet.spec().outputSpec()));
        all.put("access", StoredJson.tree(applet.spec().access()));
        all.put("httpsApp", StoredJson.tree(applet.spec().httpsApp()));
        all.put("title", applet.title());
        all.put("summary", applet.summary());
        all.put("description", applet.description());
        all.put("created", applet.created());
        all.put("modified", applet.created());
        all.put("createdBy", Map.of("user", applet.createdBy()));
        all.put("tags", applet.tags());
        all.put("properties", applet.properties());
        return Describing.select(json, applet.id(), all, Map.of(), in.fields(), in.defaultFields(), in.details());
    }

    ObjectNode run(DxRequest request, RunAppletInput in) {
        String appletId = request.entityId();
        if (!EntityIds.isGenerated("applet", appletId)) {
            throw DxException.notFound("The applet " + appletId + " was not found");
        }
        return nonces.once(request, RUN_ROUTE, () -> {
            String jobId = nonces.seed(request, RUN_ROUTE).map(seed -> EntityIds.derived("job", seed))
                    .orElseGet(() -> EntityIds.generate("job"));
            RunDecision decision = commands.sendAndWait(new RunAppletCommand(jobId, appletId, in.project(),
                    in.folder(), in.name(), StoredJson.text(in.input()), in.allowSSH(), in.tags(), in.properties(),
                    StoredJson.text(in.details()), request.caller().requester()));
            if (!decision.accepted()) {
                String name = applets.find(appletId).map(AppletFacts::name).orElse(appletId);
                commands.sendAndWait(new RecordExecutionRefusalCommand(decision.treId(), jobId, "run", null,
                        request.caller().userId(), in.project(), appletId, name, decision.refusedBy()));
                throw DxException.permissionDenied(decision.message());
            }
            return json.createObjectNode().put("id", jobId);
        });
    }

    private AppletFacts visible(DxRequest request) {
        String id = request.entityId();
        AppletFacts applet = (EntityIds.isGenerated("applet", id) ? applets.find(id) : java.util.Optional
                .<AppletFacts>empty())
                .filter(a -> projects.find(a.projectId()).filter(p -> !p.destroyed()).isPresent())
                .orElseThrow(() -> DxException.notFound("The applet " + id + " was not found"));
        Caller caller = request.caller();
        if (!caller.isOperator()
                && !ProjectScopes.level(projects, caller, applet.projectId()).atLeast(ProjectLevel.VIEW)) {
            throw DxException.permissionDenied("You need VIEW on " + applet.projectId() + " to describe " + id);
        }
        return applet;
    }
}
