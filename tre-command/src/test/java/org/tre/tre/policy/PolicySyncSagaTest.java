package org.tre.tre.policy;

import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.project.ProjectCommands.EnforceTreProjectFlagsCommand;
import org.tre.messages.project.ProjectQueries.FindTreProjectsQuery;
import org.tre.messages.tre.Policies;
import org.tre.messages.tre.TreCommands.RecordPolicySyncProgressCommand;
import org.tre.messages.tre.TreEvents.TrePolicySyncFinishedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncProgressedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncStartedEvent;

import java.util.List;
import java.util.Map;

/** Each path of the policy synchronization saga, batch by batch, on Axon's saga fixture. */
class PolicySyncSagaTest {

    private static final String TRE = "tre-genomics";
    private static final String SYNC = TRE + "-sync-1";
    private static final List<String> PROJECTS = List.of("project-a", "project-b", "project-c");
    private static final Map<String, Boolean> POLICIES = Policies.none();

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
        fixture.setCallbackBehavior((payload, metaData) -> payload instanceof RecordPolicySyncProgressCommand ? true
                : null);
    }

    @Test
    void theFirstBatchSetsTheFirstProjectsAndRecordsProgress() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new TrePolicySyncStartedEvent(TRE, SYNC, POLICIES, 3))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new EnforceTreProjectFlagsCommand("project-a", POLICIES),
                        new EnforceTreProjectFlagsCommand("project-b", POLICIES),
                        new RecordPolicySyncProgressCommand(TRE, SYNC, "project-b", 2, false));
    }

    @Test
    void theLastShortBatchFinishesTheSynchronization() {
        fixture.givenAPublished(new TrePolicySyncStartedEvent(TRE, SYNC, POLICIES, 3))
                .whenPublishingA(new TrePolicySyncProgressedEvent(TRE, SYNC, "project-b", 1))
                .expectDispatchedCommands(new EnforceTreProjectFlagsCommand("project-c", POLICIES),
                        new RecordPolicySyncProgressCommand(TRE, SYNC, "project-c", 3, true));
    }

    @Test
    void theSagaEndsWhenTheSynchronizationFinished() {
        fixture.givenAPublished(new TrePolicySyncStartedEvent(TRE, SYNC, POLICIES, 3))
                .whenPublishingA(new TrePolicySyncFinishedEvent(TRE, SYNC))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aSupersededSynchronizationStopsItsSaga() {
        fixture.setCallbackBehavior((payload, metaData) -> payload instanceof RecordPolicySyncProgressCommand ? false
                : null);
        fixture.givenNoPriorActivity()
                .whenPublishingA(new TrePolicySyncStartedEvent(TRE, SYNC, POLICIES, 3))
                .expectActiveSagas(0);
    }
}
