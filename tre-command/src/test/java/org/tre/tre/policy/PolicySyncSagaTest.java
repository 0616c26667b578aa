package org.tre.tre.policy;

import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectCommands.EnforceTreProjectFlagsCommand;
import org.tre.messages.project.ProjectQueries.FindTreProjectsQuery;
import org.tre.messages.tre.Policies;
import org.tre.messages.tre.TreCommands.AbandonPolicySyncCommand;
import org.tre.messages.tre.TreCommands.RecordPolicySyncProgressCommand;
import org.tre.messages.tre.TreEvents.TrePolicySyncAbandonedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncFinishedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncProgressedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncStartedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncSupersededEvent;
import org.tre.tre.provisioning.SideEffectRetry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Each path of the policy synchronization saga, batch by batch and deadline by deadline, on Axon's saga fixture. */
class PolicySyncSagaTest {

    private static final String TRE = "tre-genomics";
    private static final String SYNC = TRE + "-sync-1";
    private static final List<String> PROJECTS = List.of("project-a", "project-b", "project-c");
    private static final Map<String, Boolean> POLICIES = Policies.none();
    private static final Duration FIRST_DELAY = Duration.ofSeconds(30);

    private SagaTestFixture<PolicySyncSaga> fixture;

    @BeforeEach
    void setUp() {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queryBus.subscribe(FindTreProjectsQuery.class.getName(), String.class, query -> {
            FindTreProjectsQuery q = (FindTreProjectsQuery) query.getPayload();
            return PROJECTS.stream().filter(p -> q.after() == null || p.compareTo(q.after()) > 0).limit(q.limit())
                    .toList();
        });
        fixture = new SagaTestFixture<>(PolicySyncSaga.class);
        fixture.registerResource(DefaultQueryGateway.builder().queryBus(queryBus).build());
        fixture.registerResource(new PolicySyncBatch(2));
        // Two attempts per batch: sent, sent again at the first deadline, given up at the second.
        fixture.registerResource(new SideEffectRetry(FIRST_DELAY, 2));
        fixture.setCallbackBehavior((payload, metaData) -> payload instanceof RecordPolicySyncProgressCommand ? true
                : null);
    }

    private static TrePolicySyncStartedEvent started() {
        return new TrePolicySyncStartedEvent(TRE, SYNC, POLICIES, 3);
    }

    /** project-b refuses as long as the counter is positive, one refusal per attempt. */
    private void projectBFails(AtomicInteger times) {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof EnforceTreProjectFlagsCommand enforce && enforce.projectId().equals("project-b")
                    && times.getAndDecrement() > 0) {
                throw DxException.invalidState("A concurrent request changed the same entity; nothing was changed");
            }
            return payload instanceof RecordPolicySyncProgressCommand ? true : null;
        });
    }

    @Test
    void theFirstBatchSetsTheFirstProjectsAndRecordsProgressByItsDeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(FIRST_DELAY, PolicySyncSaga.BATCH_DUE)
                .expectDispatchedCommands(new EnforceTreProjectFlagsCommand("project-a", POLICIES),
                        new EnforceTreProjectFlagsCommand("project-b", POLICIES),
                        new RecordPolicySyncProgressCommand(TRE, SYNC, "project-b", 2, false));
    }

    @Test
    void theLastShortBatchFinishesTheSynchronization() {
        fixture.givenAPublished(started())
                .whenPublishingA(new TrePolicySyncProgressedEvent(TRE, SYNC, "project-b", 1))
                .expectDispatchedCommands(new EnforceTreProjectFlagsCommand("project-c", POLICIES),
                        new RecordPolicySyncProgressCommand(TRE, SYNC, "project-c", 3, true));
    }

    @Test
    void theSagaEndsWhenTheSynchronizationFinished() {
        fixture.givenAPublished(started())
                .whenPublishingA(new TrePolicySyncFinishedEvent(TRE, SYNC))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void aSupersededSynchronizationStopsItsSaga() {
        fixture.givenAPublished(started())
                .whenPublishingA(new TrePolicySyncSupersededEvent(TRE, SYNC))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void aFailedBatchRecordsNoProgress() {
        projectBFails(new AtomicInteger(1));
        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new EnforceTreProjectFlagsCommand("project-a", POLICIES),
                        new EnforceTreProjectFlagsCommand("project-b", POLICIES));
    }

    @Test
    void aBatchWithoutProgressAtItsDeadlineIsSentAgain() {
        projectBFails(new AtomicInteger(1));
        fixture.givenAPublished(started())
                .whenTimeElapses(FIRST_DELAY.plusSeconds(1))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new EnforceTreProjectFlagsCommand("project-a", POLICIES),
                        new EnforceTreProjectFlagsCommand("project-b", POLICIES),
                        new RecordPolicySyncProgressCommand(TRE, SYNC, "project-b", 2, false))
                // The retry's deadline doubles, counted from the deadline that passed a second ago.
                .expectScheduledDeadlineWithName(FIRST_DELAY.multipliedBy(2).minusSeconds(1),
                        PolicySyncSaga.BATCH_DUE);
    }

    @Test
    void aBatchThatKeepsFailingGivesTheSynchronizationUpAndTheTreRecordsIt() throws Exception {
        projectBFails(new AtomicInteger(Integer.MAX_VALUE));
        fixture.givenAPublished(started())
                .andThenTimeElapses(FIRST_DELAY.plusSeconds(1))
                .whenTimeElapses(FIRST_DELAY.multipliedBy(2))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new AbandonPolicySyncCommand(TRE, SYNC,
                        "Stopped after 0 of 3 projects: a batch did not finish after 2 attempts"));
    }

    @Test
    void progressAfterABatchResetsItsAttempts() throws Exception {
        projectBFails(new AtomicInteger(1));
        fixture.givenAPublished(started())
                .andThenTimeElapses(FIRST_DELAY.plusSeconds(1))
                .andThenAPublished(new TrePolicySyncProgressedEvent(TRE, SYNC, "project-b", 1))
                .whenTimeElapses(FIRST_DELAY.plusSeconds(1))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new EnforceTreProjectFlagsCommand("project-c", POLICIES),
                        new RecordPolicySyncProgressCommand(TRE, SYNC, "project-c", 3, true));
    }

    @Test
    void theRecordedAbandonmentEndsTheSaga() {
        fixture.givenAPublished(started())
                .whenPublishingA(new TrePolicySyncAbandonedEvent(TRE, SYNC))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aGivenUpSynchronizationTheTreNeverRecordedEndsAtTheNextDeadline() throws Exception {
        projectBFails(new AtomicInteger(Integer.MAX_VALUE));
        fixture.givenAPublished(started())
                .andThenTimeElapses(FIRST_DELAY.plusSeconds(1))
                .andThenTimeElapses(FIRST_DELAY.multipliedBy(2))
                .whenTimeElapses(FIRST_DELAY.plusSeconds(1))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }
}
