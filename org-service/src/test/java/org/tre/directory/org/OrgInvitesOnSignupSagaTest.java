package org.tre.directory.org;

import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.directory.workflow.WorkflowTimeouts;
import org.tre.messages.error.DxException;
import org.tre.messages.org.OrgCommands.AcceptPendingOrgInviteCommand;
import org.tre.messages.user.UserCommands.CompleteUserOrgInvitesAcceptanceCommand;
import org.tre.messages.user.UserEvents.PendingOrgInvite;
import org.tre.messages.user.UserEvents.UserOrgInvitesAcceptanceStartedEvent;
import org.tre.messages.user.UserEvents.UserOrgInvitesAcceptedEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of accepting a new user's pending org invites, on Axon's saga fixture. */
class OrgInvitesOnSignupSagaTest {

    private static final String ALICE = "user-alice";
    private static final String ACME = "org-acme";
    private static final String LABS = "org-labs";
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Map<String, String> SIGNUP = Map.of("userId", "user-admin", "requestId", "req-signup");

    private SagaTestFixture<OrgInvitesOnSignupSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrgInvitesOnSignupSaga.class);
        fixture.registerResource(new WorkflowTimeouts(DEADLINE));
    }

    private static UserOrgInvitesAcceptanceStartedEvent started() {
        return new UserOrgInvitesAcceptanceStartedEvent(ALICE, List.of(new PendingOrgInvite(ACME, "orgInvite-1"),
                new PendingOrgInvite(LABS, "orgInvite-2")));
    }

    @Test
    void everyOrgAcceptsItsInviteAtOnceAndTheUserHearsWhenAllHaveAnswered() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started(), SIGNUP)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DEADLINE, OrgInvitesOnSignupSaga.DEADLINE)
                .expectDispatchedCommands(new AcceptPendingOrgInviteCommand(ACME, "orgInvite-1", ALICE),
                        new AcceptPendingOrgInviteCommand(LABS, "orgInvite-2", ALICE),
                        new CompleteUserOrgInvitesAcceptanceCommand(ALICE, List.of()));
        assertThat(fixture.getCommandBus().getDispatchedCommands())
                .allSatisfy(command -> assertThat(command.getMetaData()).containsAllEntriesOf(SIGNUP));
    }

    @Test
    void anInviteNoLongerPendingIsDoneAndTheServicesFailureIsUnfinished() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof AcceptPendingOrgInviteCommand accept && accept.orgId().equals(ACME)) {
                throw DxException.notFound("No pending invite orgInvite-1");
            }
            if (payload instanceof AcceptPendingOrgInviteCommand) {
                throw new IllegalStateException("database away");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectDispatchedCommands(new AcceptPendingOrgInviteCommand(ACME, "orgInvite-1", ALICE),
                        new AcceptPendingOrgInviteCommand(LABS, "orgInvite-2", ALICE),
                        new CompleteUserOrgInvitesAcceptanceCommand(ALICE, List.of(LABS)));
    }

    @Test
    void theRecordedAcceptanceEndsTheSagaAndItsDeadline() {
        fixture.givenAPublished(started())
                .whenPublishingA(new UserOrgInvitesAcceptedEvent(ALICE, List.of()))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void theFirstDeadlineAsksEveryOrgAgain() {
        fixture.givenAPublished(started())
                .whenTimeElapses(DEADLINE)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DEADLINE, OrgInvitesOnSignupSaga.DEADLINE)
                .expectDispatchedCommands(new AcceptPendingOrgInviteCommand(ACME, "orgInvite-1", ALICE),
                        new AcceptPendingOrgInviteCommand(LABS, "orgInvite-2", ALICE),
                        new CompleteUserOrgInvitesAcceptanceCommand(ALICE, List.of()));
    }

    @Test
    void theSecondDeadlineGivesUpAndRecordsEveryOrgUnfinished() throws Exception {
        fixture.givenAPublished(started())
                .andThenTimeElapses(DEADLINE)
                .whenTimeElapses(DEADLINE)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DEADLINE, OrgInvitesOnSignupSaga.DEADLINE)
                .expectDispatchedCommands(new CompleteUserOrgInvitesAcceptanceCommand(ALICE, List.of(ACME, LABS)));
    }

    @Test
    void aGivenUpAcceptanceTheUserNeverRecordedEndsAtTheThirdDeadline() throws Exception {
        fixture.givenAPublished(started())
                .andThenTimeElapses(DEADLINE)
                .andThenTimeElapses(DEADLINE)
                .whenTimeElapses(DEADLINE)
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }
}
