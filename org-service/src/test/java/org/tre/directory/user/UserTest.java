package org.tre.directory.user;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.directory.support.DxErrorMatcher;
import org.tre.directory.support.InMemoryOrgs;
import org.tre.directory.support.TakenNames;
import org.tre.messages.error.ErrorType;
import org.tre.messages.user.Operator;
import org.tre.messages.user.TokenScope;
import org.tre.messages.user.UserCommands.CompleteUserOrgInvitesAcceptanceCommand;
import org.tre.messages.user.UserCommands.CreateUserCommand;
import org.tre.messages.user.UserCommands.DestroyAuthTokenCommand;
import org.tre.messages.user.UserCommands.IssueAuthTokenCommand;
import org.tre.messages.user.UserEvents.AuthTokenDestroyedEvent;
import org.tre.messages.user.UserEvents.AuthTokenIssuedEvent;
import org.tre.messages.user.UserEvents.PendingOrgInvite;
import org.tre.messages.user.UserEvents.UserCreatedEvent;
import org.tre.messages.user.UserEvents.UserOrgInvitesAcceptanceStartedEvent;
import org.tre.messages.user.UserEvents.UserOrgInvitesAcceptedEvent;
import org.tre.messages.user.UserKind;

import java.util.List;
import java.util.Map;

class UserTest {

    private static final long EXPIRES = 4_000_000_000_000L;

    private FixtureConfiguration<User> fixture;
    private final TakenNames taken = new TakenNames();
    private final InMemoryOrgs orgs = new InMemoryOrgs()
            .org("org-licensed", true, "userCreationFeaturesEnabled").member("org-licensed", "user-olga", "ADMIN", true)
            .member("org-licensed", "user-mia", "MEMBER", false)
            .org("org-plain", true).member("org-plain", "user-olga", "ADMIN", true);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(taken);
        fixture.registerInjectableResource(orgs);
    }

    private static UserCreatedEvent aliceCreated() {
        return new UserCreatedEvent("user-alice", "alice", "alice@example.org", "Alice", null, "Liddell",
                UserKind.PERSON);
    }

    private static CreateUserCommand createAlice(String by) {
        return new CreateUserCommand("user-alice", "alice", "alice@example.org", "Alice", null, "Liddell",
                UserKind.PERSON, by, null);
    }

    @Test
    void theOperatorCreatesAPerson() {
        fixture.givenNoPriorActivity()
                .when(createAlice(Operator.USER_ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(aliceCreated());
    }

    @Test
    void onlyTheOperatorCreatesPeople() {
        fixture.givenNoPriorActivity()
                .when(createAlice("user-bob"))
                .expectException(DxErrorMatcher.dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void anAdminOfALicensedOrgCreatesUsersForIt() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserCommand("user-alice", "alice", "alice@example.org", "Alice", null, "Liddell",
                        UserKind.PERSON, "user-olga", "org-licensed"))
                .expectEvents(aliceCreated());
    }

    @Test
    void provisioningNeedsTheUserCreationLicense() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserCommand("user-alice", "alice", "alice@example.org", "Alice", null, "Liddell",
                        UserKind.PERSON, "user-olga", "org-plain"))
                .expectException(DxErrorMatcher.dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void provisioningNeedsAnAdminOfTheOrg() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserCommand("user-alice", "alice", "alice@example.org", "Alice", null, "Liddell",
                        UserKind.PERSON, "user-mia", "org-licensed"))
                .expectException(DxErrorMatcher.dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void aTakenUsernameIsInvalidState() {
        taken.handles.add("alice");
        fixture.givenNoPriorActivity()
                .when(createAlice(Operator.USER_ID))
                .expectException(DxErrorMatcher.dxError(ErrorType.InvalidState))
                .expectNoEvents();
    }

    @Test
    void aTakenEmailIsInvalidState() {
        taken.emails.add("alice@example.org");
        fixture.givenNoPriorActivity()
                .when(createAlice(Operator.USER_ID))
                .expectException(DxErrorMatcher.dxError(ErrorType.InvalidState))
                .expectNoEvents();
    }

    @Test
    void aUserMakesATokenForThemself() {
        fixture.given(aliceCreated())
                .when(new IssueAuthTokenCommand("user-alice", "authToken-1", TokenScope.fullScope(), EXPIRES, "laptop",
                        "user-alice"))
                .expectEvents(new AuthTokenIssuedEvent("user-alice", "authToken-1", TokenScope.fullScope(), EXPIRES,
                        "laptop", "user-alice"));
    }

    @Test
    void theOperatorMakesAFirstTokenForAUser() {
        TokenScope scope = TokenScope.limitedTo(Map.of("project-0123456789BFGJKPQVXYZbfg", "VIEW"));
        fixture.given(aliceCreated())
                .when(new IssueAuthTokenCommand("user-alice", "authToken-1", scope, EXPIRES, null, Operator.USER_ID))
                .expectEvents(new AuthTokenIssuedEvent("user-alice", "authToken-1", scope, EXPIRES, null,
                        Operator.USER_ID));
    }

    @Test
    void nobodyElseMakesATokenForAUser() {
        fixture.given(aliceCreated())
                .when(new IssueAuthTokenCommand("user-alice", "authToken-1", TokenScope.fullScope(), EXPIRES, null,
                        "user-mallory"))
                .expectException(DxErrorMatcher.dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void aRobotHoldsNoToken() {
        fixture.given(new UserCreatedEvent("user-tre_genomics_robot", "tre_genomics_robot", null, null, null, null,
                        UserKind.ROBOT))
                .when(new IssueAuthTokenCommand("user-tre_genomics_robot", "authToken-1", TokenScope.fullScope(),
                        EXPIRES, null, Operator.USER_ID))
                .expectException(DxErrorMatcher.dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void aUserDestroysTheirOwnToken() {
        fixture.given(aliceCreated(), issued("authToken-1"))
                .when(new DestroyAuthTokenCommand("user-alice", "authToken-1", "user-alice"))
                .expectEvents(new AuthTokenDestroyedEvent("user-alice", "authToken-1", "user-alice"));
    }

    @Test
    void theOperatorDestroysAnyToken() {
        fixture.given(aliceCreated(), issued("authToken-1"))
                .when(new DestroyAuthTokenCommand("user-alice", "authToken-1", Operator.USER_ID))
                .expectEvents(new AuthTokenDestroyedEvent("user-alice", "authToken-1", Operator.USER_ID));
    }

    @Test
    void nobodyElseDestroysAUsersToken() {
        fixture.given(aliceCreated(), issued("authToken-1"))
                .when(new DestroyAuthTokenCommand("user-alice", "authToken-1", "user-mallory"))
                .expectException(DxErrorMatcher.dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void aDestroyedTokenCannotBeDestroyedAgain() {
        fixture.given(aliceCreated(), issued("authToken-1"),
                        new AuthTokenDestroyedEvent("user-alice", "authToken-1", "user-alice"))
                .when(new DestroyAuthTokenCommand("user-alice", "authToken-1", "user-alice"))
                .expectException(DxErrorMatcher.dxError(ErrorType.ResourceNotFound))
                .expectNoEvents();
    }

    @Test
    void aNewUserWhoseEmailHadNoInvitesStartsNoAcceptance() {
        fixture.givenNoPriorActivity()
                .when(createAlice(Operator.USER_ID))
                .expectResultMessagePayload(false)
                .expectEvents(aliceCreated());
    }

    @Test
    void invitesWaitingForTheNewUsersEmailAreAcceptedAsAWorkflowOfTheirOwn() {
        List<PendingOrgInvite> waiting = List.of(new PendingOrgInvite("org-licensed", "orgInvite-1"),
                new PendingOrgInvite("org-plain", "orgInvite-2"));
        orgs.awaiting.put("alice@example.org", waiting);
        fixture.givenNoPriorActivity()
                .when(createAlice(Operator.USER_ID))
                .expectResultMessagePayload(true)
                .expectEvents(aliceCreated(), new UserOrgInvitesAcceptanceStartedEvent("user-alice", waiting));
    }

    @Test
    void theAcceptanceOfTheInvitesIsRecordedOnce() {
        UserOrgInvitesAcceptanceStartedEvent started = new UserOrgInvitesAcceptanceStartedEvent("user-alice",
                List.of(new PendingOrgInvite("org-plain", "orgInvite-2")));
        fixture.given(aliceCreated(), started)
                .when(new CompleteUserOrgInvitesAcceptanceCommand("user-alice", List.of()))
                .expectEvents(new UserOrgInvitesAcceptedEvent("user-alice", List.of()));
        fixture.given(aliceCreated(), started, new UserOrgInvitesAcceptedEvent("user-alice", List.of()))
                .when(new CompleteUserOrgInvitesAcceptanceCommand("user-alice", List.of("org-plain")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static AuthTokenIssuedEvent issued(String tokenId) {
        return new AuthTokenIssuedEvent("user-alice", tokenId, TokenScope.fullScope(), EXPIRES, null, "user-alice");
    }
}
