package org.tre.query.tre;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.messages.tre.Policies;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepRemovedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersAddedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersRemovedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsAddedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsRemovedEvent;
import org.tre.messages.tre.TreEvents.TreDeactivatedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.tre.TreEvents.TreInventorySetEvent;
import org.tre.messages.tre.TreEvents.TrePoliciesSetEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncStartedEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreSideEffectFailedEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.messages.tre.TreQueries.FindTreAccessQuery;
import org.tre.messages.tre.TreQueries.TreAccess;
import org.tre.messages.tre.TreState;
import org.tre.query.tre.TreEventsFixture.History;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tre.query.tre.TreEventsFixture.ALICE;
import static org.tre.query.tre.TreEventsFixture.ASSAY_PROJECT;
import static org.tre.query.tre.TreEventsFixture.ASSAY_WORKING_PROJECT;
import static org.tre.query.tre.TreEventsFixture.BOB;
import static org.tre.query.tre.TreEventsFixture.CAROL;
import static org.tre.query.tre.TreEventsFixture.DATA_PROJECT;
import static org.tre.query.tre.TreEventsFixture.DORA;
import static org.tre.query.tre.TreEventsFixture.ORG;
import static org.tre.query.tre.TreEventsFixture.SHOWCASE_PROJECT;
import static org.tre.query.tre.TreEventsFixture.TRE;
import static org.tre.query.tre.TreEventsFixture.activated;
import static org.tre.query.tre.TreEventsFixture.created;
import static org.tre.query.tre.TreEventsFixture.inventorySet;

/**
 * The projection on the application's tables: events in through its handlers, as a processor
 * delivers them, and the views, lists and access answers out.
 */
class TreProjectionTest {

    private final ObjectMapper json = new ObjectMapper();
    private MigratedDatabase database;
    private JdbcTemplate jdbc;
    private TreProjection projection;
    private AnnotationEventHandlerAdapter handlers;

    @BeforeEach
    void tables() {
        database = new MigratedDatabase();
        jdbc = database.jdbc();
        projection = new TreProjection(new TreViewStore(jdbc, json));
        handlers = new AnnotationEventHandlerAdapter(projection);
    }

    @AfterEach
    void dropTables() {
        database.close();
    }

    private void given(History history) {
        for (DomainEventMessage<?> event : history.events()) {
            try {
                handlers.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Alice admin, Bob reviewer, Carol and the org authorized. */
    private static History withRoles(String treId) {
        return new History(treId).at(1_000, created(treId, ALICE))
                .at(2_000, new ApplicationReviewStepAddedEvent(treId, "ethics", "Ethics", ""))
                .at(3_000, new ApplicationReviewersAddedEvent(treId, "ethics", List.of(BOB)))
                .at(4_000, new AuthorizedUsersAddedEvent(treId, List.of(CAROL, ORG), List.of(CAROL, ORG)));
    }

    private static Map<String, Boolean> restricted() {
        Map<String, Boolean> policies = new LinkedHashMap<>();
        Policies.KEYS.forEach(key -> policies.put(key, null));
        policies.put("restricted", true);
        return policies;
    }

    @Test
    void theStoredViewIsTheViewTheEventsFoldTo() {
        History history = withRoles(TRE)
                .at(5_000, new TreUpdatedEvent(TRE, "Renamed", null, null, null, null, true, ORG, true, null, null))
                .at(6_000, inventorySet("1.0.0", false))
                .at(7_000, new TrePoliciesSetEvent(TRE, restricted(), restricted()))
                .at(8_000, activated("1.0.0", null))
                .at(9_000, new TreProvisionedEvent(TRE, "user-tre_genomics_robot", "project-work", "queue-1"))
                .at(10_000, new TreSideEffectFailedEvent(TRE, "grants", "directory down"))
                .at(11_000, new TrePolicySyncStartedEvent(TRE, "sync-1", restricted(), 3))
                .at(12_000, new TreDeactivatedEvent(TRE))
                .at(13_000, inventorySet("1.1.0", false));
        given(history);

        TreView stored = projection.find(TRE).orElseThrow();
        assertThat(stored).isEqualTo(TreReplay.asOf(history.events(), Long.MAX_VALUE).orElseThrow());
        assertThat(stored.state()).isEqualTo(TreState.amending);
        assertThat(stored.inventoryDetails()).hasSize(2);
        assertThat(stored.policies().restricted()).isTrue();
        assertThat(stored.modified()).isEqualTo(13_000);
    }

    @Test
    void aTreWithNoEventsHasNoViewAndNoAccess() {
        assertThat(projection.find("tre-nosuch")).isEmpty();
        assertThat(projection.handle(new FindTreAccessQuery("tre-nosuch"))).isEmpty();
    }

    @Test
    void theRowKeepsTheColumnsTheFindRoutesFilterOn() {
        given(withRoles(TRE).at(5_000, inventorySet("1.0.0", false)).at(6_000, activated("1.0.0", null)));
        Map<String, Object> row = jdbc.queryForMap("SELECT id, handle, state, created, modified FROM tre_view");
        assertThat(row).containsEntry("id", TRE).containsEntry("handle", "genomics").containsEntry("state", "active")
                .containsEntry("created", 1_000L).containsEntry("modified", 6_000L);
    }

    @Test
    void aChangeToATreWithNoViewIsRefused() {
        assertThatThrownBy(() -> given(new History(TRE).at(1_000, new TreDeactivatedEvent(TRE))))
                .hasRootCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("No view of " + TRE);
    }

    @Nested
    class Finding {

        @Test
        void theOperatorsListIsEveryTreNotDeletedById() {
            given(new History("tre-b").at(1_000, created("tre-b", ALICE)));
            given(new History("tre-c").at(1_000, created("tre-c", ALICE))
                    .at(2_000, new TreDeletedEvent("tre-c", List.of(ALICE))));
            given(new History("tre-a").at(1_000, created("tre-a", BOB)));
            assertThat(projection.all()).containsExactly("tre-a", "tre-b");
        }

        @Test
        void eachRoleMakesTheTreVisibleToItsHolder() {
            given(withRoles(TRE));
            for (String principal : List.of(ALICE, BOB, CAROL, ORG)) {
                assertThat(projection.visibleTo(Set.of(principal, "PUBLIC"))).as(principal).containsExactly(TRE);
            }
            assertThat(projection.visibleTo(Set.of(DORA, "PUBLIC"))).isEmpty();
            assertThat(projection.visibleTo(Set.of())).isEmpty();
        }

        @Test
        void publicMakesItVisibleToEveryone() {
            given(withRoles(TRE).at(5_000, new AuthorizedUsersAddedEvent(TRE, List.of("PUBLIC"), List.of("PUBLIC"))));
            assertThat(projection.visibleTo(Set.of(DORA, "PUBLIC"))).containsExactly(TRE);
            assertThat(projection.visibleTo(Set.of(CAROL))).isEmpty();
        }

        @Test
        void aLostRoleHidesTheTreAndAChangeOfNoRoleKeepsIt() {
            given(withRoles(TRE)
                    .at(5_000, new TreAdminsAddedEvent(TRE, List.of(DORA)))
                    .at(6_000, inventorySet("1.0.0", false))
                    .at(7_000, new TrePoliciesSetEvent(TRE, restricted(), restricted())));
            assertThat(projection.visibleTo(Set.of(DORA))).containsExactly(TRE);
            assertThat(projection.visibleTo(Set.of(BOB))).containsExactly(TRE);

            given(new History(TRE).at(8_000, new TreAdminsRemovedEvent(TRE, List.of(DORA)))
                    .at(9_000, new ApplicationReviewStepRemovedEvent(TRE, "ethics", List.of(BOB)))
                    .at(10_000, new AuthorizedUsersRemovedEvent(TRE, List.of(ORG), List.of(CAROL))));
            assertThat(projection.visibleTo(Set.of(DORA))).isEmpty();
            assertThat(projection.visibleTo(Set.of(BOB))).isEmpty();
            assertThat(projection.visibleTo(Set.of(ORG))).isEmpty();
            assertThat(projection.visibleTo(Set.of(CAROL))).containsExactly(TRE);
        }

        @Test
        void aDeletedTreIsVisibleToNoOne() {
            given(withRoles(TRE).at(5_000, new TreDeletedEvent(TRE, List.of(ALICE))));
            assertThat(projection.visibleTo(Set.of(ALICE, BOB, CAROL, ORG, "PUBLIC"))).isEmpty();
            assertThat(projection.find(TRE).orElseThrow().state()).isEqualTo(TreState.deleted);
        }

        @Test
        void thePrincipalsTableHoldsEachRoleOfEachPrincipalOnce() {
            given(withRoles(TRE)
                    .at(5_000, new ApplicationReviewStepAddedEvent(TRE, "data", "Data", ""))
                    .at(6_000, new ApplicationReviewersAddedEvent(TRE, "data", List.of(BOB, ALICE))));
            List<String> rows = jdbc.queryForList("SELECT principal || ' ' || role FROM tre_principal"
                    + " WHERE tre_id = ? ORDER BY principal, role", String.class, TRE);
            assertThat(rows).containsExactly(ORG + " authorized", ALICE + " admin", ALICE + " reviewer",
                    BOB + " reviewer", CAROL + " authorized");
        }
    }

    /** FindTreAccessQuery: the facts the grants follow (DECISIONS.md §8). */
    @Nested
    class Access {

        @Test
        void beforeActivationNoInventoryProjectIsNamed() {
            given(withRoles(TRE).at(5_000, inventorySet("1.0.0", false)));
            TreAccess access = projection.handle(new FindTreAccessQuery(TRE)).orElseThrow();
            assertThat(access.state()).isEqualTo(TreState.draft);
            assertThat(access.inventoryProjects()).isEmpty();
            assertThat(access.showcaseProject()).isNull();
        }

        @Test
        void theActiveInventoryNamesTheProjectsAndThePendingOneDoesNot() {
            Inventory elsewhere = new Inventory("1.1.0", new ObjectRef("project-new", "file-new"), ObjectRef.NONE,
                    new ObjectRef("project-new-showcase", "record-new"), null,
                    List.of(new Assay("sample", "project-new-assay", "project-new-work", "record-a", "pids")));
            given(withRoles(TRE)
                    .at(5_000, new ApplicationReviewStepAddedEvent(TRE, "data", "Data", ""))
                    .at(6_000, new ApplicationReviewersAddedEvent(TRE, "data", List.of(BOB)))
                    .at(7_000, inventorySet("1.0.0", false))
                    .at(8_000, activated("1.0.0", null))
                    .at(9_000, new TreUpdatedEvent(TRE, null, null, null, null, null, true, ORG, true, null, null))
                    .at(10_000, new TreProvisionedEvent(TRE, "user-tre_genomics_robot", "project-work", "queue-1"))
                    .at(11_000, new TreDeactivatedEvent(TRE))
                    .at(12_000, new TreInventorySetEvent(TRE, elsewhere, false)));

            TreAccess access = projection.handle(new FindTreAccessQuery(TRE)).orElseThrow();
            assertThat(access).isEqualTo(new TreAccess(TRE, TreState.amending, List.of(ALICE), List.of(BOB),
                    List.of(CAROL, ORG), Set.of(DATA_PROJECT, SHOWCASE_PROJECT, ASSAY_PROJECT, ASSAY_WORKING_PROJECT),
                    SHOWCASE_PROJECT, "user-tre_genomics_robot", "project-work", ORG, true));
        }
    }

    /**
     * Views are stored as JSON; a table written before a change of the view's types must still read,
     * or every deployment would need a rebuild (or a migration) to start.
     */
    @Nested
    class StoredDocuments {

        private static final String DOCUMENT = """
                {"id":"tre-genomics","name":"Genomics","description":"d","summary":"s","handle":"genomics",
                 "region":"aws:us-east-1","billTo":"org-bill","state":"amending",
                 "policies":{"restricted":true,"protected":null,"downloadRestricted":false,
                  "externalUploadRestricted":null,"previewViewerRestricted":null,"databaseUIViewOnly":null,
                  "containsPHI":true,"httpsAppIsolatedBrowsing":null,"jobOutboundInternet":null,
                  "displayDataProtectionNotice":null},
                 "inventoryDetails":[
                  {"version":"1.1.0","state":"pending","activated":null,"created":6000,
                   "file":{"project":"project-data","id":"file-1"},"dataset":{},"showcase":{},"dataTypeGroups":null,
                   "assays":[]},
                  {"version":"1.0.0","state":"active","activated":4000,"created":3000,
                   "file":{"project":"project-data","id":"file-0"},"dataset":{},
                   "showcase":{"project":"project-showcase","id":"record-0"},
                   "dataTypeGroups":{"project":"project-data","id":null},
                   "assays":[{"entity":"sample","project":"project-assay","workingProject":"project-assay-work",
                              "dataset":"record-a","assayPidMapDatabase":"pids"}]}],
                 "treAdmins":["user-alice"],"authorizedUsers":["PUBLIC"],"customizedRateCard":false,
                 "customizedURL":true,"supportOrg":"org-partner","allowSupportAccess":true,
                 "applicationReviewSteps":{"ethics":{"name":"Ethics","description":"","reviewers":["user-bob"]}},
                 "created":1000,"modified":7000,"robotUser":"user-tre_genomics_robot","workingProject":"project-work",
                 "dispensalQueue":"queue-1",
                 "sideEffectFailures":[{"effect":"grants","reason":"directory down","at":5000}],
                 "policySync":{"state":"syncing","pending":2}}
                """;

        @Test
        void aDocumentAsStoredReadsIntoTheTypedViewAndWritesBackUnchanged() throws Exception {
            jdbc.update("INSERT INTO tre_view (id, handle, state, doc, created, modified) VALUES (?, ?, ?, ?, ?, ?)",
                    TRE, "genomics", "amending", DOCUMENT, 1_000, 7_000);

            TreView view = projection.find(TRE).orElseThrow();
            assertThat(view.state()).isEqualTo(TreState.amending);
            assertThat(view.policies().containsPHI()).isTrue();
            assertThat(view.policies().downloadRestricted()).isFalse();
            assertThat(view.activeInventory().orElseThrow().dataTypeGroups())
                    .isEqualTo(new TreView.ObjectLink(DATA_PROJECT, null));
            assertThat(view.pendingInventory().orElseThrow().showcase()).isEqualTo(TreView.ObjectLink.EMPTY);
            assertThat(view.policySync()).isEqualTo(new TreView.PolicySync(TreView.PolicySyncState.syncing, 2));
            assertThat(view.reviewers()).containsExactly(BOB);
            assertThat(json.readTree(json.writeValueAsString(view))).isEqualTo(json.readTree(DOCUMENT));
        }

        @Test
        void theNextEventChangesAStoredDocumentLikeAnyOther() {
            jdbc.update("INSERT INTO tre_view (id, handle, state, doc, created, modified) VALUES (?, ?, ?, ?, ?, ?)",
                    TRE, "genomics", "amending", DOCUMENT, 1_000, 7_000);
            given(new History(TRE).at(8_000, activated("1.1.0", "1.0.0")));

            TreView view = projection.find(TRE).orElseThrow();
            assertThat(view.state()).isEqualTo(TreState.active);
            assertThat(view.inventoryDetails()).extracting(detail -> detail.version() + " " + detail.state())
                    .containsExactly("1.1.0 active", "1.0.0 inactive");
            assertThat(jdbc.queryForObject("SELECT state FROM tre_view WHERE id = ?", String.class, TRE))
                    .isEqualTo("active");
        }
    }
}
