package org.tre.directory.org;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tre.directory.support.JsonColumns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.tre.messages.org.MemberAccess;
import org.tre.messages.org.OrgEvents.JobLogsForwardingConfiguredEvent;
import org.tre.messages.org.OrgEvents.JobLogsForwardingDisabledEvent;
import org.tre.messages.org.OrgEvents.OrgCreatedEvent;
import org.tre.messages.org.OrgEvents.OrgDestroyedEvent;
import org.tre.messages.org.OrgEvents.OrgInviteAcceptedEvent;
import org.tre.messages.org.OrgEvents.OrgInvitePendingEvent;
import org.tre.messages.org.OrgEvents.OrgLicensesSetEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAccessChangedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAddedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberRemovedEvent;
import org.tre.messages.org.OrgEvents.OrgPendingInviteRaisedEvent;
import org.tre.messages.org.OrgEvents.OrgUpdatedEvent;
import org.tre.messages.org.OrgViews.FindOrgMembershipQuery;
import org.tre.messages.org.OrgViews.FindOrgQuery;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.user.UserEvents.PendingOrgInvite;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The org tables of the directory, kept in the command's transaction (a subscribing processor):
 * a member added by one request can create a project in the next.
 */
@Component
@ProcessingGroup(OrgProjection.PROCESSING_GROUP)
public class OrgProjection implements OrgDirectory {

    public static final String PROCESSING_GROUP = "directory-orgs";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonColumns columns;

    public OrgProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.columns = new JsonColumns(json);
    }

    /** An org as describe needs it: the facts other contexts see, plus what only its describe shows. */
    public record OrgRecord(OrgFacts facts, Map<String, Object> pricingModelsByRegion, Map<String, Object> jobLogs,
                            long modified, boolean destroyed) {
    }

    @EventHandler
    void on(OrgCreatedEvent event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO directory_handle (handle, owner_id) VALUES (?, ?)",
                event.handle().toLowerCase(Locale.ROOT), event.orgId());
        jdbc.update("INSERT INTO directory_org (id, handle, name, billable, licenses, permitted_regions, default_region,"
                        + " rate_card, pricing, policies, job_logs, created, modified, destroyed)"
                        + " VALUES (?, ?, ?, FALSE, '[]', ?, ?, FALSE, '{}', ?, NULL, ?, ?, FALSE)",
                event.orgId(), event.handle(), event.name(), columns.write(event.permittedRegions()), event.defaultRegion(),
                columns.write(event.policies()), at.toEpochMilli(), at.toEpochMilli());
    }

    @EventHandler
    void on(OrgLicensesSetEvent event, @Timestamp Instant at) {
        Set<String> on = new TreeSet<>();
        event.licenses().forEach((license, enabled) -> {
            if (enabled) {
                on.add(license);
            }
        });
        jdbc.update("UPDATE directory_org SET billable = ?, licenses = ?, permitted_regions = ?, default_region = ?,"
                        + " rate_card = ?, pricing = ?, modified = ? WHERE id = ?",
                event.billable(), columns.write(on), columns.write(event.permittedRegions()), event.defaultRegion(), event.rateCard(),
                columns.write(event.pricingModelsByRegion()), at.toEpochMilli(), event.orgId());
    }

    @EventHandler
    void on(OrgUpdatedEvent event, @Timestamp Instant at) {
        OrgRecord current = record(event.orgId()).orElseThrow();
        Map<String, Object> policies = new LinkedHashMap<>(current.facts().policies());
        if (event.policies() != null) {
            policies.putAll(event.policies());
        }
        jdbc.update("UPDATE directory_org SET name = ?, policies = ?, default_region = ?, modified = ? WHERE id = ?",
                event.name() != null ? event.name() : current.facts().name(), columns.write(policies),
                event.defaultRegion() != null ? event.defaultRegion() : current.facts().defaultRegion(),
                at.toEpochMilli(), event.orgId());
    }

    @EventHandler
    void on(JobLogsForwardingConfiguredEvent event, @Timestamp Instant at) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("url", event.url());
        config.put("tokenSignature", event.tokenSignature());
        config.put("updated", at.toEpochMilli());
        config.put("updatedBy", event.updatedBy());
        jdbc.update("UPDATE directory_org SET job_logs = ?, modified = ? WHERE id = ?", columns.write(config),
                at.toEpochMilli(), event.orgId());
    }

    @EventHandler
    void on(JobLogsForwardingDisabledEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE directory_org SET job_logs = NULL, modified = ? WHERE id = ?", at.toEpochMilli(),
                event.orgId());
    }

    @EventHandler
    void on(OrgMemberAddedEvent event) {
        MemberAccess a = event.access();
        jdbc.update("INSERT INTO org_member (org_id, user_id, level, allow_billable, project_access, app_access,"
                        + " tre_management) VALUES (?, ?, ?, ?, ?, ?, ?)", event.orgId(), event.userId(), a.level(),
                a.allowBillableActivities(), a.projectAccess(), a.appAccess(), a.treManagement());
    }

    @EventHandler
    void on(OrgMemberAccessChangedEvent event) {
        MemberAccess a = event.access();
        jdbc.update("UPDATE org_member SET level = ?, allow_billable = ?, project_access = ?, app_access = ?,"
                        + " tre_management = ? WHERE org_id = ? AND user_id = ?", a.level(),
                a.allowBillableActivities(), a.projectAccess(), a.appAccess(), a.treManagement(), event.orgId(),
                event.userId());
    }

    @EventHandler
    void on(OrgMemberRemovedEvent event) {
        jdbc.update("DELETE FROM org_member WHERE org_id = ? AND user_id = ?", event.orgId(), event.userId());
    }

    @EventHandler
    void on(OrgInvitePendingEvent event) {
        jdbc.update("INSERT INTO org_pending_invite (invite_id, org_id, email, access) VALUES (?, ?, ?, ?)",
                event.inviteId(), event.orgId(), event.email(), columns.write(event.access()));
    }

    @EventHandler
    void on(OrgPendingInviteRaisedEvent event) {
        jdbc.update("UPDATE org_pending_invite SET access = ? WHERE invite_id = ?", columns.write(event.access()),
                event.inviteId());
    }

    @EventHandler
    void on(OrgInviteAcceptedEvent event) {
        jdbc.update("DELETE FROM org_pending_invite WHERE invite_id = ?", event.inviteId());
    }

    /** The handle stays taken: a destroyed org's name is never handed to someone else. */
    @EventHandler
    void on(OrgDestroyedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE directory_org SET destroyed = TRUE, modified = ? WHERE id = ?", at.toEpochMilli(),
                event.orgId());
        jdbc.update("DELETE FROM org_member WHERE org_id = ?", event.orgId());
        jdbc.update("DELETE FROM org_pending_invite WHERE org_id = ?", event.orgId());
    }

    @QueryHandler
    public Optional<OrgFacts> handle(FindOrgQuery query) {
        return find(query.orgId());
    }

    @QueryHandler
    public Optional<OrgMembership> handle(FindOrgMembershipQuery query) {
        return membership(query.orgId(), query.userId());
    }

    @Override
    public Optional<OrgFacts> find(String orgId) {
        return record(orgId).filter(r -> !r.destroyed()).map(OrgRecord::facts);
    }

    /** Destroyed orgs included: their history stays readable to the operator. */
    public Optional<OrgRecord> record(String orgId) {
        return jdbc.query("SELECT * FROM directory_org WHERE id = ?", orgRow(), orgId).stream().findFirst();
    }

    @Override
    public Optional<OrgMembership> membership(String orgId, String userId) {
        return jdbc.query("SELECT * FROM org_member WHERE org_id = ? AND user_id = ?", MEMBER, orgId, userId)
                .stream().findFirst();
    }

    @Override
    public List<OrgMembership> membershipsOf(String userId) {
        return jdbc.query("SELECT * FROM org_member WHERE user_id = ? ORDER BY org_id", MEMBER, userId);
    }

    @Override
    public List<OrgMembership> members(String orgId) {
        return jdbc.query("SELECT * FROM org_member WHERE org_id = ? ORDER BY user_id", MEMBER, orgId);
    }

    /** Pending email invites for a new user's email, as (org id, invite id). */
    @Override
    public List<PendingOrgInvite> invitesAwaiting(String email) {
        return jdbc.query("SELECT org_id, invite_id FROM org_pending_invite WHERE email = ? ORDER BY invite_id",
                (rs, n) -> new PendingOrgInvite(rs.getString("org_id"), rs.getString("invite_id")),
                email.toLowerCase(Locale.ROOT));
    }


    private static final RowMapper<OrgMembership> MEMBER = (rs, n) -> new OrgMembership(rs.getString("org_id"),
            rs.getString("user_id"), rs.getString("level"), rs.getBoolean("allow_billable"),
            rs.getString("project_access"), rs.getBoolean("app_access"), rs.getBoolean("tre_management"));

    private RowMapper<OrgRecord> orgRow() {
        return (rs, n) -> {
            OrgFacts facts = new OrgFacts(rs.getString("id"), rs.getString("handle"), rs.getString("name"),
                    rs.getBoolean("billable"), Set.copyOf(columns.read(rs.getString("licenses"), LIST)),
                    columns.read(rs.getString("permitted_regions"), LIST), rs.getString("default_region"),
                    rs.getBoolean("rate_card"), columns.read(rs.getString("policies"), MAP), rs.getLong("created"));
            String jobLogs = rs.getString("job_logs");
            return new OrgRecord(facts, columns.read(rs.getString("pricing"), MAP), jobLogs == null ? null : columns.read(jobLogs, MAP),
                    rs.getLong("modified"), rs.getBoolean("destroyed"));
        };
    }
}
