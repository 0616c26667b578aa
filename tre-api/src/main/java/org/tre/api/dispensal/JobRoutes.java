package org.tre.api.dispensal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tre.api.project.ProjectScopes;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.token.Caller;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.project.ProjectLevel;
import org.tre.query.dispensal.DispensalJobs;
import org.tre.query.dispensal.DispensalJobs.Job;
import org.tre.query.tre.TreProjection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /job-xxxx/describe} for dispensal jobs (DECISIONS.md §15, §16): the keys {@code dx describe}
 * sends are accepted; unknown {@code fields} names are ignored, as dx asks for some no job here has.
 * Shown to the members of the job's project and the admins of its TRE (and the operator).
 */
@Component
public class JobRoutes implements DxRoutes.Provider {

    static final String EXECUTABLE = "tre-dispensal";

    private final DispensalJobs jobs;
    private final ProjectDirectory projects;
    private final TreProjection tres;
    private final ObjectMapper json;

    public JobRoutes(DispensalJobs jobs, ProjectDirectory projects, TreProjection tres, ObjectMapper json) {
        this.jobs = jobs;
        this.projects = projects;
        this.tres = tres;
        this.json = json;
    }

    /** What dx describe sends. */
    public record DescribeJobInput(Map<String, Boolean> fields, Boolean defaultFields, Boolean properties,
                                   Boolean details) {
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("job-*/describe", DescribeJobInput.class, this::describe, ErrorType.ResourceNotFound,
                ErrorType.PermissionDenied);
    }

    ObjectNode describe(DxRequest request, DescribeJobInput in) {
        String id = request.entityId();
        Job job = (EntityIds.isGenerated("job", id) ? jobs.find(id) : java.util.Optional.<Job>empty())
                .orElseThrow(() -> DxException.notFound("The job " + id + " was not found"));
        Caller caller = request.caller();
        boolean member = ProjectScopes.level(projects, caller, job.project()).atLeast(ProjectLevel.VIEW);
        boolean treAdmin = tres.find(job.tre()).map(view -> view.treAdmins().contains(caller.userId())).orElse(false);
        if (!member && !treAdmin && !caller.isOperator()) {
            throw DxException.permissionDenied("Only the members of " + job.project() + " and the admins of "
                    + job.tre() + " may describe " + id);
        }
        Map<String, Object> all = all(job);
        ObjectNode out = json.createObjectNode().put("id", job.id());
        Map<String, Boolean> fields = in.fields();
        boolean defaults = fields == null || Boolean.TRUE.equals(in.defaultFields());
        all.forEach((field, value) -> {
            boolean asked = fields != null && Boolean.TRUE.equals(fields.get(field));
            boolean dropped = fields != null && Boolean.FALSE.equals(fields.get(field));
            if ((defaults && !dropped) || asked) {
                out.set(field, json.valueToTree(value));
            }
        });
        return out;
    }

    private Object cohort(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored cohort is unreadable", e);
        }
    }

    /** The platform's job shape; what is dispensal's own follows the common fields. */
    private Map<String, Object> all(Job job) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("class", "job");
        all.put("name", EXECUTABLE);
        all.put("executableName", EXECUTABLE);
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
        all.put("cohort", cohort(job.cohort()));
        all.put("startedRunning", job.started());
        all.put("stoppedRunning", job.finished());
        if ("failed".equals(job.state())) {
            all.put("failureReason", job.failureReason());
            all.put("failureMessage", job.failureMessage());
        }
        return all;
    }
}
