package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.error.ErrorType;
import org.tre.messages.tre.Policies;
import org.tre.messages.tre.TreCommands.AbandonPolicySyncCommand;
import org.tre.messages.tre.TreCommands.RecordPolicySyncProgressCommand;
import org.tre.messages.tre.TreCommands.SetPoliciesCommand;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreEvents.TrePoliciesSetEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncAbandonedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncFinishedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncProgressedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncStartedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncSupersededEvent;
import org.tre.messages.tre.TreEvents.TreSideEffectFailedEvent;
import org.tre.tre.support.InMemoryTreDirectory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.tre.tre.support.TreMatchers.dxError;
import static org.tre.tre.support.TreWorld.*;

/**
 * The synchronization of policy changes to a TRE's projects (§7). Who may have a TRE project is the
 * data access request's rule now (DECISIONS.md §15, RequestProjectsTest).
 */
class TreProjectsTest {

    private static final String PROJECT = "project-new";

    private FixtureConfiguration<Tre> fixture;
    private InMemoryTreDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        directory = directory();
        fixture.registerInjectableResource(directory);
    }

    private static List<Object> active(Object... more) {
        List<Object> events = new ArrayList<>(readyDraft());
        events.add(new AuthorizedUsersAddedEvent(TRE, List.of("org-partner"), List.of("org-partner")));
        events.add(policiesSet(Policies.none(), Map.of("restricted", true)));
        events.add(activated("1.0.0", null));
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void aPolicyChangeOnATreWithProjectsStartsASynchronization() {
        directory.treProjects(TRE, 3);
        Map<String, Boolean> after = new LinkedHashMap<>(Policies.none());
        after.put("restricted", true);
        after.put("downloadRestricted", true);
        fixture.given(active())
                .when(new SetPoliciesCommand(TRE, Map.of("downloadRestricted", true), as(ALICE)))
                .expectEvents(new TrePoliciesSetEvent(TRE, Map.of("downloadRestricted", true), after),
                        new TrePolicySyncStartedEvent(TRE, TRE + "-sync-1", after, 3));
    }

    @Test
    void aPolicyCallThatChangesNothingStartsNoSynchronization() {
        directory.treProjects(TRE, 3);
        Map<String, Boolean> after = new LinkedHashMap<>(Policies.none());
        after.put("restricted", true);
        fixture.given(active())
                .when(new SetPoliciesCommand(TRE, Map.of("restricted", true), as(ALICE)))
                .expectEvents(new TrePoliciesSetEvent(TRE, Map.of(), after));
    }

    @Test
    void progressCountsDownThePendingProjects() {
        fixture.given(active(new TrePolicySyncStartedEvent(TRE, TRE + "-sync-1", Policies.none(), 3)))
                .when(new RecordPolicySyncProgressCommand(TRE, TRE + "-sync-1", "project-b", 2, false))
                .expectResultMessagePayload(true)
                .expectEvents(new TrePolicySyncProgressedEvent(TRE, TRE + "-sync-1", "project-b", 1));
    }

    @Test
    void theLastProgressFinishesTheSynchronization() {
        fixture.given(active(new TrePolicySyncStartedEvent(TRE, TRE + "-sync-1", Policies.none(), 3)))
                .when(new RecordPolicySyncProgressCommand(TRE, TRE + "-sync-1", "project-c", 3, true))
                .expectEvents(new TrePolicySyncFinishedEvent(TRE, TRE + "-sync-1"));
    }

    @Test
    void progressOfASupersededSynchronizationIsIgnored() {
        fixture.given(active(new TrePolicySyncStartedEvent(TRE, TRE + "-sync-1", Policies.none(), 3),
                        new TrePolicySyncStartedEvent(TRE, TRE + "-sync-2", Policies.none(), 3)))
                .when(new RecordPolicySyncProgressCommand(TRE, TRE + "-sync-1", "project-c", 3, true))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aNewerPolicyChangeSupersedesTheRunningSynchronization() {
        directory.treProjects(TRE, 3);
        Map<String, Boolean> after = new LinkedHashMap<>(Policies.none());
        after.put("restricted", true);
        after.put("downloadRestricted", true);
        fixture.given(active(new TrePolicySyncStartedEvent(TRE, TRE + "-sync-1", Policies.none(), 3)))
                .when(new SetPoliciesCommand(TRE, Map.of("downloadRestricted", true), as(ALICE)))
                .expectEvents(new TrePoliciesSetEvent(TRE, Map.of("downloadRestricted", true), after),
                        new TrePolicySyncSupersededEvent(TRE, TRE + "-sync-1"),
                        new TrePolicySyncStartedEvent(TRE, TRE + "-sync-2", after, 3));
    }

    @Test
    void aSynchronizationGivenUpIsRecorded() {
        fixture.given(active(new TrePolicySyncStartedEvent(TRE, TRE + "-sync-1", Policies.none(), 3)))
                .when(new AbandonPolicySyncCommand(TRE, TRE + "-sync-1", "Stopped after 2 of 3 projects"))
                .expectResultMessagePayload(true)
                .expectEvents(new TreSideEffectFailedEvent(TRE, "synchronize its policies to its projects",
                                "Stopped after 2 of 3 projects"),
                        new TrePolicySyncAbandonedEvent(TRE, TRE + "-sync-1"));
    }

    @Test
    void onlyTheRunningSynchronizationCanBeGivenUp() {
        fixture.given(active(new TrePolicySyncStartedEvent(TRE, TRE + "-sync-1", Policies.none(), 3),
                        new TrePolicySyncFinishedEvent(TRE, TRE + "-sync-1")))
                .when(new AbandonPolicySyncCommand(TRE, TRE + "-sync-1", "late"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void afterAGivenUpSynchronizationTheNextPolicyCallSynchronizesAgainEvenUnchanged() {
        directory.treProjects(TRE, 3);
        Map<String, Boolean> after = new LinkedHashMap<>(Policies.none());
        after.put("restricted", true);
        fixture.given(active(new TrePolicySyncStartedEvent(TRE, TRE + "-sync-1", after, 3),
                        new TrePolicySyncAbandonedEvent(TRE, TRE + "-sync-1")))
                .when(new SetPoliciesCommand(TRE, Map.of("restricted", true), as(ALICE)))
                .expectEvents(new TrePoliciesSetEvent(TRE, Map.of(), after),
                        new TrePolicySyncStartedEvent(TRE, TRE + "-sync-2", after, 3));
    }
}
