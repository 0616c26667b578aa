package org.tre.api.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.api.execution.ExecutionInputs.DescribeInput;
import org.tre.api.execution.ExecutionInputs.FindExecutionsInput;
import org.tre.api.execution.ExecutionInputs.UpdateJobInput;
import org.tre.api.project.ProjectScopes;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Paging;
import org.tre.api.protocol.input.NoInput;
import org.tre.directory.execution.JobDirectory;
import org.tre.directory.execution.JobFacts;
import org.tre.directory.execution.StoredJson;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.token.Caller;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.execution.JobMessages.JobUpdateDecision;
import org.tre.messages.execution.JobMessages.TerminateJobCommand;
import org.tre.messages.execution.JobMessages.UpdateJobCommand;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.tre.TreCommands.RecordExecutionRefusalCommand;
import org.tre.query.dispensal.DispensalJobs;
import org.tre.query.dispensal.DispensalJobs.Job;
import org.tre.query.tre.TreProjection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The job routes (DECISIONS.md §15, §16). Two kinds of job answer to them alike: those a run
 * started (the Job aggregate decides on terminate and update) and the dispensal jobs the platform
 * runs for a TRE, which only the platform ends. A run job is shown to the members of its project and
 * its launcher; a dispensal job to its project's members and its TRE's admins; both to the operator.
 */
@Component
public class JobRoutes implements DxRoutes.Provider {

    static final String DISPENSAL_EXECUTABLE = "tre-dispensal";
    /** Every job here is its executable's one entry point; dx names a job by executable and function. */
    static final String ENTRY_POINT = "main";

    private final CommandGateway commands;
    private final JobDirectory jobs;
    private final DispensalJobs dispensals;
    private final ProjectDirectory projects;
    private final TreProjection tres;
    private final ObjectMapper json;

    public JobRoutes(CommandGateway commands, JobDirectory jobs, DispensalJobs dispensals, ProjectDirectory projects,
                     TreProjection tres, ObjectMapper json) {
        this.commands = commands;
        this.jobs = jobs;
        this.dispensals = dispensals;
        this.projects = projects;
        this.tres = tres;
        this.json = json;
    }

    @Override
    public void register(DxRoutes routes) {
        ErrorType[] aJob = {ErrorType.ResourceNotFound, ErrorType.PermissionDenied};
        routes.post("job-*/describe", DescribeInput.class, this::describe, aJob)
                .post("job-*/terminate", NoInput.class, (request, none) -> terminate(request), ErrorType.ResourceNotFound,
                        ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("job-*/update", UpdateJobInput.class, this::update, ErrorType.ResourceNotFound,
                        ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("system/findExecutions", FindExecutionsInput.class, this::find);
    }

    ObjectNode describe(DxRequest request, DescribeInput in) {
        String id = request.entityId();
        Map<String, Object> all = describable(request.caller(), id)
                .orElseThrow(() -> DxException.permissionDenied("Only the members of the job's project may describe "
                        + id));
        Object details = all.remove("details");
        return Describing.select(json, id, all, details, in.fields(), in.defaultFields(), in.details());
    }

    /** Dispensal jobs are the platform's own: they end when the dispensal does. */
    ObjectNode terminate(DxRequest request) {
        String id = requireJobId(request);
        if (dispensals.find(id).isPresent()) {
            throw DxException.invalidState("The dispensal job " + id + " is the platform's own; it ends when the"
                    + " dispensal does");
        }
        commands.sendAndWait(new TerminateJobCommand(id, request.caller().requester()));
        return json.createObjectNode().put("id", id);
    }

    ObjectNode update(DxRequest request, UpdateJobInput in) {
        String id = requireJobId(request);
        if (dispensals.find(id).isPresent()) {
            throw DxException.invalidState("The dispensal job " + id + " is the platform's own and cannot be updated");
        }
        JobUpdateDecision decision = commands.sendAndWait(new UpdateJobCommand(id, in.allowSSH(),
                request.caller().requester()));
        if (!decision.accepted()) {
            JobFacts job = jobs.find(id).orElseThrow(() -> DxException.notFound("The job " + id + " was not found"));
            commands.sendAndWait(new RecordExecutionRefusalCommand(decision.treId(), EntityIds.generate("attempt"),
                    "update", id, request.caller().userId(), job.projectId(), job.appletId(), job.executableName(),
                    decision.refusedBy()));
            throw DxException.permissionDenied(decision.message());
        }
        return json.createObjectNode().put("id", id);
    }

    /**
     * The jobs the caller may describe, newest first, both kinds. {@code class: "analysis"} finds none:
     * no workflows run here. The page key orders by creation, newest first, then id.
     */
    ObjectNode find(DxRequest request, FindExecutionsInput in) {
        Paging paging = Paging.of(in.starting(), in.limit(), "execution");
        Set<String> states = states(in.state());
        boolean describe = Describe.requested(in.describe());
        java.util.function.Predicate<Long> created = org.tre.api.protocol.TimeRange.of(request.input(), "created");
        Caller caller = request.caller();
        // An applet id names run jobs only, "tre-dispensal" dispensal jobs only, anything else neither.
        String executable = in.executable();
        boolean jobsAtAll = !"analysis".equals(in.executionClass());
        boolean runJobs = jobsAtAll && (executable == null || executable.startsWith("applet-"));
        boolean dispensalJobs = jobsAtAll && (executable == null || DISPENSAL_EXECUTABLE.equals(executable));
        List<Map<String, Object>> matching = new ArrayList<>();
        if (runJobs) {
            jobs.find(in.project(), in.launchedBy(), executable).stream().filter(job -> runJobVisible(caller, job))
                    .forEach(job -> matching.add(describe(job)));
        }
        if (dispensalJobs) {
            dispensals.all(in.project(), in.launchedBy()).stream().filter(job -> dispensalVisible(caller, job))
                    .forEach(job -> matching.add(describe(job)));
        }
        List<Map<String, Object>> found = matching.stream()
                .filter(job -> states == null || states.contains((String) job.get("state")))
                .filter(job -> created.test((Long) job.get("created")))
                .filter(job -> paging.startingAt(key(job)))
                .sorted(Comparator.comparing(JobRoutes::key))
                .toList();
        JsonNode fields = describe ? in.describe().path("fields") : null;
        Map<String, Boolean> asked = fields != null && fields.isObject() ? json.convertValue(fields,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Boolean>>() {
                }) : null;
        ArrayNode results = json.createArrayNode();
        for (Map<String, Object> job : paging.page(found)) {
            ObjectNode result = results.addObject().put("id", (String) job.get("id"));
            if (describe) {
                Map<String, Object> shown = new LinkedHashMap<>(job);
                shown.remove("details");
                result.set("describe", Describing.select(json, (String) job.get("id"), shown, null, asked,
                        in.describe().path("defaultFields").asBoolean(false), false));
            }
        }
        return paging.answer(results, found, JobRoutes::key, json);
    }

    /** Newest first: the creation time counted down, then the id, as one string that sorts ascending. */
    private static String key(Map<String, Object> job) {
        return String.format("%019d", Long.MAX_VALUE - (Long) job.get("created")) + job.get("id");
    }

    private static Set<String> states(JsonNode state) {
        if (state == null || state.isNull()) {
            return null;
        }
        Set<String> states = new java.util.HashSet<>();
        if (state.isTextual()) {
            states.add(state.asText());
        } else {
            state.forEach(s -> states.add(s.asText()));
        }
        return states;
    }

    private String requireJobId(DxRequest request) {
        String id = request.entityId();
        if (!EntityIds.isGenerated("job", id)) {
            throw DxException.notFound("The job " + id + " was not found");
        }
        return id;
    }

    /** The job's fields for this caller, empty when they may not see it; ResourceNotFound when there is none. */
    private Optional<Map<String, Object>> describable(Caller caller, String id) {
        if (EntityIds.isGenerated("job", id)) {
            Optional<JobFacts> job = jobs.find(id);
            if (job.isPresent()) {
                return runJobVisible(caller, job.get()) ? Optional.of(describe(job.get())) : Optional.empty();
            }
            Optional<Job> dispensal = dispensals.find(id);
            if (dispensal.isPresent()) {
                return dispensalVisible(caller, dispensal.get()) ? Optional.of(describe(dispensal.get()))
                        : Optional.empty();
            }
        }
        throw DxException.notFound("The job " + id + " was not found");
    }

    private boolean runJobVisible(Caller caller, JobFacts job) {
        return caller.isOperator() || caller.userId().equals(job.launchedBy())
                || ProjectScopes.level(projects, caller, job.projectId()).atLeast(ProjectLevel.VIEW);
    }

    private boolean dispensalVisible(Caller caller, Job job) {
        return caller.isOperator()
                || ProjectScopes.level(projects, caller, job.project()).atLeast(ProjectLevel.VIEW)
                || tres.find(job.tre()).map(view -> view.treAdmins().contains(caller.userId())).orElse(false);
    }

    /** The platform's job shape (DECISIONS.md §16); {@code allowSSH} only where it was set. */
    private Map<String, Object> describe(JobFacts job) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("id", job.id());
        all.put("class", "job");
        all.put("name", job.name());
        all.put("executableName", job.executableName());
        all.put("function", ENTRY_POINT);
        all.put("applet", job.appletId());
        all.put("project", job.projectId());
        all.put("folder", job.folder());
        all.put("state", job.state());
        all.put("parentJob", null);
        all.put("originJob", job.id());
        all.put("rootExecution", job.id());
        all.put("launchedBy", job.launchedBy());
        JsonNode input = StoredJson.tree(job.input());
        all.put("originalInput", input);
        all.put("input", input);
        all.put("output", null);
        all.put("singleContext", true);
        all.put("created", job.created());
        all.put("modified", job.modified());
        all.put("tags", job.tags());
        all.put("properties", job.properties());
        if (!job.allowSSH().isEmpty()) {
            all.put("allowSSH", job.allowSSH());
        }
        all.put("details", job.details() == null ? Map.of() : StoredJson.tree(job.details()));
        return all;
    }

    /** The platform's job shape; what is dispensal's own follows the common fields. */
    private Map<String, Object> describe(Job job) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("id", job.id());
        all.put("class", "job");
        all.put("name", DISPENSAL_EXECUTABLE);
        all.put("executableName", DISPENSAL_EXECUTABLE);
        all.put("function", ENTRY_POINT);
        all.put("project", job.project());
        all.put("folder", "/");
        all.put("state", job.state());
        all.put("applet", null);
        all.put("parentJob", null);
        all.put("originJob", job.id());
        all.put("rootExecution", job.id());
        all.put("launchedBy", job.launchedBy());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("treApplication", job.request());
        all.put("originalInput", input);
        all.put("input", input);
        all.put("output", "done".equals(job.state()) ? Map.of("objects", job.objects()) : null);
        all.put("singleContext", true);
        all.put("created", job.created());
        all.put("modified", job.modified());
        all.put("tags", List.of());
        all.put("properties", Map.of());
        all.put("treApplication", job.request());
        all.put("requestedBy", job.requestedBy());
        all.put("inventoryVersion", job.inventoryVersion());
        all.put("objects", job.objects());
        all.put("cohort", StoredJson.tree(job.cohort()));
        all.put("startedRunning", job.started());
        all.put("stoppedRunning", job.finished());
        if ("failed".equals(job.state())) {
            all.put("failureReason", job.failureReason());
            all.put("failureMessage", job.failureMessage());
        }
        all.put("details", Map.of());
        return all;
    }

}
