package org.tre.directory.project;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tre.directory.support.JsonColumns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.org.ProjectTransfers;
import org.tre.messages.project.ProjectEvents.ProjectAccessDecreasedEvent;
import org.tre.messages.project.ProjectEvents.ProjectAccessGrantedEvent;
import org.tre.messages.project.ProjectEvents.ProjectAccessRevokedEvent;
import org.tre.messages.project.ProjectEvents.ProjectBillToChangedEvent;
import org.tre.messages.project.ProjectEvents.ProjectCreatedEvent;
import org.tre.messages.project.ProjectEvents.ProjectJoinedRequestEvent;
import org.tre.messages.project.ProjectQueries.FindRequestProjectsQuery;
import org.tre.messages.project.ProjectEvents.ProjectDestroyedEvent;
import org.tre.messages.project.ProjectEvents.ProjectSpendingLimitsSetEvent;
import org.tre.messages.project.ProjectEvents.ProjectTransferOfferedEvent;
import org.tre.messages.project.ProjectEvents.ProjectTransferredEvent;
import org.tre.messages.project.ProjectEvents.ProjectTreFlagsEnforcedEvent;
import org.tre.messages.project.ProjectEvents.ProjectUpdatedEvent;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectGrants;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.FindGrantsBySourceQuery;
import org.tre.messages.project.ProjectQueries.FindTreProjectsQuery;
import org.tre.messages.project.ProjectQueries.SourcedGrant;
import org.tre.messages.project.ProjectQueries.CountProjectsBilledToQuery;
import org.tre.messages.project.ProjectQueries.FindProjectLevelQuery;
import org.tre.messages.project.ProjectQueries.FindProjectQuery;
import org.tre.messages.project.ProjectQueries.FindProjectsBilledToQuery;
import org.tre.messages.project.ProjectQueries.ProjectFacts;
import org.tre.messages.project.SpendingLimits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The project tables of the directory: one row per project and one per grant (project, principal,
 * source). It runs in the command's transaction, so a project created by one request is there for
 * the next. Levels are computed here as the aggregate computes them ({@link ProjectAccess}).
 */
@Component
@ProcessingGroup(ProjectDirectory.PROCESSING_GROUP)
public class ProjectDirectory implements ProjectLookup, ProjectTransfers {

    public static final String PROCESSING_GROUP = "directory-projects";

    private static final TypeReference<Map<String, Boolean>> FLAGS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final OrgDirectory orgs;
    private final JsonColumns columns;
    private final RowMapper<ProjectRecord> projectRow = this::readProject;

    public ProjectDirectory(JdbcTemplate jdbc, OrgDirectory orgs, ObjectMapper json) {
        this.jdbc = jdbc;
        this.orgs = orgs;
        this.columns = new JsonColumns(json);
    }

    /** A project as describe and findProjects need it. */
    public record ProjectRecord(String id,
                                String name,
                                String summary,
                                String description,
                                String billTo,
                                String region,
                                String tre,
                                String createdBy,
                                Map<String, Boolean> flags,
                                List<String> tags,
                                Map<String, String> properties,
                                String pendingTransfer,
                                SpendingLimits limits,
                                long created,
                                long modified,
                                long version,
                                boolean destroyed,
                                String treApplication) {

        public boolean flag(String name) {
            return Boolean.TRUE.equals(flags.get(name));
        }
    }

    // ---- events ----

    @EventHandler
    void on(ProjectCreatedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO directory_project (id, name, summary, description, bill_to, region, tre, created_by,"
                        + " flags, tags, properties, pending_transfer, compute_limit, egress_limit, storage_limit,"
                        + " created, modified, version, destroyed)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, FALSE)",
                event.projectId(), event.name(), event.summary(), event.description(), event.billTo(), event.region(),
                event.tre(), event.createdBy(), columns.write(event.flags()), columns.write(event.tags()), columns.write(event.properties()),
                at.toEpochMilli(), at.toEpochMilli(), sequence + 1);
    }

    @EventHandler
    void on(ProjectJoinedRequestEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.update("UPDATE directory_project SET tre_application = ? WHERE id = ?", event.requestId(),
                event.projectId());
        touch(event.projectId(), at, sequence);
    }

    @EventHandler
    void on(ProjectUpdatedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.update("UPDATE directory_project SET name = ?, summary = ?, description = ?, flags = ? WHERE id = ?",
                event.name(), event.summary(), event.description(), columns.write(event.flags()), event.projectId());
        touch(event.projectId(), at, sequence);
    }

    @EventHandler
    void on(ProjectTreFlagsEnforcedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.update("UPDATE directory_project SET flags = ? WHERE id = ?", columns.write(event.flags()), event.projectId());
        touch(event.projectId(), at, sequence);
    }

    @QueryHandler
    public List<String> handle(FindTreProjectsQuery query) {
        return jdbc.queryForList("SELECT id FROM directory_project WHERE tre = ? AND destroyed = FALSE AND id > ?"
                + " ORDER BY id LIMIT ?", String.class, query.treId(), query.after() == null ? "" : query.after(),
                query.limit());
    }

    @EventHandler
    void on(ProjectBillToChangedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.update("UPDATE directory_project SET bill_to = ?, pending_transfer = NULL WHERE id = ?", event.to(),
                event.projectId());
        touch(event.projectId(), at, sequence);
    }

    @EventHandler
    void on(ProjectAccessGrantedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        setGrant(event.projectId(), event.principal(), event.source(), event.level());
        touch(event.projectId(), at, sequence);
    }

    @EventHandler
    void on(ProjectAccessDecreasedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        setGrant(event.projectId(), event.principal(), event.source(), event.level());
        touch(event.projectId(), at, sequence);
    }

    @EventHandler
    void on(ProjectAccessRevokedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.update("DELETE FROM directory_project_grant WHERE project_id = ? AND principal = ? AND source = ?",
                event.projectId(), event.principal(), event.source());
        touch(event.projectId(), at, sequence);
    }

    @EventHandler
    void on(ProjectTransferOfferedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.update("UPDATE directory_project SET pending_transfer = ? WHERE id = ?", event.toOrg(), event.projectId());
        touch(event.projectId(), at, sequence);
    }

    @EventHandler
    void on(ProjectTransferredEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.update("UPDATE directory_project SET bill_to = ?, pending_transfer = NULL WHERE id = ?", event.toOrg(),
                event.projectId());
        touch(event.projectId(), at, sequence);
    }

    @EventHandler
    void on(ProjectSpendingLimitsSetEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        SpendingLimits limits = event.limits();
        jdbc.update("UPDATE directory_project SET compute_limit = ?, egress_limit = ?, storage_limit = ? WHERE id = ?",
                limits.monthlyComputeLimit(), limits.monthlyEgressBytesLimit(), limits.monthlyStorageLimit(),
                event.projectId());
        touch(event.projectId(), at, sequence);
    }

    @EventHandler
    void on(ProjectDestroyedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.update("UPDATE directory_project SET destroyed = TRUE, pending_transfer = NULL WHERE id = ?",
                event.projectId());
        touch(event.projectId(), at, sequence);
    }

    private void setGrant(String projectId, String principal, String source, ProjectLevel level) {
        jdbc.update("DELETE FROM directory_project_grant WHERE project_id = ? AND principal = ? AND source = ?",
                projectId, principal, source);
        jdbc.update("INSERT INTO directory_project_grant (project_id, principal, source, level) VALUES (?, ?, ?, ?)",
                projectId, principal, source, level.name());
    }

    /** Every event is a change: describe's {@code version} counts them, as the aggregate does. */
    private void touch(String projectId, Instant at, long sequence) {
        jdbc.update("UPDATE directory_project SET modified = ?, version = ? WHERE id = ?", at.toEpochMilli(),
                sequence + 1, projectId);
    }

    // ---- queries for other contexts ----

    @QueryHandler
    public Optional<ProjectFacts> handle(FindProjectQuery query) {
        return find(query.projectId());
    }

    @QueryHandler
    public ProjectLevel handle(FindProjectLevelQuery query) {
        return effectiveLevel(query.projectId(), query.userId());
    }

    @QueryHandler
    public List<String> handle(FindProjectsBilledToQuery query) {
        return billedTo(query.orgId()).stream().map(ProjectRecord::id).toList();
    }

    @QueryHandler
    public Long handle(CountProjectsBilledToQuery query) {
        return countBilledTo(query.orgId());
    }

    // ---- plain reads ----

    @Override
    public Optional<ProjectFacts> find(String projectId) {
        return record(projectId).map(p -> new ProjectFacts(p.id(), p.name(), p.billTo(), p.region(), p.flags(),
                p.tre(), p.created(), p.destroyed(), ProjectAccess.administrators(grants(p.id())), p.treApplication()));
    }

    /** The project, destroyed ones included. */
    public Optional<ProjectRecord> record(String projectId) {
        return jdbc.query("SELECT * FROM directory_project WHERE id = ?", projectRow, projectId).stream().findFirst();
    }

    /** The project when it exists and is not destroyed: what every route on it first asks. */
    public Optional<ProjectRecord> live(String projectId) {
        return record(projectId).filter(p -> !p.destroyed());
    }

    @Override
    public ProjectLevel effectiveLevel(String projectId, String userId) {
        if (live(projectId).isEmpty()) {
            return ProjectLevel.NONE;
        }
        return ProjectAccess.effective(grants(projectId), userId, orgs::membershipsOf);
    }

    @QueryHandler
    public List<String> handle(FindRequestProjectsQuery query) {
        return ofRequest(query.requestId());
    }

    /** The live projects of a data access request, in id order. */
    public List<String> ofRequest(String requestId) {
        return jdbc.queryForList("SELECT id FROM directory_project WHERE tre_application = ? AND destroyed = FALSE"
                + " ORDER BY id", String.class, requestId);
    }

    @QueryHandler
    public List<SourcedGrant> handle(FindGrantsBySourceQuery query) {
        return grantsFrom(query.source());
    }

    /** The grants one source gave on live projects: what a TRE reconciles against. */
    public List<SourcedGrant> grantsFrom(String source) {
        return jdbc.query("SELECT g.project_id, g.principal, g.level FROM directory_project_grant g"
                        + " JOIN directory_project p ON p.id = g.project_id"
                        + " WHERE g.source = ? AND p.destroyed = FALSE ORDER BY g.project_id, g.principal",
                (rs, n) -> new SourcedGrant(rs.getString("project_id"), rs.getString("principal"),
                        ProjectLevel.valueOf(rs.getString("level"))), source);
    }

    /** principal → source → level. */
    public Map<String, Map<String, ProjectLevel>> grants(String projectId) {
        Map<String, Map<String, ProjectLevel>> grants = new HashMap<>();
        jdbc.query("SELECT principal, source, level FROM directory_project_grant WHERE project_id = ?",
                (ResultSet rs) -> {
                    grants.computeIfAbsent(rs.getString("principal"), p -> new HashMap<>())
                            .put(rs.getString("source"), ProjectLevel.valueOf(rs.getString("level")));
                }, projectId);
        return grants;
    }

    /** Each principal's explicit level, the highest over its sources, in id order. */
    public Map<String, ProjectLevel> explicitLevels(String projectId) {
        Map<String, Map<String, ProjectLevel>> grants = grants(projectId);
        Map<String, ProjectLevel> levels = new TreeMap<>();
        grants.keySet().forEach(principal -> levels.put(principal, ProjectAccess.explicit(grants, principal)));
        return levels;
    }

    public boolean isPublic(String projectId) {
        return grants(projectId).containsKey(ProjectGrants.PUBLIC);
    }

    /**
     * The live projects on which one of the principals holds a grant, in id order: what
     * {@code /system/findProjects} starts from before it weighs each caller's level.
     */
    public List<ProjectRecord> grantedToAny(java.util.Collection<String> principals) {
        if (principals.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(principals.size(), "?"));
        return jdbc.query("SELECT * FROM directory_project WHERE destroyed = FALSE AND id IN (SELECT project_id FROM"
                + " directory_project_grant WHERE principal IN (" + marks + ")) ORDER BY id", projectRow,
                principals.toArray());
    }

    /** The live projects billed to the org, in id order. */
    public List<ProjectRecord> billedTo(String orgId) {
        return jdbc.query("SELECT * FROM directory_project WHERE bill_to = ? AND destroyed = FALSE ORDER BY id",
                projectRow, orgId);
    }

    public long countBilledTo(String orgId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM directory_project WHERE bill_to = ? AND destroyed = FALSE",
                Long.class, orgId);
        return n == null ? 0 : n;
    }

    /** How many live projects belong to the TRE (its TRE projects, never its inventory projects). */
    public long countOfTre(String treId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM directory_project WHERE tre = ? AND destroyed = FALSE",
                Long.class, treId);
        return n == null ? 0 : n;
    }

    /** The live projects offered to the org by {@code /project-xxxx/transfer}, for its describe. */
    @Override
    public List<String> projectsOfferedTo(String orgId) {
        return jdbc.queryForList("SELECT id FROM directory_project WHERE pending_transfer = ? AND destroyed = FALSE"
                + " ORDER BY id", String.class, orgId);
    }

    /** The live projects billed to the org where the user holds a grant of their own. */
    public List<String> billedProjectsWithOwnGrant(String orgId, String userId) {
        return jdbc.queryForList("SELECT p.id FROM directory_project p JOIN directory_project_grant g"
                        + " ON g.project_id = p.id WHERE p.bill_to = ? AND p.destroyed = FALSE AND g.principal = ?"
                        + " AND g.source = ? ORDER BY p.id",
                String.class, orgId, userId, ProjectGrants.DIRECT);
    }

    private ProjectRecord readProject(ResultSet rs, int n) throws SQLException {
        Long compute = rs.getObject("compute_limit") == null ? null : rs.getLong("compute_limit");
        Long egress = rs.getObject("egress_limit") == null ? null : rs.getLong("egress_limit");
        Double storage = rs.getObject("storage_limit") == null ? null : rs.getDouble("storage_limit");
        Map<String, Boolean> flags = ProjectFlags.defaults();
        flags.putAll(columns.read(rs.getString("flags"), FLAGS));
        return new ProjectRecord(rs.getString("id"), rs.getString("name"), rs.getString("summary"),
                rs.getString("description"), rs.getString("bill_to"), rs.getString("region"), rs.getString("tre"),
                rs.getString("created_by"), flags, columns.read(rs.getString("tags"), TAGS),
                columns.read(rs.getString("properties"), PROPERTIES), rs.getString("pending_transfer"),
                new SpendingLimits(compute, egress, storage), rs.getLong("created"), rs.getLong("modified"),
                rs.getLong("version"), rs.getBoolean("destroyed"), rs.getString("tre_application"));
    }
}
