package org.tre.directory.org;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.directory.support.TakenNames;
import org.tre.messages.error.ErrorType;
import org.tre.messages.org.MemberAccess;
import org.tre.messages.org.OrgCommands.AcceptPendingOrgInviteCommand;
import org.tre.messages.org.OrgCommands.ConfigureJobLogsForwardingCommand;
import org.tre.messages.org.OrgCommands.CreateOrgCommand;
import org.tre.messages.org.OrgCommands.DestroyOrgCommand;
import org.tre.messages.org.OrgCommands.InviteToOrgCommand;
import org.tre.messages.org.OrgCommands.MemberAccessChange;
import org.tre.messages.org.OrgCommands.RemoveOrgMemberCommand;
import org.tre.messages.org.OrgCommands.SetOrgLicensesCommand;
import org.tre.messages.org.OrgCommands.SetOrgMemberAccessCommand;
import org.tre.messages.org.OrgCommands.UpdateOrgCommand;
import org.tre.messages.org.OrgEvents.JobLogsForwardingConfiguredEvent;
import org.tre.messages.org.OrgEvents.JobLogsForwardingDisabledEvent;
import org.tre.messages.org.OrgEvents.OrgCreatedEvent;
import org.tre.messages.org.OrgEvents.OrgDestroyedEvent;
import org.tre.messages.org.OrgEvents.OrgInviteAcceptedEvent;
import org.tre.messages.org.OrgEvents.OrgInvitePendingEvent;
import org.tre.messages.org.OrgEvents.OrgLicensesSetEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAccessChangedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAddedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberRemovedEvent;
import org.tre.messages.org.OrgEvents.OrgPendingInviteRaisedEvent;
import org.tre.messages.org.OrgEvents.OrgUpdatedEvent;
import org.tre.messages.user.Operator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.tre.directory.support.DxErrorMatcher.dxError;

/** One rule of the Organizations API per test, on the Org aggregate alone. */
class OrgTest {

    private static final String ORG = "org-acme";
    private static final String ALICE = "user-alice";
    private static final String BOB = "user-bob";
    private static final String CAROL = "user-carol";
    private static final MemberAccess DEFAULT_MEMBER = new MemberAccess("MEMBER", false, "CONTRIBUTE", true, false);

    private FixtureConfiguration<Org> fixture;
    private final TakenNames taken = new TakenNames();
    private final AtomicBoolean billed = new AtomicBoolean();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Org.class);
        fixture.registerInjectableResource(taken);
        fixture.registerInjectableResource((BilledResources) orgId -> billed.get());
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
                .when(new CreateOrgCommand(ORG, "Acme", "Acme Research", Map.of(), ALICE))
                .expectEvents(created(), aliceAdmin());
    }

    @Test
    void policiesGivenAtCreationOverrideTheDefaults() {
        Map<String, Object> policies = OrgPolicies.merged(OrgPolicies.defaults(), Map.of("memberListVisibility", "PUBLIC"));
        fixture.givenNoPriorActivity()
                .when(new CreateOrgCommand(ORG, "Acme", "Acme Research", Map.of("memberListVisibility", "PUBLIC"), ALICE))
                .expectEvents(new OrgCreatedEvent(ORG, "Acme", "Acme Research", policies, List.of(Org.DEFAULT_REGION),
                        Org.DEFAULT_REGION, ALICE), aliceAdmin());
    }

    @Test
    void aTakenHandleIsInvalidState() {
        taken.handles.add("acme");
        fixture.givenNoPriorActivity()
                .when(new CreateOrgCommand(ORG, "Acme", "Acme Research", Map.of(), ALICE))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void aNewOrgCannotSetSpendingLimitPolicies() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrgCommand(ORG, "Acme", "Acme", Map.of("projectSpendingLimitNotificationThreshold", 50),
                        ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void onlyTheOperatorSetsLicenses() {
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgLicensesCommand(ORG, true, null, null, null, null, null, ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void theOperatorSetsLicensesRegionsAndBilling() {
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgLicensesCommand(ORG, true, Map.of("treManagement", true),
                        List.of("aws:us-east-1", "azure:westus"), "azure:westus", true, null, Operator.USER_ID))
                .expectEvents(new OrgLicensesSetEvent(ORG, true, Map.of("treManagement", true),
                        List.of("aws:us-east-1", "azure:westus"), "azure:westus", true, Map.of()));
    }

    @Test
    void theDefaultRegionMustBePermitted() {
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgLicensesCommand(ORG, null, null, List.of("aws:us-east-1"), "azure:westus", null, null,
                        Operator.USER_ID))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void onlyAnAdminUpdatesTheOrg() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new UpdateOrgCommand(ORG, "New name", null, null, BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anAdminRenamesAndChangesPolicies() {
        fixture.given(created(), aliceAdmin())
                .when(new UpdateOrgCommand(ORG, "New name", Map.of("restrictProjectSharing", "ADMIN"), null, ALICE))
                .expectEvents(new OrgUpdatedEvent(ORG, "New name", Map.of("restrictProjectSharing", "ADMIN"), null));
    }

    @Test
    void spendingLimitPoliciesNeedTheirLicense() {
        fixture.given(created(), aliceAdmin())
                .when(new UpdateOrgCommand(ORG, null, Map.of("monthlyProjectComputeLimitDefault", 100), null, ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aLicensedOrgSetsSpendingLimitPolicies() {
        fixture.given(created(), aliceAdmin(), licensed("monthlyProjectSpendingLimit"))
                .when(new UpdateOrgCommand(ORG, null, Map.of("monthlyProjectComputeLimitDefault", 100), null, ALICE))
                .expectEvents(new OrgUpdatedEvent(ORG, null, Map.of("monthlyProjectComputeLimitDefault", 100), null));
    }

    @Test
    void theStorageTerminationPolicyCannotBeChanged() {
        fixture.given(created(), aliceAdmin(), licensed("monthlyProjectStorageSpendingLimit"))
                .when(new UpdateOrgCommand(ORG, null, Map.of("enforceTerminationForProjectStorageLimit", true), null,
                        ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void anUpdatedDefaultRegionMustBePermitted() {
        fixture.given(created(), aliceAdmin())
                .when(new UpdateOrgCommand(ORG, null, null, "azure:westus", ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void jobLogsForwardingNeedsItsLicense() {
        fixture.given(created(), aliceAdmin())
                .when(new ConfigureJobLogsForwardingCommand(ORG, "https://splunk.example.org", "abc", ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void jobLogsForwardingIsSwitchedOnAndOff() {
        fixture.given(created(), aliceAdmin(), licensed("jobLogsForwarding"))
                .when(new ConfigureJobLogsForwardingCommand(ORG, "https://splunk.example.org", "abc", ALICE))
                .expectEvents(new JobLogsForwardingConfiguredEvent(ORG, "https://splunk.example.org", "abc", ALICE));
        fixture.given(created(), aliceAdmin(), licensed("jobLogsForwarding"))
                .when(new ConfigureJobLogsForwardingCommand(ORG, null, null, ALICE))
                .expectEvents(new JobLogsForwardingDisabledEvent(ORG, ALICE));
    }

    @Test
    void anInvitedUserJoinsAtOnce() {
        fixture.given(created(), aliceAdmin())
                .when(new InviteToOrgCommand(ORG, "orgInvite-1", BOB, null, DEFAULT_MEMBER, ALICE))
                .expectResultMessagePayload("orgInvite-1")
                .expectEvents(bobMember());
    }

    @Test
    void onlyAnAdminInvites() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new InviteToOrgCommand(ORG, "orgInvite-2", CAROL, null, DEFAULT_MEMBER, BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anInviteForAccessAlreadyHeldChangesNothing() {
        MemberAccess less = new MemberAccess("MEMBER", false, "VIEW", true, false);
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new InviteToOrgCommand(ORG, "orgInvite-2", BOB, null, less, ALICE))
                .expectResultMessagePayload(null)
                .expectNoEvents();
    }

    @Test
    void anInviteAtAHigherLevelUpgradesAtOnce() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new InviteToOrgCommand(ORG, "orgInvite-2", BOB, null, MemberAccess.admin(true), ALICE))
                .expectEvents(new OrgMemberAccessChangedEvent(ORG, BOB, MemberAccess.admin(true)));
    }

    @Test
    void anEmailWithoutAUserLeavesAPendingInvite() {
        fixture.given(created(), aliceAdmin())
                .when(new InviteToOrgCommand(ORG, "orgInvite-1", null, "Carol@Example.org", DEFAULT_MEMBER, ALICE))
                .expectResultMessagePayload("orgInvite-1")
                .expectEvents(new OrgInvitePendingEvent(ORG, "orgInvite-1", "carol@example.org", DEFAULT_MEMBER));
    }

    @Test
    void aRepeatedPendingInviteReturnsTheSameInvite() {
        fixture.given(created(), aliceAdmin(),
                        new OrgInvitePendingEvent(ORG, "orgInvite-1", "carol@example.org", DEFAULT_MEMBER))
                .when(new InviteToOrgCommand(ORG, "orgInvite-2", null, "carol@example.org", DEFAULT_MEMBER, ALICE))
                .expectResultMessagePayload("orgInvite-1")
                .expectNoEvents();
    }

    @Test
    void aRepeatedPendingInviteForMoreAccessRaisesIt() {
        fixture.given(created(), aliceAdmin(),
                        new OrgInvitePendingEvent(ORG, "orgInvite-1", "carol@example.org", DEFAULT_MEMBER))
                .when(new InviteToOrgCommand(ORG, "orgInvite-2", null, "carol@example.org", MemberAccess.admin(false),
                        ALICE))
                .expectResultMessagePayload("orgInvite-1")
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
                        null)), ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void anAdminBecomesAMemberKeepingTreManagement() {
        fixture.given(created(), aliceAdmin(), new OrgMemberAddedEvent(ORG, BOB, MemberAccess.admin(true), null))
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(BOB, new MemberAccessChange("MEMBER", false, "VIEW",
                        true, null)), ALICE))
                .expectEvents(new OrgMemberAccessChangedEvent(ORG, BOB,
                        new MemberAccess("MEMBER", false, "VIEW", true, true)));
    }

    @Test
    void flagsAreProhibitedWhenMakingAnAdmin() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(BOB, new MemberAccessChange("ADMIN", true, null, null,
                        null)), ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aMemberStayingAMemberChangesOnlyTheGivenFlags() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(BOB, new MemberAccessChange(null, null, "VIEW", null,
                        true)), ALICE))
                .expectEvents(new OrgMemberAccessChangedEvent(ORG, BOB,
                        new MemberAccess("MEMBER", false, "VIEW", true, true)));
    }

    @Test
    void theRequesterCannotChangeTheirOwnAccess() {
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(ALICE, new MemberAccessChange("MEMBER", true, "VIEW",
                        true, null)), ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void changesToMembersAreMadeEvenWhenOthersAreNotMembers() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(
                        BOB, new MemberAccessChange(null, true, null, null, null),
                        CAROL, new MemberAccessChange(null, true, null, null, null)), ALICE))
                .expectResultMessagePayload(List.of(CAROL))
                .expectEvents(new OrgMemberAccessChangedEvent(ORG, BOB,
                        new MemberAccess("MEMBER", true, "CONTRIBUTE", true, false)));
    }

    @Test
    void theOperatorChangesAnyMemberIncludingTheCreator() {
        fixture.given(created(), aliceAdmin())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(ALICE, new MemberAccessChange(null, null, null, null,
                        true)), Operator.USER_ID))
                .expectEvents(new OrgMemberAccessChangedEvent(ORG, ALICE, MemberAccess.admin(true)));
    }

    @Test
    void theOrgKeepsAnAdminWhenAccessChanges() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new SetOrgMemberAccessCommand(ORG, Map.of(ALICE, new MemberAccessChange("MEMBER", true, "VIEW",
                        true, null)), Operator.USER_ID))
                .expectException(dxError(ErrorType.InvalidState))
                .expectNoEvents();
    }

    @Test
    void theOnlyAdminCannotBeRemoved() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new RemoveOrgMemberCommand(ORG, ALICE, ALICE))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void anAdminRemovesAMember() {
        fixture.given(created(), aliceAdmin(), bobMember())
                .when(new RemoveOrgMemberCommand(ORG, BOB, ALICE))
                .expectEvents(new OrgMemberRemovedEvent(ORG, BOB, ALICE));
    }

    @Test
    void removingSomeoneWhoIsNotAMemberChangesNothing() {
        fixture.given(created(), aliceAdmin())
                .when(new RemoveOrgMemberCommand(ORG, CAROL, ALICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOrgWithBilledResourcesCannotBeDestroyed() {
        billed.set(true);
        fixture.given(created(), aliceAdmin())
                .when(new DestroyOrgCommand(ORG, ALICE))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void anAdminDestroysAnOrgWithNothingBilled() {
        fixture.given(created(), aliceAdmin())
                .when(new DestroyOrgCommand(ORG, ALICE))
                .expectEvents(new OrgDestroyedEvent(ORG, ALICE));
    }

    @Test
    void aDestroyedOrgAcceptsNoCommand() {
        fixture.given(created(), aliceAdmin(), new OrgDestroyedEvent(ORG, ALICE))
                .when(new UpdateOrgCommand(ORG, "again", null, null, ALICE))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }
}
