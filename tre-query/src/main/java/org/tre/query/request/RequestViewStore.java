package org.tre.query.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.messages.request.RequestState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request read model's tables (V11__data_access_requests.sql): {@code tre_request_view} holds each
 * view as one JSON document beside the columns the find route filters on; {@code tre_request_member}
 * lists the applicant and collaborators of each request, so "which requests may this caller see"
 * reads no documents. Whom a TRE makes reviewer or admin is the TRE read model's {@code tre_principal}.
 */
@Component
public class RequestViewStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public RequestViewStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<RequestView> find(String requestId) {
        return jdbc.query("SELECT doc FROM tre_request_view WHERE id = ?", (rs, n) -> read(rs.getString("doc")),
                requestId).stream().findFirst();
    }

    public void insert(RequestView view) {
        jdbc.update("INSERT INTO tre_request_view (id, tre_id, applicant, state, doc, created, modified)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", view.id(), view.tre(), view.applicant(), view.state().name(),
                write(view), view.created(), view.modified());
        writeMembers(view);
    }

    public void update(RequestView before, RequestView after) {
        jdbc.update("UPDATE tre_request_view SET state = ?, doc = ?, modified = ? WHERE id = ?", after.state().name(),
                write(after), after.modified(), after.id());
        if (!before.members().equals(after.members())) {
            writeMembers(after);
        }
    }

    /** The filters of /system/findTreApplications; each null when not given. */
    public record Filter(String tre, RequestState state, String applicant, String startingAt) {
    }

    /**
     * The live requests, ordered by id, that the user works on (applicant, collaborator) or whose TRE
     * they review or administer now; {@code everything}: the operator's, every live request.
     */
    public List<String> visibleTo(String userId, boolean everything, Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT v.id FROM tre_request_view v WHERE v.state <> ?");
        List<Object> arguments = new ArrayList<>();
        arguments.add(RequestState.deleted.name());
        if (!everything) {
            sql.append(" AND (v.id IN (SELECT m.request_id FROM tre_request_member m WHERE m.user_id = ?)"
                    + " OR v.tre_id IN (SELECT p.tre_id FROM tre_principal p WHERE p.principal = ?"
                    + " AND p.role IN ('admin', 'reviewer')))");
            arguments.add(userId);
            arguments.add(userId);
        }
        if (filter.tre() != null) {
            sql.append(" AND v.tre_id = ?");
            arguments.add(filter.tre());
        }
        if (filter.state() != null) {
            sql.append(" AND v.state = ?");
            arguments.add(filter.state().name());
        }
        if (filter.applicant() != null) {
            sql.append(" AND v.applicant = ?");
            arguments.add(filter.applicant());
        }
        if (filter.startingAt() != null) {
            sql.append(" AND v.id >= ?");
            arguments.add(filter.startingAt());
        }
        sql.append(" ORDER BY v.id");
        return jdbc.queryForList(sql.toString(), String.class, arguments.toArray());
    }

    /** How many of the TRE's requests are in each live state; every live state is named, zero included. */
    public Map<RequestState, Long> countsByState(String treId) {
        Map<RequestState, Long> counts = new EnumMap<>(RequestState.class);
        for (RequestState state : RequestState.values()) {
            if (state != RequestState.deleted) {
                counts.put(state, 0L);
            }
        }
        jdbc.query("SELECT state, COUNT(*) AS n FROM tre_request_view WHERE tre_id = ? AND state <> ? GROUP BY state",
                rs -> {
                    counts.put(RequestState.valueOf(rs.getString("state")), rs.getLong("n"));
                }, treId, RequestState.deleted.name());
        return counts;
    }

    public long liveCount(String treId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM tre_request_view WHERE tre_id = ? AND state <> ?",
                Long.class, treId, RequestState.deleted.name());
        return count == null ? 0 : count;
    }

    private void writeMembers(RequestView view) {
        jdbc.update("DELETE FROM tre_request_member WHERE request_id = ?", view.id());
        for (String member : new java.util.LinkedHashSet<>(view.members())) {
            jdbc.update("INSERT INTO tre_request_member (request_id, user_id) VALUES (?, ?)", view.id(), member);
        }
    }

    private String write(RequestView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestView read(String doc) {
        try {
            return json.readValue(doc, RequestView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable request view", e);
        }
    }
}
