package org.tre.query.tre;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.messages.tre.TreState;
import org.tre.query.tre.TreDescribe.Role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The TRE read model's tables (V5__tres.sql): {@code tre_view} holds each view as one JSON document,
 * beside the columns the find routes filter on; {@code tre_principal} lists who holds which role in
 * which TRE, so "which TREs may this caller see" reads no documents.
 */
@Component
public class TreViewStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public TreViewStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<TreView> find(String treId) {
        return jdbc.query("SELECT doc FROM tre_view WHERE id = ?", (rs, n) -> read(rs.getString("doc")), treId)
                .stream().findFirst();
    }

    public void insert(TreView view) {
        jdbc.update("INSERT INTO tre_view (id, handle, state, doc, created, modified) VALUES (?, ?, ?, ?, ?, ?)",
                view.id(), view.handle(), view.state().name(), write(view), view.created(), view.modified());
        writePrincipals(view);
    }

    /** {@code before}: the view as stored, so principals are rewritten only when a role changed. */
    public void update(TreView before, TreView after) {
        jdbc.update("UPDATE tre_view SET state = ?, doc = ?, modified = ? WHERE id = ?", after.state().name(),
                write(after), after.modified(), after.id());
        // Most changes (policies, inventory, synchronization progress) touch no role: skip the rewrite.
        if (!principals(after).equals(principals(before))) {
            writePrincipals(after);
        }
    }

    /** Every TRE not deleted, ordered by id: what the operator may see. */
    public List<String> live() {
        return jdbc.queryForList("SELECT id FROM tre_view WHERE state <> ? ORDER BY id", String.class,
                TreState.deleted.name());
    }

    /** The TREs not deleted that any of these principals holds a role in, ordered by id. */
    public List<String> visibleTo(Set<String> principals) {
        if (principals.isEmpty()) {
            return List.of();
        }
        List<Object> arguments = new ArrayList<>();
        arguments.add(TreState.deleted.name());
        arguments.addAll(principals);
        String marks = String.join(", ", Collections.nCopies(principals.size(), "?"));
        return jdbc.queryForList("SELECT DISTINCT p.tre_id FROM tre_principal p JOIN tre_view v ON v.id = p.tre_id"
                + " WHERE v.state <> ? AND p.principal IN (" + marks + ") ORDER BY p.tre_id", String.class,
                arguments.toArray());
    }

    /** principal → the roles it holds in the TRE. */
    static Map<String, Set<Role>> principals(TreView view) {
        Map<String, Set<Role>> principals = new LinkedHashMap<>();
        view.treAdmins().forEach(user -> holds(principals, user, Role.ADMIN));
        view.reviewers().forEach(user -> holds(principals, user, Role.REVIEWER));
        view.authorizedUsers().forEach(principal -> holds(principals, principal, Role.AUTHORIZED));
        return principals;
    }

    private static void holds(Map<String, Set<Role>> principals, String principal, Role role) {
        principals.computeIfAbsent(principal, p -> EnumSet.noneOf(Role.class)).add(role);
    }

    /** Rewritten whole: a TRE has at most a few thousand principals, and this keeps them exactly in step. */
    private void writePrincipals(TreView view) {
        jdbc.update("DELETE FROM tre_principal WHERE tre_id = ?", view.id());
        principals(view).forEach((principal, roles) -> roles.forEach(role -> jdbc.update(
                "INSERT INTO tre_principal (tre_id, principal, role) VALUES (?, ?, ?)", view.id(), principal,
                column(role))));
    }

    /** tre_principal.role holds the role's name in lower case: admin, reviewer, authorized. */
    private static String column(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private String write(TreView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TreView read(String doc) {
        try {
            return json.readValue(doc, TreView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable TRE view", e);
        }
    }
}
