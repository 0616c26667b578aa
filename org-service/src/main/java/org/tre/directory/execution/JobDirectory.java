package org.tre.directory.execution;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.directory.support.JsonColumns;
import org.tre.messages.execution.JobMessages.JobCreatedEvent;
import org.tre.messages.execution.JobMessages.JobTerminatedEvent;
import org.tre.messages.execution.JobMessages.JobUpdatedEvent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job table: the jobs runs started, never the refused attempts (those are in the job's and the
 * TRE's history). {@code state} is {@code runnable} until the job is terminated.
 */
@Component
@ProcessingGroup(JobDirectory.PROCESSING_GROUP)
public class JobDirectory {

    public static final String PROCESSING_GROUP = "directory-jobs";

    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonColumns columns;

    public JobDirectory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.columns = new JsonColumns(json);
    }

    @EventHandler
    void on(JobCreatedEvent event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO directory_job (id, applet_id, applet_project, executable_name, project_id, folder,"
                        + " name, input, allow_ssh, tags, properties, details, tre_id, launched_by, state, created,"
                        + " modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'runnable', ?, ?)",
                event.jobId(), event.executable().appletId(), event.executable().appletProject(),
                event.executable().name(), event.projectId(), event.folder(), event.name(), event.input(),
                columns.write(event.allowSSH()), columns.write(event.tags()), columns.write(event.properties()),
                event.details(), event.treId(), event.launchedBy(), at.toEpochMilli(), at.toEpochMilli());
    }

    @EventHandler
    void on(JobTerminatedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE directory_job SET state = 'terminated', modified = ? WHERE id = ?", at.toEpochMilli(),
                event.jobId());
    }

    @EventHandler
    void on(JobUpdatedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE directory_job SET allow_ssh = ?, modified = ? WHERE id = ?",
                columns.write(event.allowSSH()), at.toEpochMilli(), event.jobId());
    }

    public Optional<JobFacts> find(String jobId) {
        return jdbc.query("SELECT * FROM directory_job WHERE id = ?", this::read, jobId).stream().findFirst();
    }

    /**
     * Jobs newest first, of the project, by the launcher and of the applet where each is given (null:
     * any). Who may see each, and the other criteria of /system/findExecutions, are the caller's.
     */
    public List<JobFacts> find(String projectId, String launchedBy, String appletId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM directory_job WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(sql, args, " AND project_id = ?", projectId);
        where(sql, args, " AND launched_by = ?", launchedBy);
        where(sql, args, " AND applet_id = ?", appletId);
        sql.append(" ORDER BY created DESC, id DESC");
        return jdbc.query(sql.toString(), this::read, args.toArray());
    }

    private static void where(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }

    private JobFacts read(ResultSet rs, int n) throws SQLException {
        return new JobFacts(rs.getString("id"), rs.getString("applet_id"), rs.getString("applet_project"),
                rs.getString("executable_name"), rs.getString("project_id"), rs.getString("folder"),
                rs.getString("name"), rs.getString("input"), columns.strings(rs.getString("allow_ssh")),
                columns.strings(rs.getString("tags")), columns.read(rs.getString("properties"), PROPERTIES),
                rs.getString("details"), rs.getString("tre_id"), rs.getString("launched_by"), rs.getString("state"),
                rs.getLong("created"), rs.getLong("modified"));
    }
}
