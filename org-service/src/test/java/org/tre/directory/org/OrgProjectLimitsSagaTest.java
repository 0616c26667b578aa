package org.tre.directory.org;

import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.directory.workflow.WorkflowTimeouts;
import org.tre.messages.error.DxException;
import org.tre.messages.org.OrgCommands.CompleteOrgProjectLimitsUpdateCommand;
import org.tre.messages.org.OrgEvents.OrgProjectLimitsUpdateStartedEvent;
import org.tre.messages.org.OrgEvents.OrgProjectLimitsUpdatedEvent;
import org.tre.messages.project.ProjectCommands.SetProjectSpendingLimitsCommand;
import org.tre.messages.project.SpendingLimitsChange;

import java.time.Duration;
import java.util.List;

/** Each path of a bulk update of project limits, on Axon's saga fixture. */
class OrgProjectLimitsSagaTest {

    private static final String ORG = "org-acme";
    private static final String UPDATE = "orgProjectLimits-0123456789BFGJKPQVXYZbfg";
    private static final String ALICE = "user-alice";
    private static final String P1 = "project-000000000000000000000001";
    private static final String P2 = "project-000000000000000000000002";
    private static final SpendingLimitsChange CHANGE = new SpendingLimitsChange(true, 100L, false, null, false, null);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private SagaTestFixture<OrgProjectLimitsSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrgProjectLimitsSaga.class);
        fixture.registerResource(new WorkflowTimeouts(DEADLINE));
    }

    private static OrgProjectLimitsUpdateStartedEvent started() {
        return new OrgProjectLimitsUpdateStartedEvent(ORG, UPDATE, List.of(P1, P2), CHANGE, ALICE);
    }

    @Test
    void everyProjectIsSetAndTheOrgHearsTheCountAtOnce() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DEADLINE, OrgProjectLimitsSaga.DEADLINE)
                .expectDispatchedCommands(new SetProjectSpendingLimitsCommand(P1, ORG, CHANGE, ALICE),
                        new SetProjectSpendingLimitsCommand(P2, ORG, CHANGE, ALICE),
                        new CompleteOrgProjectLimitsUpdateCommand(ORG, UPDATE, 2, List.of()));
    }

    @Test
    void aProjectMovedAwayMeanwhileIsNotCountedAndTheServicesFailureIsUnfinished() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof SetProjectSpendingLimitsCommand set && set.projectId().equals(P1)) {
                throw DxException.invalidInput("The project is not billed to " + ORG);
            }
            if (payload instanceof SetProjectSpendingLimitsCommand) {
                throw new IllegalStateException("database away");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectDispatchedCommands(new SetProjectSpendingLimitsCommand(P1, ORG, CHANGE, ALICE),
                        new SetProjectSpendingLimitsCommand(P2, ORG, CHANGE, ALICE),
                        new CompleteOrgProjectLimitsUpdateCommand(ORG, UPDATE, 0, List.of(P2)));
    }

    @Test
    void theRecordedUpdateEndsTheSagaAndItsDeadline() {
        fixture.givenAPublished(started())
                .whenPublishingA(new OrgProjectLimitsUpdatedEvent(ORG, UPDATE, 2, List.of()))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void theFirstDeadlineSetsEveryProjectAgain() {
        fixture.givenAPublished(started())
                .whenTimeElapses(DEADLINE.plusSeconds(1))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new SetProjectSpendingLimitsCommand(P1, ORG, CHANGE, ALICE),
                        new SetProjectSpendingLimitsCommand(P2, ORG, CHANGE, ALICE),
                        new CompleteOrgProjectLimitsUpdateCommand(ORG, UPDATE, 2, List.of()));
    }

    @Test
    void theSecondDeadlineRecordsEveryProjectUnfinished() throws Exception {
        fixture.givenAPublished(started())
                .andThenTimeElapses(DEADLINE)
                .whenTimeElapses(DEADLINE)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DEADLINE, OrgProjectLimitsSaga.DEADLINE)
                .expectDispatchedCommands(new CompleteOrgProjectLimitsUpdateCommand(ORG, UPDATE, 0, List.of(P1, P2)));
    }

    @Test
    void anUpdateGivenUpThatTheOrgNeverRecordedEndsAtTheThirdDeadline() throws Exception {
        fixture.givenAPublished(started())
                .andThenTimeElapses(DEADLINE)
                .andThenTimeElapses(DEADLINE)
                .whenTimeElapses(DEADLINE)
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }
}
