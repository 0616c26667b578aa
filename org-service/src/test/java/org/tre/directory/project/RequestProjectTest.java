package org.tre.directory.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.org.Licenses;
import org.tre.messages.project.ProjectCommands.CreateRequestProjectInDirectoryCommand;
import org.tre.messages.project.ProjectCommands.DecreaseProjectPermissionsCommand;
import org.tre.messages.project.ProjectCommands.InviteToProjectCommand;
import org.tre.messages.project.ProjectCommands.WithdrawRequestPartyCommand;
import org.tre.messages.project.ProjectEvents.ProjectAccessGrantedEvent;
import org.tre.messages.project.ProjectEvents.ProjectAccessRevokedEvent;
import org.tre.messages.project.ProjectEvents.ProjectCreatedEvent;
import org.tre.messages.project.ProjectEvents.ProjectJoinedRequestEvent;
import org.tre.messages.project.ProjectEvents.ProjectTreFlagsEnforcedEvent;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectGrants;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.user.TokenScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project of a data access request in the directory (DECISIONS.md §15): made once, the creator
 * administering it and the TRE's robot contributing through a grant its admins cannot lower; shared
 * with the request's parties only; a removed collaborator's access withdrawn, the applicant taking
 * over a project left without an administrator.
 */
class RequestProjectTest {

    private static final String P = "project-BBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String ACME = "org-acme";
    private static final String US = "aws:us-east-1";
    private static final String TRE = "tre-genomics";
    private static final String REQUEST = "treApplication-BBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String ALICE = "user-alice";
    private static final String BOB = "user-bob";
    private static final String CAROL = "user-carol";
    private static final String ROBOT = "user-tre_genomics_robot";

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        InMemoryOrgDirectory orgs = new InMemoryOrgDirectory().billableOrg(ACME, Licenses.MONTHLY_PROJECT_SPENDING_LIMIT);
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(orgs);
        fixture.registerInjectableResource(new InMemoryOrgDirectory.KnownUsers(ALICE, BOB, CAROL, ROBOT));
        fixture.registerInjectableResource(new TreRoles() {
            @Override
            public boolean isTreAdmin(String treId, String userId) {
                return CAROL.equals(userId);
            }

            @Override
            public Set<String> requestParties(String requestId) {
                return REQUEST.equals(requestId) ? Set.of(ALICE, BOB) : Set.of();
            }
        });
    }

    private static CreateRequestProjectInDirectoryCommand create(String by) {
        return new CreateRequestProjectInDirectoryCommand(P, REQUEST, TRE, "analysis", null, null, List.of(), Map.of(),
                ACME, US, Map.of(ProjectFlags.RESTRICTED, true), by, ROBOT, ALICE);
    }

    private static List<Object> made(String by) {
        Map<String, Boolean> flags = ProjectFlags.defaults();
        flags.put(ProjectFlags.RESTRICTED, true);
        List<Object> events = new ArrayList<>();
        events.add(new ProjectCreatedEvent(P, "analysis", null, null, List.of(), Map.of(), ACME, US, flags, TRE, by));
        events.add(new ProjectAccessGrantedEvent(P, by, ProjectLevel.ADMINISTER, ProjectGrants.DIRECT, by));
        events.add(new ProjectAccessGrantedEvent(P, ROBOT, ProjectLevel.CONTRIBUTE, REQUEST, REQUEST));
        events.add(new ProjectTreFlagsEnforcedEvent(P, flags, Set.of(ProjectFlags.RESTRICTED)));
        events.add(new ProjectJoinedRequestEvent(P, REQUEST, TRE, ROBOT, ALICE));
        return events;
    }

    private static Requester as(String user) {
        return new Requester(user, TokenScope.fullScope());
    }

    private static TypeSafeMatcher<Throwable> refused(ErrorType type, String text) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable failure) {
                return failure instanceof DxException dx && dx.type() == type && dx.getMessage().contains(text);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type + " containing " + text);
            }
        };
    }

    @Test
    void theProjectIsMadeWithTheCreatorTheRobotAndTheTresPolicies() {
        fixture.givenNoPriorActivity()
                .when(create(BOB))
                .expectEvents(made(BOB).toArray());
    }

    @Test
    void askedAgainItFindsItselfMade() {
        fixture.given(made(BOB))
                .when(create(BOB))
                .expectNoEvents();
    }

    @Test
    void theRequestsPartiesAreInvitedAndNobodyElse() {
        fixture.given(made(BOB))
                .when(new InviteToProjectCommand(P, ALICE, ProjectLevel.CONTRIBUTE, as(BOB)))
                .expectEvents(new ProjectAccessGrantedEvent(P, ALICE, ProjectLevel.CONTRIBUTE, ProjectGrants.DIRECT, BOB));
        for (String invitee : List.of(CAROL, ACME, ProjectGrants.PUBLIC)) {
            fixture.given(made(BOB))
                    .when(new InviteToProjectCommand(P, invitee, ProjectLevel.VIEW, as(BOB)))
                    .expectNoEvents()
                    .expectException(refused(ErrorType.PermissionDenied, "TRE restriction"));
        }
    }

    @Test
    void onlyItsAdministratorsInviteTheTreAdminsIncluded() {
        fixture.given(made(BOB))
                .when(new InviteToProjectCommand(P, ALICE, ProjectLevel.VIEW, as(CAROL)))
                .expectException(refused(ErrorType.PermissionDenied, "ADMINISTER"));
    }

    @Test
    void theRobotsGrantCannotBeLoweredOrRemoved() {
        fixture.given(made(BOB))
                .when(new DecreaseProjectPermissionsCommand(P, Map.of(ROBOT, ProjectLevel.VIEW), as(BOB)))
                .expectNoEvents()
                .expectException(refused(ErrorType.PermissionDenied, "robot"));
        fixture.given(made(BOB))
                .when(new DecreaseProjectPermissionsCommand(P, Map.of(ROBOT, ProjectLevel.NONE), as(BOB)))
                .expectException(refused(ErrorType.PermissionDenied, "robot"));
    }

    @Test
    void aRemovedCollaboratorLosesTheirGrantAndTheApplicantTakesOverAProjectLeftWithoutAdmin() {
        fixture.given(made(BOB))
                .when(new WithdrawRequestPartyCommand(P, REQUEST, BOB, ALICE))
                .expectEvents(new ProjectAccessRevokedEvent(P, BOB, ProjectGrants.DIRECT, ALICE),
                        new ProjectAccessGrantedEvent(P, ALICE, ProjectLevel.ADMINISTER, ProjectGrants.DIRECT, ALICE));
    }

    @Test
    void aWithdrawalAskedAgainOrForAnotherRequestChangesNothing() {
        List<Object> withdrawn = made(BOB);
        withdrawn.add(new ProjectAccessRevokedEvent(P, BOB, ProjectGrants.DIRECT, ALICE));
        withdrawn.add(new ProjectAccessGrantedEvent(P, ALICE, ProjectLevel.ADMINISTER, ProjectGrants.DIRECT, ALICE));
        fixture.given(withdrawn)
                .when(new WithdrawRequestPartyCommand(P, REQUEST, BOB, ALICE))
                .expectNoEvents();
        fixture.given(made(BOB))
                .when(new WithdrawRequestPartyCommand(P, "treApplication-CCCCCCCCCCCCCCCCCCCCCCCC", BOB, ALICE))
                .expectNoEvents();
    }
}
