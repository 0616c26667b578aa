package org.tre.query.tre;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepRemovedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepUpdatedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersRemovedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersRemovedEvent;
import org.tre.messages.tre.TreEvents.TreActivatedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsAddedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsRemovedEvent;
import org.tre.messages.tre.TreEvents.TreCreatedEvent;
import org.tre.messages.tre.TreEvents.TreDeactivatedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.tre.TreEvents.TreInventorySetEvent;
import org.tre.messages.tre.TreEvents.TrePoliciesSetEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncFinishedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncProgressedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncStartedEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreSideEffectFailedEvent;
import org.tre.messages.tre.TreQueries.FindTreAccessQuery;
import org.tre.messages.tre.TreQueries.TreAccess;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.messages.tre.TreState;
import org.tre.query.tre.TreDescribe.Role;
import org.tre.query.tre.TreView.InventoryDetail;
import org.tre.query.tre.TreView.ObjectLink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The TRE read model, kept in the command's transaction so describe reflects a command as soon as
 * its response is sent.
 */
@Component
@ProcessingGroup(TreProjection.PROCESSING_GROUP)
public class TreProjection {

    public static final String PROCESSING_GROUP = "tre-views";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    /** Where the handlers keep views: the tables, or (to replay a TRE's past) memory. */
    private final Views views;

    @Autowired
    public TreProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.views = new TableViews();
    }

    private TreProjection(ObjectMapper json, Views views) {
        this.jdbc = null;
        this.json = json;
        this.views = views;
    }

    /**
     * A projection of one TRE kept in memory: the same handlers, fed the TRE's events up to a moment,
     * give the TRE as it stood then (DECISIONS.md §13 describe {"at"}).
     */
    public static Replay replay(ObjectMapper json) {
        MemoryViews memory = new MemoryViews();
        return new Replay(new TreProjection(json, memory), memory);
    }

    public record Replay(TreProjection projection, MemoryViews memory) {

        public Optional<TreView> view() {
            return Optional.ofNullable(memory.view);
        }
    }

    interface Views {
        Optional<TreView> load(String treId);

        void insert(TreView view);

        void update(TreView view, boolean rolesChanged);
    }

    public static final class MemoryViews implements Views {
        private TreView view;

        @Override
        public Optional<TreView> load(String treId) {
            return Optional.ofNullable(view);
        }

        @Override
        public void insert(TreView view) {
            this.view = view;
        }

        @Override
        public void update(TreView view, boolean rolesChanged) {
            this.view = view;
        }
    }

    private final class TableViews implements Views {
        @Override
        public Optional<TreView> load(String treId) {
            return find(treId);
        }

        @Override
        public void insert(TreView view) {
            jdbc.update("INSERT INTO tre_view (id, handle, state, doc, created, modified) VALUES (?, ?, ?, ?, ?, ?)",
                    view.id(), view.handle(), view.state().name(), write(view), view.created(), view.modified());
            principals(view);
        }

        @Override
        public void update(TreView view, boolean rolesChanged) {
            jdbc.update("UPDATE tre_view SET state = ?, doc = ?, modified = ? WHERE id = ?", view.state().name(),
                    write(view), view.modified(), view.id());
            if (rolesChanged) {
                principals(view);
            }
        }
    }

    @EventHandler
    void on(TreCreatedEvent event, @Timestamp Instant at) {
        views.insert(TreFold.apply(null, event, at));
    }

    @EventHandler
    void on(TreUpdatedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreInventorySetEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TrePoliciesSetEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreAdminsAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreAdminsRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(AuthorizedUsersAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(AuthorizedUsersRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(ApplicationReviewStepAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(ApplicationReviewStepUpdatedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(ApplicationReviewStepRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(ApplicationReviewersAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(ApplicationReviewersRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreActivatedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TrePolicySyncStartedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TrePolicySyncProgressedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TrePolicySyncFinishedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreProvisionedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreSideEffectFailedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreDeactivatedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @EventHandler
    void on(TreDeletedEvent event, @Timestamp Instant at) {
        change(event.treId(), event, at);
    }

    @QueryHandler
    public Optional<TreAccess> handle(FindTreAccessQuery query) {
        return find(query.treId()).map(TreProjection::access);
    }

    /** Grants follow the active inventory only (DECISIONS.md §8). */
    static TreAccess access(TreView view) {
        Set<String> inventoryProjects = new LinkedHashSet<>();
        String showcaseProject = null;
        Optional<InventoryDetail> active = view.activeInventory();
        if (active.isPresent()) {
            InventoryDetail inventory = active.get();
            for (ObjectLink link : Arrays.asList(inventory.file(), inventory.dataset(), inventory.showcase(),
                    inventory.dataTypeGroups())) {
                if (link != null && link.project() != null) {
                    inventoryProjects.add(link.project());
                }
            }
            for (Assay assay : inventory.assays()) {
                inventoryProjects.add(assay.project());
                inventoryProjects.add(assay.workingProject());
            }
            showcaseProject = inventory.showcase() == null ? null : inventory.showcase().project();
        }
        return new TreAccess(view.id(), view.state(), List.copyOf(view.treAdmins()), List.copyOf(view.reviewers()),
                List.copyOf(view.authorizedUsers()), inventoryProjects, showcaseProject, view.robotUser(),
                view.workingProject(), view.supportOrg(), view.allowSupportAccess());
    }

    public Optional<TreView> find(String treId) {
        return jdbc.query("SELECT doc FROM tre_view WHERE id = ?", (rs, n) -> read(rs.getString("doc")), treId)
                .stream().findFirst();
    }

    /** Every live TRE, ordered by id: what the operator may see. */
    public List<String> all() {
        return jdbc.queryForList("SELECT id FROM tre_view WHERE state <> ? ORDER BY id", String.class,
                TreState.deleted.name());
    }

    /** The live TREs any of these principals holds a role in, ordered by id. */
    public List<String> visibleTo(Set<String> principals) {
        if (principals.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(principals.size(), "?"));
        List<Object> arguments = new ArrayList<>();
        arguments.add(TreState.deleted.name());
        arguments.addAll(principals);
        return jdbc.queryForList("SELECT DISTINCT p.tre_id FROM tre_principal p JOIN tre_view v ON v.id = p.tre_id"
                + " WHERE v.state <> ? AND p.principal IN (" + marks + ") ORDER BY p.tre_id", String.class,
                arguments.toArray());
    }

    private void change(String treId, Object event, Instant at) {
        TreView before = views.load(treId).orElseThrow(() -> new IllegalStateException("No view of " + treId));
        TreView after = TreFold.apply(before, event, at);
        // Most changes (policies, inventory, synchronization progress) touch no role: skip the rewrite.
        views.update(after, !roles(after).equals(roles(before)));
    }

    /** Rewritten whole: a TRE has at most a few thousand principals, and this keeps them exactly in step. */
    private void principals(TreView view) {
        jdbc.update("DELETE FROM tre_principal WHERE tre_id = ?", view.id());
        roles(view).forEach((principal, set) -> set.forEach(role -> jdbc.update(
                "INSERT INTO tre_principal (tre_id, principal, role) VALUES (?, ?, ?)", view.id(), principal,
                column(role))));
    }

    /** principal → the roles it holds in the TRE. */
    private static Map<String, Set<Role>> roles(TreView view) {
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        view.treAdmins().forEach(u -> roles.computeIfAbsent(u, k -> EnumSet.noneOf(Role.class)).add(Role.ADMIN));
        view.reviewers().forEach(u -> roles.computeIfAbsent(u, k -> EnumSet.noneOf(Role.class)).add(Role.REVIEWER));
        view.authorizedUsers()
                .forEach(u -> roles.computeIfAbsent(u, k -> EnumSet.noneOf(Role.class)).add(Role.AUTHORIZED));
        return roles;
    }

    /** tre_principal.role holds the role's name in lower case (V5__tres.sql). */
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
