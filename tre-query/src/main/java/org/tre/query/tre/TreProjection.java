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
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.messages.tre.Policies;
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
import org.tre.messages.tre.TreEvents.TrePolicySyncAbandonedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncFinishedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncProgressedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncStartedEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreSideEffectFailedEvent;
import org.tre.messages.tre.TreQueries.FindTreAccessQuery;
import org.tre.messages.tre.TreQueries.TreAccess;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.messages.tre.TreState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
                    view.id, view.handle, view.state, write(view), view.created, view.modified);
            principals(view);
        }

        @Override
        public void update(TreView view, boolean rolesChanged) {
            jdbc.update("UPDATE tre_view SET state = ?, doc = ?, modified = ? WHERE id = ?", view.state, write(view),
                    view.modified, view.id);
            if (rolesChanged) {
                principals(view);
            }
        }
    }

    @EventHandler
    void on(TreCreatedEvent event, @Timestamp Instant at) {
        TreView view = new TreView();
        view.id = event.treId();
        view.handle = event.handle();
        view.name = event.name();
        view.description = event.description();
        view.summary = event.summary();
        view.billTo = event.billTo();
        view.region = event.region();
        view.state = TreState.draft.name();
        view.customizedRateCard = event.customizedRateCard();
        view.customizedURL = event.customizedURL();
        view.policies.putAll(Policies.none());
        view.treAdmins.add(event.createdBy());
        view.created = at.toEpochMilli();
        view.modified = at.toEpochMilli();
        views.insert(view);
    }

    @EventHandler
    void on(TreUpdatedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> {
            if (event.name() != null) {
                view.name = event.name();
            }
            if (event.description() != null) {
                view.description = event.description();
            }
            if (event.summary() != null) {
                view.summary = event.summary();
            }
            if (event.billTo() != null) {
                view.billTo = event.billTo();
            }
            if (event.region() != null) {
                view.region = event.region();
            }
            if (event.supportOrgChanged()) {
                view.supportOrg = event.supportOrg();
            }
            if (event.allowSupportAccess() != null) {
                view.allowSupportAccess = event.allowSupportAccess();
            }
            if (event.customizedRateCard() != null) {
                view.customizedRateCard = event.customizedRateCard();
            }
            if (event.customizedURL() != null) {
                view.customizedURL = event.customizedURL();
            }
        });
    }

    @EventHandler
    void on(TreInventorySetEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> {
            if (event.replacedPending()) {
                view.inventoryDetails.removeIf(detail -> "pending".equals(detail.state));
            }
            view.inventoryDetails.add(0, detail(event.inventory(), at.toEpochMilli()));
        });
    }

    @EventHandler
    void on(TrePoliciesSetEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.policies.putAll(event.policies()));
    }

    @EventHandler
    void on(TreAdminsAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.treAdmins.addAll(event.users()));
    }

    @EventHandler
    void on(TreAdminsRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.treAdmins.removeAll(event.users()));
    }

    @EventHandler
    void on(AuthorizedUsersAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.authorizedUsers = new java.util.ArrayList<>(event.authorizedUsers()));
    }

    @EventHandler
    void on(AuthorizedUsersRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.authorizedUsers = new java.util.ArrayList<>(event.authorizedUsers()));
    }

    @EventHandler
    void on(ApplicationReviewStepAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> {
            TreView.ReviewStep step = new TreView.ReviewStep();
            step.name = event.name();
            step.description = event.description();
            view.applicationReviewSteps.put(event.reviewStepId(), step);
        });
    }

    @EventHandler
    void on(ApplicationReviewStepUpdatedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> {
            TreView.ReviewStep step = view.applicationReviewSteps.get(event.reviewStepId());
            if (event.name() != null) {
                step.name = event.name();
            }
            if (event.description() != null) {
                step.description = event.description();
            }
        });
    }

    @EventHandler
    void on(ApplicationReviewStepRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.applicationReviewSteps.remove(event.reviewStepId()));
    }

    @EventHandler
    void on(ApplicationReviewersAddedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.applicationReviewSteps.get(event.reviewStepId()).reviewers
                .addAll(event.users()));
    }

    @EventHandler
    void on(ApplicationReviewersRemovedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.applicationReviewSteps.get(event.reviewStepId()).reviewers
                .removeAll(event.users()));
    }

    @EventHandler
    void on(TreActivatedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> {
            view.state = TreState.active.name();
            for (TreView.InventoryDetail detail : view.inventoryDetails) {
                if ("active".equals(detail.state) && event.activatedVersion() != null) {
                    detail.state = "inactive";
                }
            }
            for (TreView.InventoryDetail detail : view.inventoryDetails) {
                if ("pending".equals(detail.state)) {
                    detail.state = "active";
                    detail.activated = at.toEpochMilli();
                }
            }
        });
    }

    @EventHandler
    void on(TrePolicySyncStartedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> {
            view.policySync.state = "syncing";
            view.policySync.pending = event.projects();
        });
    }

    @EventHandler
    void on(TrePolicySyncProgressedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.policySync.pending = event.pending());
    }

    @EventHandler
    void on(TrePolicySyncFinishedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> {
            view.policySync.state = "idle";
            view.policySync.pending = 0;
        });
    }

    /** The failure itself is shown as a side-effect failure, recorded beside this event. */
    @EventHandler
    void on(TrePolicySyncAbandonedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> {
            view.policySync.state = "idle";
            view.policySync.pending = 0;
        });
    }

    @EventHandler
    void on(TreProvisionedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> {
            view.robotUser = event.robotUser();
            view.workingProject = event.workingProject();
            view.dispensalQueue = event.dispensalQueue();
        });
    }

    @EventHandler
    void on(TreSideEffectFailedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> {
            TreView.SideEffectFailure failure = new TreView.SideEffectFailure();
            failure.effect = event.effect();
            failure.reason = event.reason();
            failure.at = at.toEpochMilli();
            view.sideEffectFailures.add(failure);
        });
    }

    @QueryHandler
    public Optional<TreAccess> handle(FindTreAccessQuery query) {
        return find(query.treId()).map(TreProjection::access);
    }

    static TreAccess access(TreView view) {
        TreView.InventoryDetail active = view.inventoryDetails.stream().filter(d -> "active".equals(d.state))
                .findFirst().orElse(null);
        Set<String> inventoryProjects = new LinkedHashSet<>();
        String showcaseProject = null;
        if (active != null) {
            for (Map<String, Object> ref : java.util.Arrays.asList(active.file, active.dataset, active.showcase,
                    active.dataTypeGroups)) {
                if (ref != null && ref.get("project") != null) {
                    inventoryProjects.add(ref.get("project").toString());
                }
            }
            for (Map<String, Object> assay : active.assays) {
                inventoryProjects.add(assay.get("project").toString());
                inventoryProjects.add(assay.get("workingProject").toString());
            }
            showcaseProject = active.showcase == null || active.showcase.get("project") == null ? null
                    : active.showcase.get("project").toString();
        }
        Set<String> reviewers = new LinkedHashSet<>();
        view.applicationReviewSteps.values().forEach(step -> reviewers.addAll(step.reviewers));
        return new TreAccess(view.id, TreState.valueOf(view.state), List.copyOf(view.treAdmins),
                List.copyOf(reviewers), List.copyOf(view.authorizedUsers), inventoryProjects, showcaseProject,
                view.robotUser, view.workingProject, view.supportOrg, view.allowSupportAccess);
    }

    @EventHandler
    void on(TreDeactivatedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.state = TreState.amending.name());
    }

    @EventHandler
    void on(TreDeletedEvent event, @Timestamp Instant at) {
        change(event.treId(), at, view -> view.state = TreState.deleted.name());
    }

    public Optional<TreView> find(String treId) {
        return jdbc.query("SELECT doc FROM tre_view WHERE id = ?", (rs, n) -> read(rs.getString("doc")), treId)
                .stream().findFirst();
    }

    /** Every live TRE, ordered by id: what the operator may see. */
    public List<String> all() {
        return jdbc.queryForList("SELECT id FROM tre_view WHERE state <> 'deleted' ORDER BY id", String.class);
    }

    /** The live TREs any of these principals holds a role in, ordered by id. */
    public List<String> visibleTo(Set<String> principals) {
        if (principals.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(principals.size(), "?"));
        return jdbc.queryForList("SELECT DISTINCT p.tre_id FROM tre_principal p JOIN tre_view v ON v.id = p.tre_id"
                + " WHERE v.state <> 'deleted' AND p.principal IN (" + marks + ") ORDER BY p.tre_id", String.class,
                principals.toArray());
    }

    private void change(String treId, Instant at, Consumer<TreView> change) {
        TreView view = views.load(treId).orElseThrow(() -> new IllegalStateException("No view of " + treId));
        Map<String, Set<String>> rolesBefore = roles(view);
        change.accept(view);
        view.modified = at.toEpochMilli();
        // Most changes (policies, inventory, synchronization progress) touch no role: skip the rewrite.
        views.update(view, !roles(view).equals(rolesBefore));
    }

    /** Rewritten whole: a TRE has at most a few thousand principals, and this keeps them exactly in step. */
    private void principals(TreView view) {
        jdbc.update("DELETE FROM tre_principal WHERE tre_id = ?", view.id);
        roles(view).forEach((principal, set) -> set.forEach(role -> jdbc.update(
                "INSERT INTO tre_principal (tre_id, principal, role) VALUES (?, ?, ?)", view.id, principal, role)));
    }

    /** principal → the roles it holds in the TRE. */
    private static Map<String, Set<String>> roles(TreView view) {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        view.treAdmins.forEach(u -> roles.computeIfAbsent(u, k -> new LinkedHashSet<>()).add("admin"));
        view.applicationReviewSteps.values().forEach(step -> step.reviewers
                .forEach(u -> roles.computeIfAbsent(u, k -> new LinkedHashSet<>()).add("reviewer")));
        view.authorizedUsers.forEach(u -> roles.computeIfAbsent(u, k -> new LinkedHashSet<>()).add("authorized"));
        return roles;
    }

    private static TreView.InventoryDetail detail(Inventory inventory, long at) {
        TreView.InventoryDetail detail = new TreView.InventoryDetail();
        detail.version = inventory.version();
        detail.state = "pending";
        detail.created = at;
        detail.file = ref(inventory.file());
        detail.dataset = ref(inventory.dataset());
        detail.showcase = ref(inventory.showcase());
        detail.dataTypeGroups = inventory.dataTypeGroups() == null ? null : ref(inventory.dataTypeGroups());
        for (Assay assay : inventory.assays()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("entity", assay.entity());
            a.put("project", assay.project());
            a.put("workingProject", assay.workingProject());
            a.put("dataset", assay.dataset());
            a.put("assayPidMapDatabase", assay.assayPidMapDatabase());
            detail.assays.add(a);
        }
        return detail;
    }

    private static Map<String, Object> ref(ObjectRef ref) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (ref != null && !ref.isEmpty()) {
            map.put("project", ref.project());
            map.put("id", ref.id());
        }
        return map;
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
