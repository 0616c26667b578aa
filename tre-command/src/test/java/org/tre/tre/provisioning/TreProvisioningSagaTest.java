package org.tre.tre.provisioning;

import org.axonframework.commandhandling.CommandMessage;
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
import org.tre.messages.tre.TreCommands.AbandonTreProvisioningCommand;
import org.tre.messages.tre.TreCommands.RecordTreProvisioningCommand;
import org.tre.messages.tre.TreCommands.RecordTreSideEffectFailureCommand;
import org.tre.messages.tre.TreEvents.TreActivatedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreProvisioningAbandonedEvent;
import org.tre.messages.user.Operator;
import org.tre.messages.user.UserCommands.CreateUserCommand;
import org.tre.messages.user.UserKind;
import org.tre.messages.user.UserQueries.FindUserQuery;
import org.tre.messages.user.UserQueries.UserView;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of the provisioning saga, on Axon's saga fixture with a real query bus. */
class TreProvisioningSagaTest {

    private static final String TRE = "tre-genomics";
    // Written out, not derived by the code under test: a change to how the ids are derived would orphan
    // what existing TREs were provisioned with, and must fail here. theIdsAreTheHashOfTheTresOwnSeeds
    // shows where the written-out values come from.
    private static final String ROBOT = "user-tre_genomics_robot";
    private static final String PROJECT = "project-vxk5JQ3qfVyyG6GGkppVxG7Q";
    private static final String QUEUE = "dispensalQueue-X0ypZ1b1px1fk5gb2xfKXZgp";
    private static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    private static final Map<String, String> ACTIVATION = Map.of("userId", "user-alice", "requestId", "req-activate");

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
                    Set.of(ROBOT), null) : null;
        });
        QueryGateway queries = DefaultQueryGateway.builder().queryBus(queryBus).build();
        fixture = new SagaTestFixture<>(TreProvisioningSaga.class);
        fixture.registerResource(queries);
        // Two attempts: made at activation, made again at the first deadline, given up at the second.
        fixture.registerResource(new SideEffectRetry(FIRST_DELAY, 2));
    }

    private static TreActivatedEvent activated() {
        return new TreActivatedEvent(TRE, "1.0.0", null, "org-acme", "aws:us-east-1");
    }

    private static CreateUserCommand robotCreated() {
        return new CreateUserCommand(ROBOT, "tre_genomics_robot", null, null, null, null, UserKind.ROBOT,
                Operator.USER_ID, null);
    }

    private static CreateTreWorkingProjectCommand projectCreated() {
        return new CreateTreWorkingProjectCommand(PROJECT, TRE, "org-acme", "aws:us-east-1", ROBOT);
    }

    private void theWorkingProjectIsRefused(String why) {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateTreWorkingProjectCommand) {
                throw DxException.permissionDenied(why);
            }
            return null;
        });
    }

    @Test
    void theIdsAreTheHashOfTheTresOwnSeeds() throws Exception {
        assertThat(ROBOT).isEqualTo("user-tre_" + TRE.substring("tre-".length()) + "_robot");
        assertThat(PROJECT).isEqualTo("project-" + hashed("working-project:" + TRE));
        assertThat(QUEUE).isEqualTo("dispensalQueue-" + hashed("dispensal-queue:" + TRE));
    }

    /** The 24 characters of a generated id (PROTOCOL.md "Ids"), taken from the seed's SHA-256. */
    private static String hashed(String seed) throws Exception {
        String alphabet = "0123456789BFGJKPQVXYZbfgjkpqvxyz";
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            id.append(alphabet.charAt((hash[i] & 0xff) % alphabet.length()));
        }
        return id.toString();
    }

    @Test
    void theFirstActivationProvisionsTheRobotTheWorkingProjectAndTheQueueByADeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(activated())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(FIRST_DELAY, TreProvisioningSaga.RETRY)
                .expectDispatchedCommands(robotCreated(), projectCreated(), new CreateDispensalQueueCommand(QUEUE, TRE),
                        new RecordTreProvisioningCommand(TRE, ROBOT, PROJECT, QUEUE));
    }

    @Test
    void followOnCommandsCarryTheActivationsCallerAndRequest() {
        fixture.givenNoPriorActivity().whenPublishingA(activated(), ACTIVATION);
        List<CommandMessage<?>> sent = fixture.getCommandBus().getDispatchedCommands();
        assertThat(sent).hasSize(4);
        assertThat(sent).allSatisfy(command -> assertThat(command.getMetaData()).containsAllEntriesOf(ACTIVATION));
    }

    @Test
    void aLaterActivationCreatesNothingThatExistsAndRecordsTheSameResources() {
        existing.addAll(List.of(ROBOT, PROJECT));
        fixture.givenAPublished(activated())
                .andThenAPublished(new TreProvisionedEvent(TRE, ROBOT, PROJECT, QUEUE))
                .whenPublishingA(new TreActivatedEvent(TRE, "1.1.0", "1.0.0", "org-acme", "aws:us-east-1"))
                .expectActiveSagas(1)
                // The queue is asked again: it creates itself only when missing (DispensalQueue).
                .expectDispatchedCommands(new CreateDispensalQueueCommand(QUEUE, TRE),
                        new RecordTreProvisioningCommand(TRE, ROBOT, PROJECT, QUEUE));
    }

    @Test
    void theRecordedProvisioningEndsTheSaga() {
        fixture.givenAPublished(activated())
                .whenPublishingA(new TreProvisionedEvent(TRE, ROBOT, PROJECT, QUEUE))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void aFailedStepIsRecordedOnTheTreAndNothingIsClaimedProvisioned() {
        theWorkingProjectIsRefused("region not permitted any more");
        fixture.givenNoPriorActivity()
                .whenPublishingA(activated())
                .expectActiveSagas(1)
                .expectDispatchedCommands(robotCreated(), projectCreated(),
                        new RecordTreSideEffectFailureCommand(TRE, "provision the working project " + PROJECT,
                                "region not permitted any more"),
                        new CreateDispensalQueueCommand(QUEUE, TRE));
    }

    @Test
    void theWorkingProjectWaitsForTheRobotThatAdministersIt() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateUserCommand) {
                throw DxException.invalidState("The username tre_genomics_robot is already taken");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(activated())
                .expectDispatchedCommands(robotCreated(),
                        new RecordTreSideEffectFailureCommand(TRE, "provision the robot user " + ROBOT,
                                "The username tre_genomics_robot is already taken"),
                        new CreateDispensalQueueCommand(QUEUE, TRE));
    }

    @Test
    void provisioningNotRecordedByItsDeadlineIsAttemptedAgainWithALongerDeadline() {
        theWorkingProjectIsRefused("not yet");
        existing.add(ROBOT);
        fixture.givenAPublished(activated())
                .whenTimeElapses(FIRST_DELAY)
                .expectActiveSagas(1)
                .expectDispatchedCommands(projectCreated(),
                        new RecordTreSideEffectFailureCommand(TRE, "provision the working project " + PROJECT, "not yet"),
                        new CreateDispensalQueueCommand(QUEUE, TRE))
                .expectScheduledDeadlineWithName(FIRST_DELAY.multipliedBy(2), TreProvisioningSaga.RETRY);
    }

    @Test
    void theNextAttemptFinishesWhatTheFirstCouldNot() {
        existing.add(ROBOT);
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CreateTreWorkingProjectCommand && existing.add("refused once")) {
                throw DxException.permissionDenied("not yet");
            }
            return null;
        });
        fixture.givenAPublished(activated())
                .whenTimeElapses(FIRST_DELAY)
                .expectDispatchedCommands(projectCreated(), new CreateDispensalQueueCommand(QUEUE, TRE),
                        new RecordTreProvisioningCommand(TRE, ROBOT, PROJECT, QUEUE));
    }

    @Test
    void provisioningGivesUpAtItsLastDeadlineAndRecordsWhy() throws Exception {
        theWorkingProjectIsRefused("never");
        fixture.givenAPublished(activated())
                .andThenTimeElapses(FIRST_DELAY)
                .whenTimeElapses(FIRST_DELAY.multipliedBy(2))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new AbandonTreProvisioningCommand(TRE,
                        "Not finished after 2 attempts; the next activation tries again"))
                .expectScheduledDeadlineWithName(FIRST_DELAY, TreProvisioningSaga.RETRY);
    }

    @Test
    void theRecordedAbandonmentEndsTheSaga() throws Exception {
        theWorkingProjectIsRefused("never");
        fixture.givenAPublished(activated())
                .andThenTimeElapses(FIRST_DELAY)
                .andThenTimeElapses(FIRST_DELAY.multipliedBy(2))
                .whenPublishingA(new TreProvisioningAbandonedEvent(TRE))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aGivenUpProvisioningTheTreNeverRecordedEndsAtTheNextDeadline() throws Exception {
        theWorkingProjectIsRefused("never");
        fixture.givenAPublished(activated())
                .andThenTimeElapses(FIRST_DELAY)
                .andThenTimeElapses(FIRST_DELAY.multipliedBy(2))
                .whenTimeElapses(FIRST_DELAY)
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aLaterActivationDuringTheAttemptsStartsThemOver() throws Exception {
        theWorkingProjectIsRefused("not yet");
        existing.add(ROBOT);
        fixture.givenAPublished(activated())
                .andThenTimeElapses(FIRST_DELAY)
                .whenPublishingA(new TreActivatedEvent(TRE, "1.1.0", "1.0.0", "org-acme", "aws:us-east-1"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(FIRST_DELAY, TreProvisioningSaga.RETRY)
                .expectNoScheduledDeadlineWithName(FIRST_DELAY.multipliedBy(2), TreProvisioningSaga.RETRY);
    }

    @Test
    void deletingTheTreEndsTheSaga() {
        fixture.givenAPublished(activated())
                .whenPublishingA(new TreDeletedEvent(TRE, List.of("user-alice")))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }
}
