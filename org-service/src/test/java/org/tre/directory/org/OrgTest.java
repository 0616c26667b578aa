package org.tre.directory.org;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.directory.project.ProjectLookup;
import org.tre.directory.support.TakenNames;
import org.tre.directory.token.AuthTokens;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.org.MemberAccess;
import org.tre.messages.org.OrgCommands.AcceptPendingOrgInviteCommand;
import org.tre.messages.org.OrgCommands.CompleteOrgMemberAccessWithdrawalCommand;
import org.tre.messages.org.OrgCommands.CompleteOrgProjectLimitsUpdateCommand;
import org.tre.messages.org.OrgCommands.ConfigureJobLogsForwardingCommand;
import org.tre.messages.org.OrgCommands.CreateOrgCommand;
import org.tre.messages.org.OrgCommands.DestroyOrgCommand;
import org.tre.messages.org.OrgCommands.InviteOutcome;
import org.tre.messages.org.OrgCommands.InviteToOrgCommand;
import org.tre.messages.org.OrgCommands.MemberAccessChange;
import org.tre.messages.org.OrgCommands.RemoveOrgMemberCommand;
import org.tre.messages.org.OrgCommands.SetOrgLicensesCommand;
import org.tre.messages.org.OrgCommands.SetOrgMemberAccessCommand;
import org.tre.messages.org.OrgCommands.UpdateOrgCommand;
import org.tre.messages.org.OrgCommands.UpdateOrgProjectLimitsCommand;
import org.tre.messages.org.OrgEvents.JobLogsForwardingConfiguredEvent;
import org.tre.messages.org.OrgEvents.JobLogsForwardingDisabledEvent;
import org.tre.messages.org.OrgEvents.OrgCreatedEvent;
import org.tre.messages.org.OrgEvents.OrgDestroyedEvent;
import org.tre.messages.org.OrgEvents.OrgInviteAcceptedEvent;
import org.tre.messages.org.OrgEvents.OrgInvitePendingEvent;
import org.tre.messages.org.OrgEvents.OrgLicensesSetEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAccessChangedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAccessWithdrawalStartedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAccessWithdrawnEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAddedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberRemovedEvent;
import org.tre.messages.org.OrgEvents.OrgPendingInviteRaisedEvent;
import org.tre.messages.org.OrgEvents.OrgProjectLimitsUpdateStartedEvent;
import org.tre.messages.org.OrgEvents.OrgProjectLimitsUpdatedEvent;
import org.tre.messages.org.OrgEvents.OrgUpdatedEvent;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.ProjectFacts;
import org.tre.messages.project.SpendingLimitsChange;
import org.tre.messages.user.Operator;
import org.tre.messages.user.TokenScope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.directory.support.DxErrorMatcher.dxError;

/** One rule of the Organizations API per test, on the Org aggregate alone. */
class OrgTest {

    private static final String ORG = "org-acme";
    private static final String ALICE = "user-alice";
    private static final String BOB = "user-bob";
    private static final String CAROL = "user-carol";
    private static final String REMOVAL = "orgMemberRemoval-0123456789BFGJKPQVXYZbfg";
    private static final MemberAccess DEFAULT_MEMBER = new MemberAccess("MEMBER", false, "CONTRIBUTE", true, false);
    private static final Requester AS_ALICE = new Requester(ALICE, TokenScope.fullScope());
    private static final Requester AS_BOB = new Requester(BOB, TokenScope.fullScope());
    private static final Requester AS_OPERATOR = new Requester(Operator.USER_ID, TokenScope.fullScope());
    /** Alice with a token limited to one project: her role holds, her token does not reach org changes. */
    private static final Requester ALICE_LIMITED = new Requester(ALICE,
            TokenScope.limitedTo(Map.of("project-0123456789BFGJKPQVXYZbfg", "VIEW")));

    private FixtureConfiguration<Org> fixture;
    private final TakenNames taken = new TakenNames();
    private final AtomicBoolean billed = new AtomicBoolean();
    /** The users that exist, by email, as the user table would answer. */
    private final Map<String, String> usersByEmail = Map.of("dave@example.org", "user-dave");
    private final Set<String> users = Set.of(ALICE, BOB, CAROL, "user-dave");
    /** The projects the directory knows, as ProjectLookup answers. */
    private final Map<String, ProjectFacts> projects = new HashMap<>();
    /** What the Splunk endpoint was told, one entry per announcement. */
    private final List<String> announced = new ArrayList<>();
    private RuntimeException announcementFailure;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Org.class);
        fixture.registerInjectableResource(taken);
        fixture.registerInjectableResource((BilledResources) orgId -> billed.get());
        fixture.registerInjectableResource(new Invitees() {
            @Override
            public boolean userExists(String userId) {
                return users.contains(userId);
            }

            @Override
            public Optional<String> userWithEmail(String email) {
                return Optional.ofNullable(usersByEmail.get(email));
            }
        });
        fixture.registerInjectableResource(new ProjectLookup() {
            @Override
            public Optional<ProjectFacts> find(String projectId) {
                return Optional.ofNullable(projects.get(projectId));
            }

            @Override
            public ProjectLevel effectiveLevel(String projectId, String userId) {
                return ProjectLevel.NONE;
            }
        });
        fixture.registerInjectableResource((JobLogsAnnouncement) (url, token, adminId, orgId, signature) -> {
            if (announcementFailure != null) {
                throw announcementFailure;
            }
            announced.add(adminId + " " + url + " " + token);
        });
    }

    private static OrgCreatedEvent created() {
        return new OrgCreatedEvent(ORG, "Acme", "Acme Research", OrgPolicies.defaults(), List.of(Org.DEFAULT_REGION),
                Org.DEFAULT_REGION, ALICE);
    }

    private static OrgMemberAddedEvent aliceAdmin() {
        return new OrgMemberAddedEvent(ORG, ALICE, MemberAccess.admin(false), null);
    }

    private static OrgMemberAddedEvent bobMember() {
        return new OrgMemberAddedEvent(ORG, BOB, DEFAULT_MEMBER, "orgInvite-1");
    }

    private static OrgLicensesSetEvent licensed(String... licenses) {
        Map<String, Boolean> on = new java.util.LinkedHashMap<>();
        for (String license : licenses) {
            on.put(license, true);
        }
        return new OrgLicensesSetEvent(ORG, true, on, List.of("aws:us-east-1", "azure:westus"), "aws:us-east-1",
                false, Map.of());
    }

    @Test
    void theCreatorBecomesTheOnlyAdminWithoutTreManagement() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrgCommand(ORG, "Acme", "Acme Research", Map.of(), AS_ALICE))
                .expectEvents(created(), aliceAdmin());
    }

    @Test
    void policiesGivenAtCreationOverrideTheDefaults() {
        Map<String, Object> policies = OrgPolicies.merged(OrgPolicies.defaults(), Map.of("memberListVisibility", "PUBLIC"));
        fixture.givenNoPriorActivity()
                .when(new CreateOrgCommand(ORG, "Acme", "Acme Research", Map.of("memberListVisibility", "PUBLIC"), AS_ALICE))
                .expectEvents(new OrgCreatedEvent(ORG, "Acme", "Acme Research", policies, List.of(Org.DEFAULT_REGION),
                        Org.DEFAULT_REGION, ALICE), aliceAdmin());
    }

    @Test
    void aTakenHandleIsInvalidState() {
        taken.handles.add("acme");
        fixture.givenNoPriorActivity()
                .when(new CreateOrgCommand(ORG, "Acme", "Acme Research", Map.of(), AS_ALICE))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void aNewOrgCannotSetSpendingLimitPolicies() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrgCommand(ORG, "Acme", "Acme", Map.of("projectSpendingLimitNotificationThreshold", 50),
                        AS_ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void onlyTheOperatorSetsLicenses() {
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgLicensesCommand(ORG, true, null, null, null, null, null, AS_ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void theOperatorSetsLicensesRegionsAndBilling() {
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgLicensesCommand(ORG, true, Map.of("treManagement", true),
                        List.of("aws:us-east-1", "azure:westus"), "azure:westus", true, null, AS_OPERATOR))
                .expectEvents(new OrgLicensesSetEvent(ORG, true, Map.of("treManagement", true),
                        List.of("aws:us-east-1", "azure:westus"), "azure:westus", true, Map.of()));
    }

    @Test
    void anOrgLeftWithoutRegionsTakesTheFirstPermittedRegionAsItsDefaultAgain() {
        fixture.given(created(), aliceAdmin(), new OrgLicensesSetEvent(ORG, true, Map.of(), List.of(), null, false,
                        Map.of()))
                .when(new SetOrgLicensesCommand(ORG, null, null, List.of("azure:westus", "aws:us-east-1"), null, null,
                        null, AS_OPERATOR))
                .expectEvents(new OrgLicensesSetEvent(ORG, true, Map.of(), List.of("azure:westus", "aws:us-east-1"),
                        "azure:westus", false, Map.of()));
    }

    @Test
    void theDefaultRegionMustBePermitted() {
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgLicensesCommand(ORG, null, null, List.of("aws:us-east-1"), "azure:westus", null, null,
                        AS_OPERATOR))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void onlyAnAdminUpdatesTheOrg() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new UpdateOrgCommand(ORG, "New name", null, null, AS_BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anAdminRenamesAndChangesPolicies() {
        fixture.given(created(), aliceAdmin())
                .when(new UpdateOrgCommand(ORG, "New name", Map.of("restrictProjectSharing", "ADMIN"), null, AS_ALICE))
                .expectEvents(new OrgUpdatedEvent(ORG, "New name", Map.of("restrictProjectSharing", "ADMIN"), null));
    }

    @Test
    void spendingLimitPoliciesNeedTheirLicense() {
        fixture.given(created(), aliceAdmin())
                .when(new UpdateOrgCommand(ORG, null, Map.of("monthlyProjectComputeLimitDefault", 100), null, AS_ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aLicensedOrgSetsSpendingLimitPolicies() {
        fixture.given(created(), aliceAdmin(), licensed("monthlyProjectSpendingLimit"))
                .when(new UpdateOrgCommand(ORG, null, Map.of("monthlyProjectComputeLimitDefault", 100), null, AS_ALICE))
                .expectEvents(new OrgUpdatedEvent(ORG, null, Map.of("monthlyProjectComputeLimitDefault", 100), null));
    }

    @Test
    void theStorageTerminationPolicyCannotBeChanged() {
        fixture.given(created(), aliceAdmin(), licensed("monthlyProjectStorageSpendingLimit"))
                .when(new UpdateOrgCommand(ORG, null, Map.of("enforceTerminationForProjectStorageLimit", true), null,
                        AS_ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void anUpdatedDefaultRegionMustBePermitted() {
        fixture.given(created(), aliceAdmin())
                .when(new UpdateOrgCommand(ORG, null, null, "azure:westus", AS_ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void jobLogsForwardingNeedsItsLicense() {
        fixture.given(created(), aliceAdmin())
                .when(new ConfigureJobLogsForwardingCommand(ORG, "https://splunk.example.org", "abc", AS_ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void jobLogsForwardingIsAnnouncedThenRecordedWithTheTokensDigestOnly() {
        fixture.given(created(), aliceAdmin(), licensed("jobLogsForwarding"))
                .when(new ConfigureJobLogsForwardingCommand(ORG, "https://splunk.example.org", "abc", AS_ALICE))
                .expectEvents(new JobLogsForwardingConfiguredEvent(ORG, "https://splunk.example.org",
                        AuthTokens.sha256Hex("abc"), ALICE));
        assertThat(announced).containsExactly(ALICE + " https://splunk.example.org abc");
    }

    @Test
    void aFailedAnnouncementRefusesTheChange() {
        announcementFailure = DxException.invalidInput("Attempt to upload to https://splunk.example.org failed with 403");
        fixture.given(created(), aliceAdmin(), licensed("jobLogsForwarding"))
                .when(new ConfigureJobLogsForwardingCommand(ORG, "https://splunk.example.org", "abc", AS_ALICE))
                .expectException(dxError(ErrorType.InvalidInput))
                .expectNoEvents();
    }

    @Test
    void jobLogsForwardingIsSwitchedOffOnceAndDisablingAgainChangesNothing() {
        JobLogsForwardingConfiguredEvent on = new JobLogsForwardingConfiguredEvent(ORG, "https://splunk.example.org",
                "digest", ALICE);
        fixture.given(created(), aliceAdmin(), licensed("jobLogsForwarding"), on)
                .when(new ConfigureJobLogsForwardingCommand(ORG, null, null, AS_ALICE))
                .expectEvents(new JobLogsForwardingDisabledEvent(ORG, ALICE));
        fixture.given(created(), aliceAdmin(), licensed("jobLogsForwarding"), on,
                        new JobLogsForwardingDisabledEvent(ORG, ALICE))
                .when(new ConfigureJobLogsForwardingCommand(ORG, null, null, AS_ALICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(announced).isEmpty();
    }

    @Test
    void aNonAdminIsRefusedBeforeAnythingIsAnnounced() {
        fixture.given(created(), aliceAdmin(), bobMember(), licensed("jobLogsForwarding"))
                .when(new ConfigureJobLogsForwardingCommand(ORG, "https://splunk.example.org", "abc", AS_BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
        fixture.given(created(), aliceAdmin(), licensed("jobLogsForwarding"))
                .when(new ConfigureJobLogsForwardingCommand(ORG, "https://splunk.example.org", "abc", ALICE_LIMITED))
                .expectException(dxError(ErrorType.PermissionDenied));
        assertThat(announced).isEmpty();
    }

    @Test
    void anEmailThatBelongsToAUserInvitesThatUser() {
        fixture.given(created(), aliceAdmin())
                .when(new InviteToOrgCommand(ORG, "orgInvite-1", "Dave@Example.org", DEFAULT_MEMBER, AS_ALICE))
                .expectResultMessagePayload(new InviteOutcome("orgInvite-1", false))
                .expectEvents(new OrgMemberAddedEvent(ORG, "user-dave", DEFAULT_MEMBER, "orgInvite-1"));
    }

    @Test
    void anInviteeWhoIsNoUserNorEmailIsResourceNotFound() {
        fixture.given(created(), aliceAdmin())
                .when(new InviteToOrgCommand(ORG, "orgInvite-1", "user-nobody", DEFAULT_MEMBER, AS_ALICE))
                .expectException(dxError(ErrorType.ResourceNotFound));
        fixture.given(created(), aliceAdmin())
                .when(new InviteToOrgCommand(ORG, "orgInvite-1", "not an address", DEFAULT_MEMBER, AS_ALICE))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void theRoleIsCheckedBeforeTheInvitee() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new InviteToOrgCommand(ORG, "orgInvite-1", "user-nobody", DEFAULT_MEMBER, AS_BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anAdminWithALimitedTokenChangesNothing() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new RemoveOrgMemberCommand(ORG, BOB, REMOVAL, true, true, ALICE_LIMITED))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
        fixture.given(created(), aliceAdmin())
                .when(new UpdateOrgCommand(ORG, "New name", null, null, ALICE_LIMITED))
                .expectException(dxError(ErrorType.PermissionDenied));
        fixture.givenNoPriorActivity()
                .when(new CreateOrgCommand(ORG, "Acme", "Acme Research", Map.of(), ALICE_LIMITED))
                .expectException(dxError(ErrorType.PermissionDenied));
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgLicensesCommand(ORG, true, null, null, null, null, null,
                        new Requester(Operator.USER_ID, ALICE_LIMITED.scope())))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aDestroyedOrgIsResourceNotFoundBeforeAnyRight() {
        fixture.given(created(), aliceAdmin(), new OrgDestroyedEvent(ORG, ALICE))
                .when(new InviteToOrgCommand(ORG, "orgInvite-1", BOB, DEFAULT_MEMBER, ALICE_LIMITED))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void anInvitedUserJoinsAtOnce() {
        fixture.given(created(), aliceAdmin())
                .when(new InviteToOrgCommand(ORG, "orgInvite-1", BOB, DEFAULT_MEMBER, AS_ALICE))
                .expectResultMessagePayload(new InviteOutcome("orgInvite-1", false))
                .expectEvents(bobMember());
    }

    @Test
    void onlyAnAdminInvites() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new InviteToOrgCommand(ORG, "orgInvite-2", CAROL, DEFAULT_MEMBER, AS_BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anInviteForAccessAlreadyHeldChangesNothing() {
        MemberAccess less = new MemberAccess("MEMBER", false, "VIEW", true, false);
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new InviteToOrgCommand(ORG, "orgInvite-2", BOB, less, AS_ALICE))
                .expectResultMessagePayload(new InviteOutcome(null, false))
                .expectNoEvents();
    }

    @Test
    void anInviteAtAHigherLevelUpgradesAtOnce() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new InviteToOrgCommand(ORG, "orgInvite-2", BOB, MemberAccess.admin(true), AS_ALICE))
                .expectEvents(new OrgMemberAccessChangedEvent(ORG, BOB, MemberAccess.admin(true)));
    }

    @Test
    void anEmailWithoutAUserLeavesAPendingInvite() {
        fixture.given(created(), aliceAdmin())
                .when(new InviteToOrgCommand(ORG, "orgInvite-1", "Carol@Example.org", DEFAULT_MEMBER, AS_ALICE))
                .expectResultMessagePayload(new InviteOutcome("orgInvite-1", true))
                .expectEvents(new OrgInvitePendingEvent(ORG, "orgInvite-1", "carol@example.org", DEFAULT_MEMBER));
    }

    @Test
    void aRepeatedPendingInviteReturnsTheSameInvite() {
        fixture.given(created(), aliceAdmin(),
                        new OrgInvitePendingEvent(ORG, "orgInvite-1", "carol@example.org", DEFAULT_MEMBER))
                .when(new InviteToOrgCommand(ORG, "orgInvite-2", "carol@example.org", DEFAULT_MEMBER, AS_ALICE))
                .expectResultMessagePayload(new InviteOutcome("orgInvite-1", true))
                .expectNoEvents();
    }

    @Test
    void aRepeatedPendingInviteForMoreAccessRaisesIt() {
        fixture.given(created(), aliceAdmin(),
                        new OrgInvitePendingEvent(ORG, "orgInvite-1", "carol@example.org", DEFAULT_MEMBER))
                .when(new InviteToOrgCommand(ORG, "orgInvite-2", "carol@example.org", MemberAccess.admin(false),
                        AS_ALICE))
                .expectResultMessagePayload(new InviteOutcome("orgInvite-1", true))
                .expectEvents(new OrgPendingInviteRaisedEvent(ORG, "orgInvite-1", "carol@example.org",
                        MemberAccess.admin(false)));
    }

    @Test
    void aPendingInviteTakesEffectForTheNewUser() {
        fixture.given(created(), aliceAdmin(),
                        new OrgInvitePendingEvent(ORG, "orgInvite-1", "carol@example.org", DEFAULT_MEMBER))
                .when(new AcceptPendingOrgInviteCommand(ORG, "orgInvite-1", CAROL))
                .expectEvents(new OrgInviteAcceptedEvent(ORG, "orgInvite-1", CAROL),
                        new OrgMemberAddedEvent(ORG, CAROL, DEFAULT_MEMBER, "orgInvite-1"));
    }

    @Test
    void anAdminBecomingAMemberNeedsTheThreeFlags() {
        fixture.given(created(), aliceAdmin(), new OrgMemberAddedEvent(ORG, BOB, MemberAccess.admin(false), null))
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(BOB, new MemberAccessChange("MEMBER", true, null, true,
                        null)), AS_ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void anAdminBecomesAMemberKeepingTreManagement() {
        fixture.given(created(), aliceAdmin(), new OrgMemberAddedEvent(ORG, BOB, MemberAccess.admin(true), null))
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(BOB, new MemberAccessChange("MEMBER", false, "VIEW",
                        true, null)), AS_ALICE))
                .expectEvents(new OrgMemberAccessChangedEvent(ORG, BOB,
                        new MemberAccess("MEMBER", false, "VIEW", true, true)));
    }

    @Test
    void flagsAreProhibitedWhenMakingAnAdmin() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(BOB, new MemberAccessChange("ADMIN", true, null, null,
                        null)), AS_ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aMemberStayingAMemberChangesOnlyTheGivenFlags() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(BOB, new MemberAccessChange(null, null, "VIEW", null,
                        true)), AS_ALICE))
                .expectEvents(new OrgMemberAccessChangedEvent(ORG, BOB,
                        new MemberAccess("MEMBER", false, "VIEW", true, true)));
    }

    @Test
    void theRequesterCannotChangeTheirOwnAccess() {
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(ALICE, new MemberAccessChange("MEMBER", true, "VIEW",
                        true, null)), AS_ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void changesToMembersAreMadeEvenWhenOthersAreNotMembers() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(
                        BOB, new MemberAccessChange(null, true, null, null, null),
                        CAROL, new MemberAccessChange(null, true, null, null, null)), AS_ALICE))
                .expectResultMessagePayload(List.of(CAROL))
                .expectEvents(new OrgMemberAccessChangedEvent(ORG, BOB,
                        new MemberAccess("MEMBER", true, "CONTRIBUTE", true, false)));
    }

    @Test
    void theOperatorChangesAnyMemberIncludingTheCreator() {
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(ALICE, new MemberAccessChange(null, null, null, null,
                        true)), AS_OPERATOR))
                .expectEvents(new OrgMemberAccessChangedEvent(ORG, ALICE, MemberAccess.admin(true)));
    }

    @Test
    void theOrgKeepsAnAdminWhenAccessChanges() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(ALICE, new MemberAccessChange("MEMBER", true, "VIEW",
                        true, null)), AS_OPERATOR))
                .expectException(dxError(ErrorType.InvalidState))
                .expectNoEvents();
    }

    @Test
    void theOnlyAdminCannotBeRemoved() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new RemoveOrgMemberCommand(ORG, ALICE, REMOVAL, true, true, AS_ALICE))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void anAdminRemovesAMemberWhoseAccessIsThenWithdrawnWithTheRequesterTakingOver() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new RemoveOrgMemberCommand(ORG, BOB, REMOVAL, true, false, AS_ALICE))
                .expectResultMessagePayload(true)
                .expectEvents(new OrgMemberRemovedEvent(ORG, BOB, ALICE),
                        new OrgMemberAccessWithdrawalStartedEvent(ORG, REMOVAL, BOB, ALICE, true, false, true));
    }

    @Test
    void anAdminRemovingThemselfTakesNothingOver() {
        fixture.given(created(), aliceAdmin(), new OrgMemberAddedEvent(ORG, BOB, MemberAccess.admin(false), null))
                .when(new RemoveOrgMemberCommand(ORG, BOB, REMOVAL, true, true, AS_BOB))
                .expectEvents(new OrgMemberRemovedEvent(ORG, BOB, BOB),
                        new OrgMemberAccessWithdrawalStartedEvent(ORG, REMOVAL, BOB, BOB, true, true, false));
    }

    @Test
    void aRemovalThatRevokesNothingEndsWithTheMembership() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new RemoveOrgMemberCommand(ORG, BOB, REMOVAL, false, false, AS_ALICE))
                .expectResultMessagePayload(false)
                .expectEvents(new OrgMemberRemovedEvent(ORG, BOB, ALICE));
    }

    @Test
    void theWithdrawalIsRecordedOnce() {
        OrgMemberAccessWithdrawnEvent withdrawn = new OrgMemberAccessWithdrawnEvent(ORG, REMOVAL, BOB,
                Map.of("project-1", true), Map.of("bwa", false), List.of());
        OrgMemberAccessWithdrawalStartedEvent started = new OrgMemberAccessWithdrawalStartedEvent(ORG, REMOVAL, BOB,
                ALICE, true, true, true);
        fixture.given(created(), aliceAdmin(), bobMember(), new OrgMemberRemovedEvent(ORG, BOB, ALICE), started)
                .when(new CompleteOrgMemberAccessWithdrawalCommand(ORG, REMOVAL, Map.of("project-1", true),
                        Map.of("bwa", false), List.of()))
                .expectEvents(withdrawn);
        fixture.given(created(), aliceAdmin(), bobMember(), new OrgMemberRemovedEvent(ORG, BOB, ALICE), started,
                        withdrawn)
                .when(new CompleteOrgMemberAccessWithdrawalCommand(ORG, REMOVAL, Map.of(), Map.of(), List.of("x")))
                .expectNoEvents();
    }

    @Test
    void removingSomeoneWhoIsNotAMemberChangesNothing() {
        fixture.given(created(), aliceAdmin())
                .when(new RemoveOrgMemberCommand(ORG, CAROL, REMOVAL, true, true, AS_ALICE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void anOrgWithBilledResourcesCannotBeDestroyed() {
        billed.set(true);
        fixture.given(created(), aliceAdmin())
                .when(new DestroyOrgCommand(ORG, AS_ALICE))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void anAdminDestroysAnOrgWithNothingBilled() {
        fixture.given(created(), aliceAdmin())
                .when(new DestroyOrgCommand(ORG, AS_ALICE))
                .expectEvents(new OrgDestroyedEvent(ORG, ALICE));
    }

    @Test
    void aDestroyedOrgAcceptsNoCommand() {
        fixture.given(created(), aliceAdmin(), new OrgDestroyedEvent(ORG, ALICE))
                .when(new UpdateOrgCommand(ORG, "again", null, null, AS_ALICE))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    // ---- bulkUpdateProjectLimit ----

    private static final String LIMITS = "orgProjectLimits-0123456789BFGJKPQVXYZbfg";
    private static final SpendingLimitsChange COMPUTE_100 = new SpendingLimitsChange(true, 100L, false, null, false,
            null);

    private void project(String id, String billTo, boolean destroyed) {
        projects.put(id, new ProjectFacts(id, id, billTo, "aws:us-east-1", Map.of(), null, 0, destroyed, Set.of(), null));
    }

    @Test
    void anAdminUpdatesTheLimitsOfTheOrgsProjectsEachOnce() {
        project("project-1", ORG, false);
        project("project-2", ORG, false);
        fixture.given(created(), aliceAdmin(), licensed("monthlyProjectSpendingLimit"))
                .when(new UpdateOrgProjectLimitsCommand(ORG, LIMITS, List.of("project-1", "project-2", "project-1"),
                        COMPUTE_100, false, AS_ALICE))
                .expectResultMessagePayload(2)
                .expectEvents(new OrgProjectLimitsUpdateStartedEvent(ORG, LIMITS, List.of("project-1", "project-2"),
                        COMPUTE_100, ALICE));
    }

    @Test
    void aDryRunCountsAndChangesNothing() {
        project("project-1", ORG, false);
        fixture.given(created(), aliceAdmin(), licensed("monthlyProjectSpendingLimit"))
                .when(new UpdateOrgProjectLimitsCommand(ORG, LIMITS, List.of("project-1"), COMPUTE_100, true,
                        AS_ALICE))
                .expectResultMessagePayload(1)
                .expectNoEvents();
    }

    @Test
    void limitsNeedAnAdminWithAFullScopeTokenThenTheirLicenses() {
        project("project-1", ORG, false);
        fixture.given(created(), aliceAdmin(), bobMember(), licensed("monthlyProjectSpendingLimit"))
                .when(new UpdateOrgProjectLimitsCommand(ORG, LIMITS, List.of("project-1"), COMPUTE_100, false, AS_BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
        fixture.given(created(), aliceAdmin(), licensed("monthlyProjectSpendingLimit"))
                .when(new UpdateOrgProjectLimitsCommand(ORG, LIMITS, List.of("project-1"), COMPUTE_100, false,
                        ALICE_LIMITED))
                .expectException(dxError(ErrorType.PermissionDenied));
        fixture.given(created(), aliceAdmin())
                .when(new UpdateOrgProjectLimitsCommand(ORG, LIMITS, List.of("project-1"), COMPUTE_100, false,
                        AS_ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
        fixture.given(created(), aliceAdmin(), licensed("monthlyProjectSpendingLimit"))
                .when(new UpdateOrgProjectLimitsCommand(ORG, LIMITS, List.of("project-1"),
                        new SpendingLimitsChange(false, null, false, null, true, 5.0), false, AS_ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void everyProjectMustExistBeforeAnyIsCheckedForItsOrg() {
        project("project-1", "org-elsewhere", false);
        project("project-2", ORG, true);
        fixture.given(created(), aliceAdmin(), licensed("monthlyProjectSpendingLimit"))
                .when(new UpdateOrgProjectLimitsCommand(ORG, LIMITS, List.of("project-1", "project-2"), COMPUTE_100,
                        false, AS_ALICE))
                .expectException(dxError(ErrorType.ResourceNotFound));
        fixture.given(created(), aliceAdmin(), licensed("monthlyProjectSpendingLimit"))
                .when(new UpdateOrgProjectLimitsCommand(ORG, LIMITS, List.of("project-1"), COMPUTE_100, false,
                        AS_ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void theUpdateIsRecordedOnce() {
        OrgProjectLimitsUpdateStartedEvent started = new OrgProjectLimitsUpdateStartedEvent(ORG, LIMITS,
                List.of("project-1"), COMPUTE_100, ALICE);
        OrgProjectLimitsUpdatedEvent updated = new OrgProjectLimitsUpdatedEvent(ORG, LIMITS, 1, List.of());
        fixture.given(created(), aliceAdmin(), started)
                .when(new CompleteOrgProjectLimitsUpdateCommand(ORG, LIMITS, 1, List.of()))
                .expectEvents(updated);
        fixture.given(created(), aliceAdmin(), started, updated)
                .when(new CompleteOrgProjectLimitsUpdateCommand(ORG, LIMITS, 0, List.of("project-1")))
                .expectNoEvents();
    }
}
