package org.tre.query.tre;

import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tre.messages.tre.Inventory.VersionState;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepRemovedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepUpdatedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersRemovedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersRemovedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsAddedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsRemovedEvent;
import org.tre.messages.tre.TreEvents.TreDeactivatedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.tre.TreEvents.TrePoliciesSetEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncAbandonedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncFinishedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncProgressedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncStartedEvent;
import org.tre.messages.tre.TreEvents.TreProjectAuthorizedEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreSideEffectFailedEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.messages.tre.TreState;
import org.tre.query.tre.TreView.InventoryDetail;
import org.tre.query.tre.TreView.ObjectLink;
import org.tre.query.tre.TreView.PolicySync;
import org.tre.query.tre.TreView.PolicySyncState;
import org.tre.query.tre.TreView.ReviewStep;
import org.tre.query.tre.TreView.SideEffectFailure;
import org.tre.query.tre.TreView.WorkspacePolicies;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tre.query.tre.TreEventsFixture.ALICE;
import static org.tre.query.tre.TreEventsFixture.ASSAY_PROJECT;
import static org.tre.query.tre.TreEventsFixture.BOB;
import static org.tre.query.tre.TreEventsFixture.CAROL;
import static org.tre.query.tre.TreEventsFixture.DATA_PROJECT;
import static org.tre.query.tre.TreEventsFixture.ORG;
import static org.tre.query.tre.TreEventsFixture.SHOWCASE_PROJECT;
import static org.tre.query.tre.TreEventsFixture.TRE;
import static org.tre.query.tre.TreEventsFixture.activated;
import static org.tre.query.tre.TreEventsFixture.at;
import static org.tre.query.tre.TreEventsFixture.created;
import static org.tre.query.tre.TreEventsFixture.inventorySet;

/** The fold alone: a view and an event in, the next view out; no storage. */
class TreFoldTest {

    /** The view after these events, the n-th (from 1) stored at n seconds. */
    private static TreView after(Object... events) {
        TreView view = null;
        for (int i = 0; i < events.length; i++) {
            view = TreFold.apply(view, events[i], at((i + 1) * 1000L));
        }
        return view;
    }

    private static TreView draft() {
        return after(created(TRE, ALICE));
    }

    private static TreView then(TreView view, Object event, long millis) {
        return TreFold.apply(view, event, at(millis));
    }

    private static List<String> versionsAndStates(TreView view) {
        return view.inventoryDetails().stream().map(detail -> detail.version() + " " + detail.state()).toList();
    }

    @Test
    void creationGivesADraftWhoseOnlyAdminIsItsCreatorWithNoPolicyEnforced() {
        TreView view = TreFold.apply(null, created(TRE, ALICE), at(5));

        assertThat(view.id()).isEqualTo(TRE);
        assertThat(view.handle()).isEqualTo("genomics");
        assertThat(view.name()).isEqualTo("Genomics");
        assertThat(view.description()).isEqualTo("All of it");
        assertThat(view.summary()).isEqualTo("Some of it");
        assertThat(view.billTo()).isEqualTo("org-bill");
        assertThat(view.region()).isEqualTo("aws:us-east-1");
        assertThat(view.customizedRateCard()).isTrue();
        assertThat(view.customizedURL()).isFalse();
        assertThat(view.state()).isEqualTo(TreState.draft);
        assertThat(view.treAdmins()).containsExactly(ALICE);
        assertThat(view.authorizedUsers()).isEmpty();
        assertThat(view.policies()).isEqualTo(WorkspacePolicies.NONE);
        assertThat(view.inventoryDetails()).isEmpty();
        assertThat(view.applicationReviewSteps()).isEmpty();
        assertThat(view.policySync()).isEqualTo(new PolicySync(PolicySyncState.idle, 0));
        assertThat(view.sideEffectFailures()).isEmpty();
        assertThat(view.robotUser()).isNull();
        assertThat(view.supportOrg()).isNull();
        assertThat(view.allowSupportAccess()).isFalse();
        assertThat(view.created()).isEqualTo(5);
        assertThat(view.modified()).isEqualTo(5);
    }

    @Test
    void everyChangeSetsModifiedAndLeavesCreated() {
        TreView view = then(draft(), new TreAdminsAddedEvent(TRE, List.of(BOB)), 7_000);
        assertThat(view.modified()).isEqualTo(7_000);
        assertThat(view.created()).isEqualTo(1_000);
    }

    @Test
    void theViewBeforeIsNeverChanged() {
        TreView draft = draft();
        TreView copy = draft();
        then(draft, inventorySet("1.0.0", false), 2_000);
        then(draft, new TreAdminsAddedEvent(TRE, List.of(BOB)), 2_000);
        then(draft, new ApplicationReviewStepAddedEvent(TRE, "ethics", "Ethics", ""), 2_000);
        then(draft, new TreSideEffectFailedEvent(TRE, "grants", "down"), 2_000);
        assertThat(draft).isEqualTo(copy);
        assertThatThrownBy(() -> draft.treAdmins().add(BOB)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aChangeBeforeTheCreationOrASecondCreationIsAnError() {
        assertThatThrownBy(() -> TreFold.apply(null, new TreDeactivatedEvent(TRE), at(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TreFold.apply(draft(), created(TRE, ALICE), at(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventTheViewDoesNotShowIsRefusedAndNotFolded() {
        TreProjectAuthorizedEvent project = new TreProjectAuthorizedEvent(TRE, "project-x", "x", null, null, List.of(),
                Map.of(), "org-bill", "aws:us-east-1", Map.of(), BOB);
        assertThat(TreFold.folds(project)).isFalse();
        assertThatThrownBy(() -> TreFold.apply(draft(), project, at(1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A handler without a rule of change, or a rule no handler uses, would part the tables from the replay. */
    @Test
    void theProjectionHandlesExactlyTheEventsTheFoldFolds() {
        Set<Class<?>> handled = Arrays.stream(TreProjection.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(method -> (Class<?>) method.getParameterTypes()[0])
                .collect(Collectors.toSet());
        assertThat(handled).hasSize(22).containsExactlyInAnyOrderElementsOf(TreFold.eventTypes());
        for (Method method : TreProjection.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(EventHandler.class)) {
                assertThat(method.getParameterCount()).as(method.toString()).isEqualTo(2);
            }
        }
    }

    @Nested
    class Update {

        @Test
        void changesTheFieldsItNamesAndNoOther() {
            TreView before = after(created(TRE, ALICE),
                    new TreUpdatedEvent(TRE, null, null, null, null, null, true, ORG, true, null, null));
            TreView view = then(before, new TreUpdatedEvent(TRE, "Renamed", null, "Shorter", null, "aws:eu-west-2",
                    false, null, null, false, true), 9_000);

            assertThat(view.name()).isEqualTo("Renamed");
            assertThat(view.summary()).isEqualTo("Shorter");
            assertThat(view.region()).isEqualTo("aws:eu-west-2");
            assertThat(view.customizedRateCard()).isFalse();
            assertThat(view.customizedURL()).isTrue();
            assertThat(view.description()).isEqualTo("All of it");
            assertThat(view.billTo()).isEqualTo("org-bill");
            assertThat(view.supportOrg()).isEqualTo(ORG);
            assertThat(view.allowSupportAccess()).isTrue();
        }

        @Test
        void clearsTheSupportOrgOnlyWhenItSaysItChanged() {
            TreView withSupport = after(created(TRE, ALICE),
                    new TreUpdatedEvent(TRE, null, null, null, null, null, true, ORG, null, null, null));
            TreView kept = then(withSupport,
                    new TreUpdatedEvent(TRE, "Renamed", null, null, null, null, false, null, null, null, null), 3_000);
            TreView cleared = then(withSupport,
                    new TreUpdatedEvent(TRE, null, null, null, null, null, true, null, false, null, null), 3_000);

            assertThat(kept.supportOrg()).isEqualTo(ORG);
            assertThat(cleared.supportOrg()).isNull();
            assertThat(cleared.allowSupportAccess()).isFalse();
        }
    }

    /** DECISIONS.md §6: pending, active and inactive versions across setInventory, activate and deactivate. */
    @Nested
    class InventoryVersions {

        @Test
        void aSetInventoryIsPendingNotYetActivatedWithEmptyLinksKeptEmpty() {
            TreView view = then(draft(), inventorySet("1.0.0", false), 4_000);

            InventoryDetail detail = view.inventoryDetails().get(0);
            assertThat(detail.version()).isEqualTo("1.0.0");
            assertThat(detail.state()).isEqualTo(VersionState.pending);
            assertThat(detail.activated()).isNull();
            assertThat(detail.created()).isEqualTo(4_000);
            assertThat(detail.file()).isEqualTo(new ObjectLink(DATA_PROJECT, "file-1.0.0"));
            assertThat(detail.dataset()).isEqualTo(ObjectLink.EMPTY);
            assertThat(detail.showcase()).isEqualTo(new ObjectLink(SHOWCASE_PROJECT, "record-1.0.0"));
            assertThat(detail.dataTypeGroups()).isNull();
            assertThat(detail.assays()).singleElement().satisfies(assay -> {
                assertThat(assay.project()).isEqualTo(ASSAY_PROJECT);
                assertThat(assay.assayPidMapDatabase()).isEqualTo("pids");
            });
            assertThat(view.pendingInventory()).contains(detail);
            assertThat(view.activeInventory()).isEmpty();
        }

        @Test
        void inDraftEachSetInventoryReplacesThePendingOne() {
            TreView view = after(created(TRE, ALICE), inventorySet("1.0.0", false), inventorySet("2.0.0", true));
            assertThat(versionsAndStates(view)).containsExactly("2.0.0 pending");
        }

        @Test
        void activationMakesThePendingInventoryActiveAsOfTheActivation() {
            TreView pending = after(created(TRE, ALICE), inventorySet("1.0.0", false));
            TreView view = then(pending, activated("1.0.0", null), 8_000);

            assertThat(view.state()).isEqualTo(TreState.active);
            assertThat(versionsAndStates(view)).containsExactly("1.0.0 active");
            InventoryDetail active = view.activeInventory().orElseThrow();
            assertThat(active.activated()).isEqualTo(8_000);
            assertThat(active.created()).isEqualTo(2_000);
            assertThat(view.pendingInventory()).isEmpty();
        }

        @Test
        void deactivationAmendsAndLeavesTheInventoriesAsTheyAre() {
            TreView active = after(created(TRE, ALICE), inventorySet("1.0.0", false), activated("1.0.0", null));
            TreView view = then(active, new TreDeactivatedEvent(TRE), 9_000);

            assertThat(view.state()).isEqualTo(TreState.amending);
            assertThat(view.inventoryDetails()).isEqualTo(active.inventoryDetails());
        }

        @Test
        void inAmendingANewPendingInventoryComesFirstAndTheActiveOneStays() {
            TreView view = after(created(TRE, ALICE), inventorySet("1.0.0", false), activated("1.0.0", null),
                    new TreDeactivatedEvent(TRE), inventorySet("1.1.0", false));
            assertThat(versionsAndStates(view)).containsExactly("1.1.0 pending", "1.0.0 active");
            assertThat(view.activeInventory().orElseThrow().version()).isEqualTo("1.0.0");

            TreView replaced = then(view, inventorySet("1.2.0", true), 9_000);
            assertThat(versionsAndStates(replaced)).containsExactly("1.2.0 pending", "1.0.0 active");
        }

        @Test
        void activatingANewVersionMakesTheOldOneInactiveAndKeepsWhenItWasActivated() {
            TreView view = after(created(TRE, ALICE), inventorySet("1.0.0", false), activated("1.0.0", null),
                    new TreDeactivatedEvent(TRE), inventorySet("1.1.0", false), activated("1.1.0", "1.0.0"));

            assertThat(view.state()).isEqualTo(TreState.active);
            assertThat(versionsAndStates(view)).containsExactly("1.1.0 active", "1.0.0 inactive");
            assertThat(view.inventoryDetails().get(0).activated()).isEqualTo(6_000);
            assertThat(view.inventoryDetails().get(1).activated()).isEqualTo(3_000);
            assertThat(view.activeInventory().orElseThrow().version()).isEqualTo("1.1.0");
        }

        @Test
        void activatingFromAmendingWithNothingPendingKeepsTheActiveInventory() {
            TreView view = after(created(TRE, ALICE), inventorySet("1.0.0", false), activated("1.0.0", null),
                    new TreDeactivatedEvent(TRE), activated(null, null));

            assertThat(view.state()).isEqualTo(TreState.active);
            assertThat(versionsAndStates(view)).containsExactly("1.0.0 active");
            assertThat(view.activeInventory().orElseThrow().activated()).isEqualTo(3_000);
        }

        @Test
        void inactiveVersionsStayInactiveThroughLaterActivations() {
            TreView view = after(created(TRE, ALICE), inventorySet("1.0.0", false), activated("1.0.0", null),
                    new TreDeactivatedEvent(TRE), inventorySet("1.1.0", false), activated("1.1.0", "1.0.0"),
                    new TreDeactivatedEvent(TRE), inventorySet("1.2.0", false), activated("1.2.0", "1.1.0"));
            assertThat(versionsAndStates(view)).containsExactly("1.2.0 active", "1.1.0 inactive", "1.0.0 inactive");
        }

        @Test
        void theActiveInventoryNamesItsProjects() {
            TreView view = after(created(TRE, ALICE), inventorySet("1.0.0", false), activated("1.0.0", null));
            assertThat(view.activeInventory().orElseThrow().projects()).containsExactly(DATA_PROJECT,
                    SHOWCASE_PROJECT, ASSAY_PROJECT, TreEventsFixture.ASSAY_WORKING_PROJECT);
        }
    }

    @Test
    void deletionLeavesADeletedView() {
        TreView view = after(created(TRE, ALICE), new TreDeletedEvent(TRE, List.of(ALICE)));
        assertThat(view.state()).isEqualTo(TreState.deleted);
        assertThat(view.treAdmins()).containsExactly(ALICE);
    }

    @Test
    void policiesTakeWhatTheEventSetsAndKeepWhatItOmits() {
        Map<String, Boolean> first = new LinkedHashMap<>();
        first.put("restricted", true);
        first.put("protected", false);
        first.put("containsPHI", true);
        Map<String, Boolean> second = new LinkedHashMap<>();
        second.put("protected", null);
        second.put("jobOutboundInternet", false);
        TreView view = after(created(TRE, ALICE), new TrePoliciesSetEvent(TRE, first, first),
                new TrePoliciesSetEvent(TRE, second, second));

        assertThat(view.policies()).isEqualTo(new WorkspacePolicies(true, null, null, null, null, null, true, null,
                false, null));
    }

    @Test
    void adminsAreAddedAndRemoved() {
        TreView view = after(created(TRE, ALICE), new TreAdminsAddedEvent(TRE, List.of(BOB, CAROL)),
                new TreAdminsRemovedEvent(TRE, List.of(ALICE)));
        assertThat(view.treAdmins()).containsExactly(BOB, CAROL);
    }

    @Test
    void authorizedUsersAreTheListTheLastEventGives() {
        TreView view = after(created(TRE, ALICE),
                new AuthorizedUsersAddedEvent(TRE, List.of(BOB, ORG), List.of(BOB, ORG)),
                new AuthorizedUsersAddedEvent(TRE, List.of("PUBLIC"), List.of("PUBLIC")));
        assertThat(view.authorizedUsers()).containsExactly("PUBLIC");
        assertThat(view.listsPublic()).isTrue();

        TreView removed = then(view, new AuthorizedUsersRemovedEvent(TRE, List.of("PUBLIC"), List.of()), 9_000);
        assertThat(removed.authorizedUsers()).isEmpty();
        assertThat(removed.listsPublic()).isFalse();
    }

    @Nested
    class ReviewSteps {

        @Test
        void aNewStepHasNoReviewers() {
            TreView view = after(created(TRE, ALICE), new ApplicationReviewStepAddedEvent(TRE, "ethics", "Ethics",
                    "Ethics board"));
            assertThat(view.applicationReviewSteps()).containsExactly(
                    Map.entry("ethics", new ReviewStep("Ethics", "Ethics board", List.of())));
        }

        @Test
        void anUpdateChangesWhatItNamesAndKeepsTheReviewers() {
            TreView view = after(created(TRE, ALICE),
                    new ApplicationReviewStepAddedEvent(TRE, "ethics", "Ethics", "Ethics board"),
                    new ApplicationReviewersAddedEvent(TRE, "ethics", List.of(BOB)),
                    new ApplicationReviewStepUpdatedEvent(TRE, "ethics", null, "The board"));
            assertThat(view.applicationReviewSteps().get("ethics"))
                    .isEqualTo(new ReviewStep("Ethics", "The board", List.of(BOB)));
        }

        @Test
        void reviewersAreAddedAndRemovedPerStepAndCountOnceAcrossSteps() {
            TreView view = after(created(TRE, ALICE),
                    new ApplicationReviewStepAddedEvent(TRE, "ethics", "Ethics", ""),
                    new ApplicationReviewStepAddedEvent(TRE, "data", "Data", ""),
                    new ApplicationReviewersAddedEvent(TRE, "ethics", List.of(BOB, CAROL)),
                    new ApplicationReviewersAddedEvent(TRE, "data", List.of(BOB)),
                    new ApplicationReviewersRemovedEvent(TRE, "ethics", List.of(BOB)));

            assertThat(view.applicationReviewSteps().get("ethics").reviewers()).containsExactly(CAROL);
            assertThat(view.applicationReviewSteps().get("data").reviewers()).containsExactly(BOB);
            assertThat(view.reviewers()).containsExactly(CAROL, BOB);
            assertThat(view.applicationReviewSteps().keySet()).containsExactly("ethics", "data");
        }

        @Test
        void aRemovedStepTakesItsReviewersWithIt() {
            TreView view = after(created(TRE, ALICE),
                    new ApplicationReviewStepAddedEvent(TRE, "ethics", "Ethics", ""),
                    new ApplicationReviewersAddedEvent(TRE, "ethics", List.of(BOB)),
                    new ApplicationReviewStepRemovedEvent(TRE, "ethics", List.of(BOB)));
            assertThat(view.applicationReviewSteps()).isEmpty();
            assertThat(view.reviewers()).isEmpty();
        }

        @Test
        void aChangeOfAStepTheViewDoesNotHaveIsAnError() {
            assertThatThrownBy(() -> then(draft(), new ApplicationReviewersAddedEvent(TRE, "nosuch", List.of(BOB)),
                    2_000)).isInstanceOf(IllegalStateException.class).hasMessageContaining("nosuch");
        }
    }

    @Test
    void policySynchronizationIsSyncingWithItsPendingCountUntilItFinishes() {
        TreView started = after(created(TRE, ALICE),
                new TrePolicySyncStartedEvent(TRE, "sync-1", Map.of(), 5));
        assertThat(started.policySync()).isEqualTo(new PolicySync(PolicySyncState.syncing, 5));

        TreView progressed = then(started, new TrePolicySyncProgressedEvent(TRE, "sync-1", "project-c", 2), 3_000);
        assertThat(progressed.policySync()).isEqualTo(new PolicySync(PolicySyncState.syncing, 2));

        TreView finished = then(progressed, new TrePolicySyncFinishedEvent(TRE, "sync-1"), 4_000);
        assertThat(finished.policySync()).isEqualTo(PolicySync.IDLE);
    }

    @Test
    void anAbandonedPolicySynchronizationIsIdle() {
        TreView started = after(created(TRE, ALICE),
                new TrePolicySyncStartedEvent(TRE, "sync-1", Map.of(), 5));
        TreView abandoned = then(started, new TrePolicySyncAbandonedEvent(TRE, "sync-1"), 3_000);
        assertThat(abandoned.policySync()).isEqualTo(PolicySync.IDLE);
    }

    @Test
    void provisioningNamesTheRobotTheWorkingProjectAndTheQueue() {
        TreView view = after(created(TRE, ALICE),
                new TreProvisionedEvent(TRE, "user-tre_genomics_robot", "project-work", "queue-1"));
        assertThat(view.robotUser()).isEqualTo("user-tre_genomics_robot");
        assertThat(view.workingProject()).isEqualTo("project-work");
        assertThat(view.dispensalQueue()).isEqualTo("queue-1");
    }

    @Test
    void sideEffectFailuresAccumulateWithTheirTimes() {
        TreView view = after(created(TRE, ALICE), new TreSideEffectFailedEvent(TRE, "grants", "directory down"),
                new TreSideEffectFailedEvent(TRE, "provisioning", "no quota"));
        assertThat(view.sideEffectFailures()).containsExactly(
                new SideEffectFailure("grants", "directory down", 2_000),
                new SideEffectFailure("provisioning", "no quota", 3_000));
    }
}
