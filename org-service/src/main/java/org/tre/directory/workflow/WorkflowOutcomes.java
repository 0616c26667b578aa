package org.tre.directory.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.tre.messages.project.ProjectEvents.ProjectJoinedRequestEvent;
import org.tre.messages.request.RequestEvents.RequestProjectFailedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchFailedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchSucceededEvent;
import org.tre.messages.error.DxError;
import org.tre.messages.error.ErrorType;
import org.tre.messages.org.OrgEvents.OrgMemberAccessWithdrawnEvent;
import org.tre.messages.org.OrgEvents.OrgProjectLimitsUpdatedEvent;
import org.tre.messages.user.UserEvents.UserOrgInvitesAcceptedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How each directory workflow ended (an org member's removal, a project limits update, a clone or
 * removal of many objects, a new user's pending org invites), for the request that started it and waits to answer: written in
 * the transaction of the event that ends the workflow, wherever its aggregate runs, and read from the
 * shared database by whichever instance serves the request. Outcomes are kept for an hour: the
 * request waiting for one is answered long before.
 */
@Component
@ProcessingGroup(WorkflowOutcomes.PROCESSING_GROUP)
public class WorkflowOutcomes {

    public static final String PROCESSING_GROUP = "directory-workflows";
    static final Duration KEPT = Duration.ofHours(1);

    /** {@code answer} when the workflow succeeded, {@code refusal} when it failed. */
    public record WorkflowOutcome(String workflowId, JsonNode answer, DxError refusal) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public WorkflowOutcomes(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(OrgMemberAccessWithdrawnEvent event, @Timestamp Instant at) {
        ObjectNode answer = json.createObjectNode();
        answer.set("projects", json.valueToTree(event.projects()));
        answer.set("apps", json.valueToTree(event.apps()));
        record(event.removalId(), answer, null, at);
    }

    @EventHandler
    void on(OrgProjectLimitsUpdatedEvent event, @Timestamp Instant at) {
        record(event.updateId(), json.createObjectNode().put("updatedCount", event.updatedCount()), null, at);
    }

    @EventHandler
    void on(DataObjectBatchSucceededEvent event, @Timestamp Instant at) {
        ObjectNode answer = json.createObjectNode();
        answer.set("exists", json.valueToTree(event.existed()));
        record(event.batchId(), answer, null, at);
    }

    @EventHandler
    void on(DataObjectBatchFailedEvent event, @Timestamp Instant at) {
        record(event.batchId(), null, event.refusal(), at);
    }

    /** A new user's pending org invites, accepted: the workflow is named by the user's id. */
    @EventHandler
    void on(UserOrgInvitesAcceptedEvent event, @Timestamp Instant at) {
        record(event.userId(), json.createObjectNode(), null, at);
    }

    /** A request project made: {@code /project/new {"treApplication"}} answers its id. */
    @EventHandler
    void on(ProjectJoinedRequestEvent event, @Timestamp Instant at) {
        record(event.projectId(), json.createObjectNode().put("id", event.projectId()), null, at);
    }

    /** The directory refused the project the request allowed: the route answers the refusal. */
    @EventHandler
    void on(RequestProjectFailedEvent event, @Timestamp Instant at) {
        record(event.projectId(), null, event.refusal(), at);
    }

    public Optional<WorkflowOutcome> find(String workflowId) {
        return jdbc.query("SELECT answer, error_type, error_message FROM directory_workflow_outcome"
                + " WHERE workflow_id = ?", (rs, n) -> {
            String type = rs.getString("error_type");
            DxError refusal = type == null ? null : new DxError(ErrorType.valueOf(type), rs.getString("error_message"));
            String answer = rs.getString("answer");
            return new WorkflowOutcome(workflowId, answer == null ? null : read(answer), refusal);
        }, workflowId).stream().findFirst();
    }

    void record(String workflowId, JsonNode answer, DxError refusal, Instant at) {
        jdbc.update("DELETE FROM directory_workflow_outcome WHERE finished < ?", at.minus(KEPT).toEpochMilli());
        jdbc.update("DELETE FROM directory_workflow_outcome WHERE workflow_id = ?", workflowId);
        jdbc.update("INSERT INTO directory_workflow_outcome (workflow_id, answer, error_type, error_message, finished)"
                        + " VALUES (?, ?, ?, ?, ?)", workflowId, answer == null ? null : answer.toString(),
                refusal == null ? null : refusal.type().name(), refusal == null ? null : refusal.message(),
                at.toEpochMilli());
    }

    private JsonNode read(String answer) {
        try {
            return json.readTree(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored workflow outcome is unreadable", e);
        }
    }
}
