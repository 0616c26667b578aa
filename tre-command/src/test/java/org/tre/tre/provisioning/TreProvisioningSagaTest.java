package org.tre.tre.provisioning;

import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectCommands.CreateTreWorkingProjectCommand;
import org.tre.messages.project.ProjectQueries.FindProjectQuery;
import org.tre.messages.project.ProjectQueries.ProjectFacts;
import org.tre.messages.tre.DispensalQueueMessages.CreateDispensalQueueCommand;
import org.tre.messages.tre.TreCommands.RecordTreProvisioningCommand;
import org.tre.messages.tre.TreCommands.RecordTreSideEffectFailureCommand;
import org.tre.messages.tre.TreEvents.TreActivatedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.user.Operator;
import org.tre.messages.user.UserCommands.CreateUserCommand;
import org.tre.messages.user.UserKind;
import org.tre.messages.user.UserQueries.FindUserQuery;
import org.tre.messages.user.UserQueries.UserView;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each path of the provisioning saga, on Axon's saga fixture with a real query bus. */
class TreProvisioningSagaTest {

    private static final String TRE = "tre-genomics";
    // Written out, not derived: a change to how the ids are derived would orphan what existing TREs
    // were provisioned with, and must fail here.
    private static final String ROBOT = "user-tre_genomics_robot";
    private static final String PROJECT = "project-vxk5JQ3qfVyyG6GGkppVxG7Q";
    private static final String QUEUE = "dispensalQueue-X0ypZ1b1px1fk5gb2xfKXZgp";

    private SagaTestFixture<TreProvisioningSaga> fixture;
    /** What the directory already holds, as its query handlers answer. */
    private final Set<String> existing = new HashSet<>();

    @BeforeEach
    void setUp() {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queryBus.subscribe(FindUserQuery.class.getName(), UserView.class, query -> {
            String userId = ((FindUserQuery) query.getPayload()).userId();
            return existing.contains(userId)
                    ? new UserView(userId, "robot", null, null, null, null, UserKind.ROBOT, 0) : null;
        });
        queryBus.subscribe(FindProjectQuery.class.getName(), ProjectFacts.class, query -> {
            String projectId = ((FindProjectQuery) query.getPayload()).projectId();
            return existing.contains(projectId)
                    ? new ProjectFacts(projectId, "working", "org-acme", "aws:us-east-1", Map.of(), null, 0, false,
                    Set.of(ROBOT)) : null;
        });
        QueryGateway queries = DefaultQueryGateway.builder().queryBus(queryBus).build();
        fixture = new SagaTestFixture<>(TreProvisioningSaga.class);
        fixture.registerResource(queries);
        fixture.registerResource(new SideEffectRetry(Duration.ofSeconds(30), 2));
    }

    private static TreActivatedEvent activated() {
        return new TreActivatedEvent(TRE, "1.0.0", null, "org-acme", "aws:us-east-1");
    }

    @Test
    void theFirstActivationProvisionsTheRobotTheWorkingProjectAndTheQueue() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(activated())
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new CreateUserCommand(ROBOT, "tre_genomics_robot", null, null, null, null, UserKind.ROBOT,
                                Operator.USER_ID, null),
                        new CreateTreWorkingProjectCommand(PROJECT, TRE, "org-acme", "aws:us-east-1", ROBOT),
                        new CreateDispensalQueueCommand(QUEUE, TRE),
                        new RecordTreProvisioningCommand(TRE, ROBOT, PROJECT, QUEUE));
    }

    @Test
    void aLaterActivationCreatesNothingTwiceAndRecordsTheSameResources() {
        existing.addAll(List.of(ROBOT, PROJECT));
        fixture.givenAPublished(activated())
                .whenPublishingA(new TreActivatedEvent(TRE, "1.1.0", "1.0.0", "org-acme", "aws:us-east-1"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordTreProvisioningCommand(TRE, ROBOT, PROJECT, QUEUE));
    }

    @Test
    void aFailedStepIsRecordedOnTheTreAndNothingIsClaimedProvisioned() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateTreWorkingProjectCommand) {
                throw DxException.permissionDenied("region not permitted any more");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(activated())
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new CreateUserCommand(ROBOT, "tre_genomics_robot", null, null, null, null, UserKind.ROBOT,
                                Operator.USER_ID, null),
                        new CreateTreWorkingProjectCommand(PROJECT, TRE, "org-acme", "aws:us-east-1", ROBOT),
                        new RecordTreSideEffectFailureCommand(TRE, "provision the working project " + PROJECT,
                                "region not permitted any more"),
                        new CreateDispensalQueueCommand(QUEUE, TRE));
    }

    @Test
    void aFailedStepIsRetriedAfterAPersistentDeadline() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateTreWorkingProjectCommand) {
                throw DxException.permissionDenied("not yet");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(activated())
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), TreProvisioningSaga.RETRY);
    }

    @Test
    void theRetryFinishesWhatTheFirstAttemptCouldNot() {
        existing.add(ROBOT);
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateTreWorkingProjectCommand && !existing.contains("retried")) {
                existing.add("retried");
                throw DxException.permissionDenied("not yet");
            }
            return null;
        });
        fixture.givenAPublished(activated())
                .whenTimeElapses(Duration.ofSeconds(31))
                .expectDispatchedCommands(
                        new CreateTreWorkingProjectCommand(PROJECT, TRE, "org-acme", "aws:us-east-1", ROBOT),
                        new RecordTreProvisioningCommand(TRE, ROBOT, PROJECT, QUEUE))
                .expectNoScheduledDeadlines();
    }

    @Test
    void retriesStopAfterTheirBoundAndTheFailureStaysRecorded() throws Exception {
        existing.add(ROBOT);
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateTreWorkingProjectCommand) {
                throw DxException.permissionDenied("never");
            }
            return null;
        });
        fixture.givenAPublished(activated())
                .andThenTimeElapses(Duration.ofSeconds(31))
                .whenTimeElapses(Duration.ofSeconds(61))
                .expectDispatchedCommands(
                        new CreateTreWorkingProjectCommand(PROJECT, TRE, "org-acme", "aws:us-east-1", ROBOT),
                        new RecordTreSideEffectFailureCommand(TRE, "provision the working project " + PROJECT, "never"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void deletingTheTreEndsTheSaga() {
        fixture.givenAPublished(activated())
                .whenPublishingA(new TreDeletedEvent(TRE, List.of("user-alice")))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
