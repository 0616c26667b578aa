package org.tre.directory.org;

import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.directory.org.MemberAccessTargets.AppTarget;
import org.tre.directory.workflow.WorkflowTimeouts;
import org.tre.messages.app.AppMessages.RevokeAppAccessCommand;
import org.tre.messages.error.DxException;
import org.tre.messages.org.OrgCommands.CompleteOrgMemberAccessWithdrawalCommand;
import org.tre.messages.org.OrgEvents.OrgMemberAccessWithdrawalStartedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAccessWithdrawnEvent;
import org.tre.messages.project.ProjectCommands.RemoveOrgMemberFromProjectCommand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Each path of the withdrawal of a removed org member's access, on Axon's saga fixture. */
class OrgMemberRemovalSagaTest {

    private static final String ORG = "org-acme";
    private static final String REMOVAL = "orgMemberRemoval-0123456789BFGJKPQVXYZbfg";
    private static final String ALICE = "user-alice";
    private static final String BOB = "user-bob";
    private static final String SOLE = "project-000000000000000000000001";
    private static final String SHARED = "project-000000000000000000000002";
    private static final AppTarget BWA_1 = new AppTarget("app-bwa-1", "bwa");
    private static final AppTarget BWA_2 = new AppTarget("app-bwa-2", "bwa");
    private static final AppTarget GATK = new AppTarget("app-gatk", "gatk");
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private SagaTestFixture<OrgMemberRemovalSaga> fixture;
    /** What the directory's tables say Bob holds in what the org pays for. */
    private final List<String> projects = new ArrayList<>(List.of(SOLE, SHARED));
    private final List<AppTarget> apps = new ArrayList<>(List.of(BWA_1, BWA_2, GATK));

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrgMemberRemovalSaga.class);
        fixture.registerResource(new WorkflowTimeouts(DEADLINE));
        fixture.registerResource(new MemberAccessTargets() {
            @Override
            public List<String> projectsWithOwnGrant(String orgId, String userId) {
                return ORG.equals(orgId) && BOB.equals(userId) ? projects : List.of();
            }

            @Override
            public List<AppTarget> appsWithAccess(String orgId, String userId) {
                return ORG.equals(orgId) && BOB.equals(userId) ? apps : List.of();
            }
        });
        // SOLE and BWA_1 are Bob's alone, so the requester takes them over.
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof RemoveOrgMemberFromProjectCommand project) {
                return project.elevateRequester() && project.projectId().equals(SOLE);
            }
            if (payload instanceof RevokeAppAccessCommand app) {
                return app.successor() != null && app.appId().equals(BWA_1.appId());
            }
            return null;
        });
    }

    private static OrgMemberAccessWithdrawalStartedEvent started(boolean projects, boolean apps, boolean elevate) {
        return new OrgMemberAccessWithdrawalStartedEvent(ORG, REMOVAL, BOB, ALICE, projects, apps, elevate);
    }

    @Test
    void everyProjectAndAppIsAskedAndTheOrgHearsAllTheAnswersAtOnce() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started(true, true, true))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DEADLINE, OrgMemberRemovalSaga.DEADLINE)
                .expectDispatchedCommands(
                        new RemoveOrgMemberFromProjectCommand(SOLE, ORG, BOB, ALICE, true),
                        new RemoveOrgMemberFromProjectCommand(SHARED, ORG, BOB, ALICE, true),
                        new RevokeAppAccessCommand(BWA_1.appId(), BOB, ALICE, ALICE),
                        new RevokeAppAccessCommand(BWA_2.appId(), BOB, ALICE, ALICE),
                        new RevokeAppAccessCommand(GATK.appId(), BOB, ALICE, ALICE),
                        new CompleteOrgMemberAccessWithdrawalCommand(ORG, REMOVAL, Map.of(SOLE, true, SHARED, false),
                                Map.of("bwa", true, "gatk", false), List.of()));
    }

    @Test
    void aMemberRemovingThemselfLeavesNothingToTheRequester() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new OrgMemberAccessWithdrawalStartedEvent(ORG, REMOVAL, BOB, BOB, true, true, false))
                .expectDispatchedCommands(
                        new RemoveOrgMemberFromProjectCommand(SOLE, ORG, BOB, BOB, false),
                        new RemoveOrgMemberFromProjectCommand(SHARED, ORG, BOB, BOB, false),
                        new RevokeAppAccessCommand(BWA_1.appId(), BOB, null, BOB),
                        new RevokeAppAccessCommand(BWA_2.appId(), BOB, null, BOB),
                        new RevokeAppAccessCommand(GATK.appId(), BOB, null, BOB),
                        new CompleteOrgMemberAccessWithdrawalCommand(ORG, REMOVAL, Map.of(SOLE, false, SHARED, false),
                                Map.of("bwa", false, "gatk", false), List.of()));
    }

    @Test
    void revokeAppPermissionsFalseLeavesTheAppsAlone() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started(true, false, true))
                .expectDispatchedCommands(
                        new RemoveOrgMemberFromProjectCommand(SOLE, ORG, BOB, ALICE, true),
                        new RemoveOrgMemberFromProjectCommand(SHARED, ORG, BOB, ALICE, true),
                        new CompleteOrgMemberAccessWithdrawalCommand(ORG, REMOVAL, Map.of(SOLE, true, SHARED, false),
                                Map.of(), List.of()));
    }

    @Test
    void aProjectNoLongerTheOrgsIsLeftOutAndTheServicesFailureIsUnfinished() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof RemoveOrgMemberFromProjectCommand project && project.projectId().equals(SOLE)) {
                throw DxException.invalidInput("The project is not billed to " + ORG);
            }
            if (payload instanceof RemoveOrgMemberFromProjectCommand) {
                throw new IllegalStateException("database away");
            }
            return false;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(started(true, false, true))
                .expectDispatchedCommands(
                        new RemoveOrgMemberFromProjectCommand(SOLE, ORG, BOB, ALICE, true),
                        new RemoveOrgMemberFromProjectCommand(SHARED, ORG, BOB, ALICE, true),
                        new CompleteOrgMemberAccessWithdrawalCommand(ORG, REMOVAL, Map.of(), Map.of(),
                                List.of(SHARED)));
    }

    @Test
    void theRecordedWithdrawalEndsTheSagaAndItsDeadline() {
        fixture.givenAPublished(started(true, true, true))
                .whenPublishingA(new OrgMemberAccessWithdrawnEvent(ORG, REMOVAL, BOB, Map.of(), Map.of(), List.of()))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void theFirstDeadlineAsksEveryProjectAndAppAgain() {
        projects.remove(SHARED);
        apps.clear();
        fixture.givenAPublished(started(true, true, true))
                .whenTimeElapses(DEADLINE.plusSeconds(1))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new RemoveOrgMemberFromProjectCommand(SOLE, ORG, BOB, ALICE, true),
                        new CompleteOrgMemberAccessWithdrawalCommand(ORG, REMOVAL, Map.of(SOLE, true), Map.of(),
                                List.of()));
    }

    @Test
    void theSecondDeadlineRecordsWhatIsUnfinished() throws Exception {
        projects.remove(SHARED);
        apps.retainAll(List.of(GATK));
        fixture.givenAPublished(started(true, true, true))
                .andThenTimeElapses(DEADLINE)
                .whenTimeElapses(DEADLINE)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DEADLINE, OrgMemberRemovalSaga.DEADLINE)
                .expectDispatchedCommands(new CompleteOrgMemberAccessWithdrawalCommand(ORG, REMOVAL, Map.of(),
                        Map.of(), List.of(SOLE, GATK.appId())));
    }

    @Test
    void aRemovalGivenUpThatTheOrgNeverRecordedEndsAtTheThirdDeadline() throws Exception {
        fixture.givenAPublished(started(true, true, true))
                .andThenTimeElapses(DEADLINE)
                .andThenTimeElapses(DEADLINE)
                .whenTimeElapses(DEADLINE)
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }
}
