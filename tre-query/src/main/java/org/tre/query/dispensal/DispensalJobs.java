package org.tre.query.dispensal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.messages.request.RequestEvents.DispensalRequestedEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalStartedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalFailedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalFinishedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalStartedEvent;
import org.tre.messages.tre.TreProvisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dispensal jobs as {@code /job-xxxx/describe} and project describe show them (DECISIONS.md §15):
 * {@code idle} once asked for (waiting in the TRE's queue), {@code runnable} when it heads the queue,
 * {@code running} once the TRE recorded its start and inventory version, then {@code done} or
 * {@code failed}. Written in the transaction of each event, wherever the request, queue and TRE run.
 */
@Component
@ProcessingGroup(DispensalJobs.PROCESSING_GROUP)
public class DispensalJobs {

    public static final String PROCESSING_GROUP = "tre-dispensal-jobs";

    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public DispensalJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One job; {@code objects} null until it started, then those it copies, then those it placed. */
    public record Job(String id, String tre, String request, String project, String state, String launchedBy,
                      String requestedBy, String inventoryVersion, List<String> objects, String cohort,
                      String failureReason, String failureMessage, long created, long modified, Long started,
                      Long finished) {
    }

    @EventHandler
    void on(DispensalRequestedEvent event, @Timestamp Instant at) {
        if (find(event.jobId()).isPresent()) {
            return;
        }
        jdbc.update("INSERT INTO tre_dispensal_job (id, tre_id, request_id, project_id, state, launched_by,"
                        + " requested_by, cohort, created, modified) VALUES (?, ?, ?, ?, 'idle', ?, ?, ?, ?, ?)",
                event.jobId(), event.treId(), event.requestId(), event.projectId(),
                TreProvisioning.robotUser(event.treId()), event.requestedBy(), event.cohort(), at.toEpochMilli(),
                at.toEpochMilli());
    }

    @EventHandler
    void on(DispensalStartedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE tre_dispensal_job SET state = 'runnable', modified = ? WHERE id = ? AND state = 'idle'",
                at.toEpochMilli(), event.jobId());
    }

    @EventHandler
    void on(TreDispensalStartedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE tre_dispensal_job SET state = 'running', inventory_version = ?, objects = ?, started = ?,"
                        + " modified = ? WHERE id = ?", event.inventoryVersion(),
                write(event.objects().stream().map(o -> o.objectId()).toList()), at.toEpochMilli(), at.toEpochMilli(),
                event.jobId());
    }

    @EventHandler
    void on(TreDispensalFinishedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE tre_dispensal_job SET state = 'done', objects = ?, finished = ?, modified = ? WHERE id = ?",
                write(event.objects()), at.toEpochMilli(), at.toEpochMilli(), event.jobId());
    }

    @EventHandler
    void on(TreDispensalFailedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE tre_dispensal_job SET state = 'failed', inventory_version = COALESCE(?, inventory_version),"
                        + " objects = ?, failure_reason = ?, failure_message = ?, finished = ?,"
                        + " modified = ? WHERE id = ?", event.inventoryVersion(),
                event.objects() == null ? null : write(event.objects()), event.failureReason(), event.failureMessage(),
                at.toEpochMilli(), at.toEpochMilli(), event.jobId());
    }

    public Optional<Job> find(String jobId) {
        return jdbc.query("SELECT * FROM tre_dispensal_job WHERE id = ?", this::read, jobId).stream().findFirst();
    }

    /** Every dispensal job, of the project and by the launcher where they are given (null: any). */
    public List<Job> all(String projectId, String launchedBy) {
        // Conditions only for the criteria given: PostgreSQL cannot type a bare "? IS NULL".
        StringBuilder sql = new StringBuilder("SELECT * FROM tre_dispensal_job WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (projectId != null) {
            sql.append(" AND project_id = ?");
            args.add(projectId);
        }
        if (launchedBy != null) {
            sql.append(" AND launched_by = ?");
            args.add(launchedBy);
        }
        return jdbc.query(sql.toString(), this::read, args.toArray());
    }

    /** The project's latest dispensal, if it had one. */
    public Optional<Job> latestOf(String projectId) {
        return jdbc.query("SELECT * FROM tre_dispensal_job WHERE project_id = ? ORDER BY created DESC, id DESC",
                this::read, projectId).stream().findFirst();
    }

    private Job read(ResultSet rs, int n) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("tre_id"), rs.getString("request_id"),
                rs.getString("project_id"), rs.getString("state"), rs.getString("launched_by"),
                rs.getString("requested_by"), rs.getString("inventory_version"), readIds(rs.getString("objects")),
                rs.getString("cohort"), rs.getString("failure_reason"), rs.getString("failure_message"),
                rs.getLong("created"), rs.getLong("modified"), (Long) rs.getObject("started", Long.class),
                (Long) rs.getObject("finished", Long.class));
    }

    private String write(List<String> ids) {
        try {
            return json.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> readIds(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
