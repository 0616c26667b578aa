package org.tre.directory.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.Requester;
import org.tre.messages.error.ErrorType;
import org.tre.messages.org.Licenses;
import org.tre.messages.project.ProjectCommands.AcceptProjectTransferCommand;
import org.tre.messages.project.ProjectCommands.CreateProjectCommand;
import org.tre.messages.project.ProjectCommands.EnforceTreProjectFlagsCommand;
import org.tre.messages.project.ProjectCommands.DecreaseProjectPermissionsCommand;
import org.tre.messages.project.ProjectCommands.DestroyProjectCommand;
import org.tre.messages.project.ProjectCommands.GrantProjectAccessCommand;
import org.tre.messages.project.ProjectCommands.InviteToProjectCommand;
import org.tre.messages.project.ProjectCommands.LeaveProjectCommand;
import org.tre.messages.project.ProjectCommands.RemoveOrgMemberFromProjectCommand;
import org.tre.messages.project.ProjectCommands.RevokeProjectAccessCommand;
import org.tre.messages.project.ProjectCommands.SetProjectSpendingLimitsCommand;
import org.tre.messages.project.ProjectCommands.TransferProjectCommand;
import org.tre.messages.project.ProjectCommands.UpdateProjectCommand;
import org.tre.messages.project.ProjectEvents.ProjectAccessDecreasedEvent;
import org.tre.messages.project.ProjectEvents.ProjectAccessGrantedEvent;
import org.tre.messages.project.ProjectEvents.ProjectAccessRevokedEvent;
import org.tre.messages.project.ProjectEvents.ProjectBillToChangedEvent;
import org.tre.messages.project.ProjectEvents.ProjectCreatedEvent;
import org.tre.messages.project.ProjectEvents.ProjectTreFlagsEnforcedEvent;
import org.tre.messages.project.ProjectEvents.ProjectDestroyedEvent;
import org.tre.messages.project.ProjectEvents.ProjectSpendingLimitsSetEvent;
import org.tre.messages.project.ProjectEvents.ProjectTransferOfferedEvent;
import org.tre.messages.project.ProjectEvents.ProjectTransferredEvent;
import org.tre.messages.project.ProjectEvents.ProjectUpdatedEvent;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectGrants;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.SpendingLimits;
import org.tre.messages.project.SpendingLimitsChange;
import org.tre.messages.user.TokenScope;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.tre.directory.project.Refusals.dxError;
import static org.tre.messages.project.ProjectLevel.ADMINISTER;
import static org.tre.messages.project.ProjectLevel.CONTRIBUTE;
import static org.tre.messages.project.ProjectLevel.NONE;
import static org.tre.messages.project.ProjectLevel.UPLOAD;
import static org.tre.messages.project.ProjectLevel.VIEW;

class ProjectTest {

    private static final String P = "project-0123456789BFGJKPQVXYZbfg";
    private static final String ACME = "org-acme";
    private static final String BETA = "org-beta";
    private static final String ALICE = "user-alice";
    private static final String BOB = "user-bob";
    private static final String CAROL = "user-carol";
    private static final String TRE_SOURCE = "tre-genomics";
    private static final String US = "aws:us-east-1";
    /** A data access request whose applicant is ALICE and whose collaborator is BOB. */
    static final String REQUEST = "treApplication-BBBBBBBBBBBBBBBBBBBBBBBB";

    private FixtureConfiguration<Project> fixture;
    private InMemoryOrgDirectory orgs;

    @BeforeEach
    void setUp() {
        orgs = new InMemoryOrgDirectory()
                .billableOrg(ACME, Licenses.MONTHLY_PROJECT_SPENDING_LIMIT)
                .billableOrg(BETA)
                .admin(ACME, ALICE)
                .admin(BETA, CAROL);
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(orgs);
        fixture.registerInjectableResource(new InMemoryOrgDirectory.KnownUsers(ALICE, BOB, CAROL));
        fixture.registerInjectableResource(new TreRoles() {
            @Override
            public boolean isTreAdmin(String treId, String userId) {
                return TRE_SOURCE.equals(treId) && CAROL.equals(userId);
            }

            @Override
            public Set<String> requestParties(String requestId) {
                return REQUEST.equals(requestId) ? Set.of(ALICE, BOB) : Set.of();
            }
        });
    }

    /** The user with a full-scope token. */
    private static Requester as(String userId) {
        return new Requester(userId, TokenScope.fullScope());
    }

    /** The user with a token that reaches this project at {@code level} only. */
    private static Requester limited(String userId, ProjectLevel level) {
        return new Requester(userId, TokenScope.limitedTo(Map.of(P, level.name())));
    }

    private static CreateProjectCommand create(String by, String billTo, String region, Map<String, Boolean> flags) {
        return new CreateProjectCommand(P, "Cohort", "sum", null, List.of("t"), Map.of("k", "v"), billTo, region,
                flags, null, as(by));
    }

    private static ProjectCreatedEvent created(String billTo, String region, Map<String, Boolean> flags, String tre) {
        Map<String, Boolean> all = ProjectFlags.defaults();
        all.putAll(flags);
        return new ProjectCreatedEvent(P, "Cohort", "sum", null, List.of("t"), Map.of("k", "v"), billTo, region, all,
                tre, ALICE);
    }

    private static ProjectCreatedEvent created() {
        return created(ACME, US, Map.of(), null);
    }

    private static ProjectAccessGrantedEvent grant(String principal, ProjectLevel level) {
        return new ProjectAccessGrantedEvent(P, principal, level, ProjectGrants.DIRECT, ALICE);
    }

    private static ProjectAccessGrantedEvent treGrant(String principal, ProjectLevel level) {
        return new ProjectAccessGrantedEvent(P, principal, level, TRE_SOURCE, TRE_SOURCE);
    }

    private static UpdateProjectCommand rename(String name, Long version, String by) {
        return new UpdateProjectCommand(P, version, name, null, null, null, null, as(by));
    }

    private static UpdateProjectCommand setFlags(Map<String, Boolean> flags, String by) {
        return new UpdateProjectCommand(P, null, null, null, null, flags, null, as(by));
    }

    private static UpdateProjectCommand moveBilling(String billTo, String by) {
        return new UpdateProjectCommand(P, null, null, null, null, null, billTo, as(by));
    }

    // ---- TRE-enforced flags ----

    private static Map<String, Boolean> flagsWith(Map<String, Boolean> changes) {
        Map<String, Boolean> all = ProjectFlags.defaults();
        all.putAll(changes);
        return all;
    }

    @Test
    void aTreProjectEnforcesTheTresNonNullPolicies() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(P, "Cohort", "sum", null, List.of("t"), Map.of("k", "v"), ACME, US,
                        Map.of("restricted", true), TRE_SOURCE, as(BOB)))
                .expectEvents(new ProjectCreatedEvent(P, "Cohort", "sum", null, List.of("t"), Map.of("k", "v"), ACME, US,
                                flagsWith(Map.of("restricted", true)), TRE_SOURCE, BOB),
                        new ProjectAccessGrantedEvent(P, BOB, ProjectLevel.ADMINISTER, ProjectGrants.DIRECT, BOB),
                        new ProjectTreFlagsEnforcedEvent(P, flagsWith(Map.of("restricted", true)),
                                java.util.Set.of("restricted")));
    }

    @Test
    void aProjectAdminCannotChangeAFlagTheTreEnforces() {
        fixture.given(created(ACME, US, Map.of("restricted", true), TRE_SOURCE), grant(ALICE, ProjectLevel.ADMINISTER),
                        new ProjectTreFlagsEnforcedEvent(P, flagsWith(Map.of("restricted", true)),
                                java.util.Set.of("restricted")))
                .when(setFlags(Map.of("restricted", false), ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aPolicyChangeReachesTheProjectOnce() {
        Map<String, Boolean> policies = new java.util.LinkedHashMap<>();
        policies.put("restricted", true);
        policies.put("downloadRestricted", null);
        fixture.given(created(ACME, US, Map.of(), TRE_SOURCE), grant(ALICE, ProjectLevel.ADMINISTER))
                .when(new EnforceTreProjectFlagsCommand(P, policies))
                .expectEvents(new ProjectTreFlagsEnforcedEvent(P, flagsWith(Map.of("restricted", true)),
                        java.util.Set.of("restricted")));
        fixture.given(created(ACME, US, Map.of(), TRE_SOURCE), grant(ALICE, ProjectLevel.ADMINISTER),
                        new ProjectTreFlagsEnforcedEvent(P, flagsWith(Map.of("restricted", true)),
                                java.util.Set.of("restricted")))
                .when(new EnforceTreProjectFlagsCommand(P, policies))
                .expectNoEvents();
    }

    @Test
    void aPolicyTurnedNullFreesTheFlagForProjectAdmins() {
        Map<String, Boolean> policies = new java.util.LinkedHashMap<>();
        policies.put("restricted", null);
        fixture.given(created(ACME, US, Map.of("restricted", true), TRE_SOURCE), grant(ALICE, ProjectLevel.ADMINISTER),
                        new ProjectTreFlagsEnforcedEvent(P, flagsWith(Map.of("restricted", true)),
                                java.util.Set.of("restricted")))
                .when(new EnforceTreProjectFlagsCommand(P, policies))
                .expectEvents(new ProjectTreFlagsEnforcedEvent(P, flagsWith(Map.of("restricted", true)),
                        java.util.Set.of()));
    }

    // ---- creation ----

    @Test
    void aMemberWithBillingRightsCreatesAProjectAndBecomesItsAdministrator() {
        fixture.givenNoPriorActivity()
                .when(create(ALICE, ACME, US, Map.of()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(), new ProjectAccessGrantedEvent(P, ALICE, ADMINISTER, ProjectGrants.DIRECT, ALICE));
    }

    @Test
    void theRegionDefaultsToTheBillingOrgsDefaultRegion() {
        fixture.givenNoPriorActivity()
                .when(create(ALICE, ACME, null, Map.of()))
                .expectEvents(created(), grant(ALICE, ADMINISTER));
    }

    @Test
    void noRegionAndNoDefaultRegionIsInvalidInput() {
        orgs.org("org-nodefault", true, List.of(US), null, Map.of()).admin("org-nodefault", ALICE);
        fixture.givenNoPriorActivity()
                .when(create(ALICE, "org-nodefault", null, Map.of()))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void withoutBillToTheOneBillableOrgTheCreatorMayBillPays() {
        orgs.org("org-free", false, List.of(US), US, Map.of()).admin("org-free", ALICE)
                .member(BETA, ALICE, false, "CONTRIBUTE");
        fixture.givenNoPriorActivity()
                .when(create(ALICE, null, null, Map.of()))
                .expectEvents(created(), grant(ALICE, ADMINISTER));
    }

    @Test
    void withoutBillToACreatorWhoMayBillSeveralOrgsMustNameOne() {
        orgs.admin(BETA, ALICE);
        fixture.givenNoPriorActivity()
                .when(create(ALICE, null, US, Map.of()))
                .expectException(dxError(ErrorType.InvalidInput))
                .expectExceptionMessage("Missing required input 'billTo': you may bill 2 orgs (org-acme, org-beta);"
                        + " name the one to bill in 'billTo'")
                .expectNoEvents();
    }

    @Test
    void withoutBillToACreatorWhoMayBillNoOrgMustNameOne() {
        orgs.member(ACME, BOB, false, "CONTRIBUTE");
        fixture.givenNoPriorActivity()
                .when(create(BOB, null, US, Map.of()))
                .expectException(dxError(ErrorType.InvalidInput))
                .expectNoEvents();
    }

    @Test
    void anUnknownBillToIsResourceNotFound() {
        fixture.givenNoPriorActivity()
                .when(create(ALICE, "org-nowhere", US, Map.of()))
                .expectException(dxError(ErrorType.ResourceNotFound))
                .expectNoEvents();
    }

    @Test
    void aNonBillableOrgCannotBeBilled() {
        orgs.org("org-free", false, List.of(US), US, Map.of()).admin("org-free", ALICE);
        fixture.givenNoPriorActivity()
                .when(create(ALICE, "org-free", US, Map.of()))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void billingNeedsAllowBillableActivities() {
        orgs.member(ACME, BOB, false, "CONTRIBUTE");
        fixture.givenNoPriorActivity()
                .when(create(BOB, ACME, US, Map.of()))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aRegionTheOrgDoesNotPermitIsInvalidInput() {
        fixture.givenNoPriorActivity()
                .when(create(ALICE, ACME, "azure:westeurope", Map.of()))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aFeatureSwitchedFlagNeedsItsLicense() {
        fixture.givenNoPriorActivity()
                .when(create(ALICE, ACME, US, Map.of(ProjectFlags.CONTAINS_PHI, true)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aLicensedFlagIsSetAtCreation() {
        orgs.billableOrg("org-phi", Licenses.PHI_FEATURES).admin("org-phi", ALICE);
        fixture.givenNoPriorActivity()
                .when(create(ALICE, "org-phi", US, Map.of(ProjectFlags.CONTAINS_PHI, true)))
                .expectEvents(created("org-phi", US, Map.of(ProjectFlags.CONTAINS_PHI, true), null),
                        grant(ALICE, ADMINISTER));
    }

    // ---- update ----

    @Test
    void aContributorRenamesTheProject() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(rename("New", null, BOB))
                .expectEvents(new ProjectUpdatedEvent(P, "New", "sum", null, ProjectFlags.defaults(), BOB));
    }

    @Test
    void renamingNeedsContribute() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, UPLOAD))
                .when(rename("New", null, BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void changingFlagsNeedsAdminister() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(setFlags(Map.of(ProjectFlags.PROTECTED, true), BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anAdministratorChangesFlags() {
        Map<String, Boolean> flags = ProjectFlags.defaults();
        flags.put(ProjectFlags.PROTECTED, true);
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(setFlags(Map.of(ProjectFlags.PROTECTED, true), ALICE))
                .expectEvents(new ProjectUpdatedEvent(P, "Cohort", "sum", null, flags, ALICE));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(rename("Cohort", null, ALICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aStaleVersionIsInvalidState() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(rename("New", 1L, ALICE))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void theCurrentVersionPasses() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(rename("New", 2L, ALICE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void containsPhiOnceOnIsNeverTurnedOff() {
        fixture.given(created(ACME, US, Map.of(ProjectFlags.CONTAINS_PHI, true), null), grant(ALICE, ADMINISTER))
                .when(setFlags(Map.of(ProjectFlags.CONTAINS_PHI, false), ALICE))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void turningOnAFeatureSwitchedFlagNeedsTheLicense() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(setFlags(Map.of(ProjectFlags.DISPLAY_DATA_PROTECTION_NOTICE, true), ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void billToMovesToAnOrgWhereTheAdministratorMayBill() {
        orgs.member(BETA, ALICE, true, "CONTRIBUTE");
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(moveBilling(BETA, ALICE))
                .expectEvents(new ProjectBillToChangedEvent(P, ACME, BETA, ALICE));
    }

    @Test
    void aNewBillToNeedsBillingRightsThere() {
        orgs.member(BETA, ALICE, false, "CONTRIBUTE");
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(moveBilling(BETA, ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anUnknownNewBillToIsResourceNotFound() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(moveBilling("org-nowhere", ALICE))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void aBillToChangeFollowsRestrictProjectTransfer() {
        orgs.org("org-strict", true, List.of(US), US, Map.of("restrictProjectTransfer", "ADMIN"))
                .member("org-strict", BOB, true, "CONTRIBUTE").member(BETA, BOB, true, "CONTRIBUTE");
        fixture.given(created("org-strict", US, Map.of(), null), grant(ALICE, ADMINISTER), grant(BOB, ADMINISTER))
                .when(moveBilling(BETA, BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void theBillToOfATreProjectCannotChange() {
        orgs.member(BETA, ALICE, true, "CONTRIBUTE");
        fixture.given(created(ACME, US, Map.of(), TRE_SOURCE), grant(ALICE, ADMINISTER))
                .when(moveBilling(BETA, ALICE))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aDestroyedProjectIsResourceNotFound() {
        fixture.given(created(), grant(ALICE, ADMINISTER), new ProjectDestroyedEvent(P, ALICE))
                .when(rename("New", null, ALICE))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    // ---- invite ----

    @Test
    void anAdministratorInvitesAUser() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new InviteToProjectCommand(P, BOB, VIEW, as(ALICE)))
                .expectEvents(grant(BOB, VIEW));
    }

    @Test
    void invitingNeedsAdminister() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(new InviteToProjectCommand(P, CAROL, VIEW, as(BOB)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anUnknownInviteeIsResourceNotFound() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new InviteToProjectCommand(P, "user-nobody", VIEW, as(ALICE)))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void publicIsInvitedAtViewOnly() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new InviteToProjectCommand(P, ProjectGrants.PUBLIC, CONTRIBUTE, as(ALICE)))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void anInviteNeverLowers() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(new InviteToProjectCommand(P, BOB, VIEW, as(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void invitingAnOrgNeedsMembershipThereAsItsRestrictProjectSharingSays() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new InviteToProjectCommand(P, BETA, VIEW, as(ALICE)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anOrgMemberSharesWithTheirOrg() {
        orgs.member(BETA, ALICE, false, "VIEW");
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new InviteToProjectCommand(P, BETA, UPLOAD, as(ALICE)))
                .expectEvents(grant(BETA, UPLOAD));
    }

    @Test
    void publicCannotBeInvitedToATreProject() {
        fixture.given(created(ACME, US, Map.of(), TRE_SOURCE), grant(ALICE, ADMINISTER))
                .when(new InviteToProjectCommand(P, ProjectGrants.PUBLIC, VIEW, as(ALICE)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void onlyTheCreatorInvitesToATreProject() {
        fixture.given(created(ACME, US, Map.of(), TRE_SOURCE), grant(ALICE, ADMINISTER), grant(BOB, ADMINISTER))
                .when(new InviteToProjectCommand(P, CAROL, VIEW, as(BOB)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anAdminOfTheTreInvitesToItsProjects() {
        fixture.given(created(ACME, US, Map.of(), TRE_SOURCE), grant(ALICE, ADMINISTER))
                .when(new InviteToProjectCommand(P, BOB, VIEW, as(CAROL)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectAccessGrantedEvent(P, BOB, VIEW, ProjectGrants.DIRECT, CAROL));
    }

    @Test
    void orgGrantsReachMembersCappedByTheirProjectAccess() {
        orgs.member(BETA, BOB, false, "CONTRIBUTE");
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BETA, ADMINISTER))
                .when(new InviteToProjectCommand(P, CAROL, VIEW, as(BOB)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anOrgGrantReachesAnOrgAdminInFull() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BETA, ADMINISTER))
                .when(new InviteToProjectCommand(P, BOB, VIEW, as(CAROL)))
                .expectEvents(new ProjectAccessGrantedEvent(P, BOB, VIEW, ProjectGrants.DIRECT, CAROL));
    }

    // ---- decreasePermissions and leave ----

    @Test
    void anAdministratorLowersAMember() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(new DecreaseProjectPermissionsCommand(P, Map.of(BOB, VIEW), as(ALICE)))
                .expectEvents(new ProjectAccessDecreasedEvent(P, BOB, VIEW, ProjectGrants.DIRECT, ALICE));
    }

    @Test
    void decreasingToNoneRevokes() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(new DecreaseProjectPermissionsCommand(P, Map.of(BOB, NONE), as(ALICE)))
                .expectEvents(new ProjectAccessRevokedEvent(P, BOB, ProjectGrants.DIRECT, ALICE));
    }

    @Test
    void aMemberLowersOnlyThemself() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE), grant(CAROL, CONTRIBUTE))
                .when(new DecreaseProjectPermissionsCommand(P, Map.of(CAROL, VIEW), as(BOB)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aMemberLowersThemself() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(new DecreaseProjectPermissionsCommand(P, Map.of(BOB, VIEW), as(BOB)))
                .expectEvents(new ProjectAccessDecreasedEvent(P, BOB, VIEW, ProjectGrants.DIRECT, BOB));
    }

    @Test
    void decreasingCannotRaise() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, VIEW))
                .when(new DecreaseProjectPermissionsCommand(P, Map.of(BOB, CONTRIBUTE), as(ALICE)))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void decreasingSomeoneWithoutAGrantOfTheirOwnIsInvalidInput() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new DecreaseProjectPermissionsCommand(P, Map.of(BOB, VIEW), as(ALICE)))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void theLastAdministratorCannotStepDown() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new DecreaseProjectPermissionsCommand(P, Map.of(ALICE, VIEW), as(ALICE)))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void aMemberLeaves() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, VIEW))
                .when(new LeaveProjectCommand(P, as(BOB)))
                .expectEvents(new ProjectAccessRevokedEvent(P, BOB, ProjectGrants.DIRECT, BOB));
    }

    @Test
    void theLastAdministratorCannotLeave() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, VIEW))
                .when(new LeaveProjectCommand(P, as(ALICE)))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void leavingWithoutAnyAccessIsPermissionDenied() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new LeaveProjectCommand(P, as(BOB)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void leavingWithAccessOnlyThroughAnOrgIsInvalidState() {
        orgs.member(BETA, BOB, false, "VIEW");
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BETA, VIEW))
                .when(new LeaveProjectCommand(P, as(BOB)))
                .expectException(dxError(ErrorType.InvalidState));
    }

    // ---- transfer ----

    @Test
    void anAdministratorOffersTheProjectToAnOrg() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new TransferProjectCommand(P, BETA, as(ALICE)))
                .expectEvents(new ProjectTransferOfferedEvent(P, BETA, ALICE));
    }

    @Test
    void transferringNeedsAdminister() {
        orgs.member(ACME, BOB, false, "CONTRIBUTE");
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(new TransferProjectCommand(P, BETA, as(BOB)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void restrictProjectTransferAdminKeepsMembersFromOffering() {
        orgs.org("org-strict", true, List.of(US), US, Map.of("restrictProjectTransfer", "ADMIN"))
                .member("org-strict", BOB, true, "CONTRIBUTE");
        fixture.given(created("org-strict", US, Map.of(), null), grant(ALICE, ADMINISTER), grant(BOB, ADMINISTER))
                .when(new TransferProjectCommand(P, BETA, as(BOB)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void restrictProjectTransferMemberLetsMembersOffer() {
        orgs.member(ACME, BOB, false, "CONTRIBUTE");
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, ADMINISTER))
                .when(new TransferProjectCommand(P, BETA, as(BOB)))
                .expectEvents(new ProjectTransferOfferedEvent(P, BETA, BOB));
    }

    @Test
    void aTransferToAnUnknownOrgIsResourceNotFound() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new TransferProjectCommand(P, "org-nowhere", as(ALICE)))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void aTransferToTheCurrentBillToIsInvalidInput() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new TransferProjectCommand(P, ACME, as(ALICE)))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aTreProjectCannotBeTransferred() {
        fixture.given(created(ACME, US, Map.of(), TRE_SOURCE), grant(ALICE, ADMINISTER))
                .when(new TransferProjectCommand(P, BETA, as(ALICE)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anAdminOfTheInvitedOrgAcceptsAndPermissionsStay() {
        fixture.given(created(), grant(ALICE, ADMINISTER), new ProjectTransferOfferedEvent(P, BETA, ALICE))
                .when(new AcceptProjectTransferCommand(P, as(CAROL)))
                .expectEvents(new ProjectTransferredEvent(P, ACME, BETA, CAROL));
    }

    @Test
    void acceptingWithNoTransferPendingIsInvalidState() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new AcceptProjectTransferCommand(P, as(CAROL)))
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void aMemberOfTheInvitedOrgCannotAccept() {
        orgs.member(BETA, BOB, true, "CONTRIBUTE");
        fixture.given(created(), grant(ALICE, ADMINISTER), new ProjectTransferOfferedEvent(P, BETA, ALICE))
                .when(new AcceptProjectTransferCommand(P, as(BOB)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void theInvitedOrgMustPermitTheProjectsRegion() {
        orgs.org("org-eu", true, List.of("aws:eu-west-2"), "aws:eu-west-2", Map.of()).admin("org-eu", CAROL);
        fixture.given(created(), grant(ALICE, ADMINISTER), new ProjectTransferOfferedEvent(P, "org-eu", ALICE))
                .when(new AcceptProjectTransferCommand(P, as(CAROL)))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aTreProjectTransferCannotBeAccepted() {
        fixture.given(created(ACME, US, Map.of(), TRE_SOURCE), grant(ALICE, ADMINISTER),
                        new ProjectTransferOfferedEvent(P, BETA, ALICE))
                .when(new AcceptProjectTransferCommand(P, as(CAROL)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    // ---- destroy ----

    @Test
    void anAdministratorDestroysTheProject() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new DestroyProjectCommand(P, as(ALICE)))
                .expectEvents(new ProjectDestroyedEvent(P, ALICE));
    }

    @Test
    void destroyingNeedsAdminister() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(new DestroyProjectCommand(P, as(BOB)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    // ---- the token's scope, after the role ----

    @Test
    void theRoleIsCheckedBeforeTheTokensScope() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, UPLOAD))
                .when(new DestroyProjectCommand(P, limited(BOB, VIEW)))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("You need ADMINISTER"));
    }

    @Test
    void aTokenThatDoesNotReachTheLevelChangesNothing() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new DestroyProjectCommand(P, limited(ALICE, CONTRIBUTE)))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("token's scope"))
                .expectNoEvents();
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(new UpdateProjectCommand(P, null, "Renamed", null, null, null, null, limited(BOB, UPLOAD)))
                .expectException(dxError(ErrorType.PermissionDenied));
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, CONTRIBUTE))
                .when(new LeaveProjectCommand(P, limited(BOB, VIEW)))
                .expectEvents(new ProjectAccessRevokedEvent(P, BOB, ProjectGrants.DIRECT, BOB));
    }

    @Test
    void creatingAProjectOrAcceptingATransferNeedsAFullScopeToken() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(P, "Cohort", "sum", null, List.of("t"), Map.of("k", "v"), ACME, US,
                        Map.of(), null, limited(ALICE, ADMINISTER)))
                .expectException(dxError(ErrorType.PermissionDenied));
        fixture.given(created(), grant(ALICE, ADMINISTER), new ProjectTransferOfferedEvent(P, BETA, ALICE))
                .when(new AcceptProjectTransferCommand(P, limited(CAROL, ADMINISTER)))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    // ---- grants from other sources ----

    @Test
    void aTreGrantAndAPersonsOwnGrantCoexist() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, VIEW))
                .when(new GrantProjectAccessCommand(P, BOB, ADMINISTER, TRE_SOURCE))
                .expectEvents(treGrant(BOB, ADMINISTER));
    }

    @Test
    void withdrawingTheTreGrantLeavesThePersonsOwn() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, VIEW), treGrant(BOB, ADMINISTER))
                .when(new RevokeProjectAccessCommand(P, BOB, TRE_SOURCE))
                .expectEvents(new ProjectAccessRevokedEvent(P, BOB, TRE_SOURCE, TRE_SOURCE));
    }

    @Test
    void leavingWithdrawsOnlyThePersonsOwnGrant() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, VIEW), treGrant(BOB, ADMINISTER))
                .when(new LeaveProjectCommand(P, as(BOB)))
                .expectEvents(new ProjectAccessRevokedEvent(P, BOB, ProjectGrants.DIRECT, BOB));
    }

    @Test
    void theSameGrantAgainChangesNothing() {
        fixture.given(created(), grant(ALICE, ADMINISTER), treGrant(BOB, VIEW))
                .when(new GrantProjectAccessCommand(P, BOB, VIEW, TRE_SOURCE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void withdrawingAGrantNeverGivenChangesNothing() {
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, VIEW))
                .when(new RevokeProjectAccessCommand(P, BOB, TRE_SOURCE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSourceCannotPassItselfOffAsAPerson() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new GrantProjectAccessCommand(P, BOB, VIEW, ProjectGrants.DIRECT))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aGrantAtNoneIsInvalidInput() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new GrantProjectAccessCommand(P, BOB, NONE, TRE_SOURCE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aTreAdministerGrantKeepsAnAdministratorWhenTheCreatorLeaves() {
        fixture.given(created(), grant(ALICE, ADMINISTER), treGrant(BOB, ADMINISTER))
                .when(new LeaveProjectCommand(P, as(ALICE)))
                .expectEvents(new ProjectAccessRevokedEvent(P, ALICE, ProjectGrants.DIRECT, ALICE));
    }

    // ---- spending limits ----

    /** The Org checked the requester and its licenses (OrgTest); the project checks its own facts. */
    @Test
    void theUpdatesLimitsAreSetOnTheProject() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new SetProjectSpendingLimitsCommand(P, ACME, compute(100L), ALICE))
                .expectEvents(new ProjectSpendingLimitsSetEvent(P, new SpendingLimits(100L, null, null), ALICE));
    }

    @Test
    void theSameLimitsAgainChangeNothing() {
        fixture.given(created(), grant(ALICE, ADMINISTER),
                        new ProjectSpendingLimitsSetEvent(P, new SpendingLimits(100L, null, null), ALICE))
                .when(new SetProjectSpendingLimitsCommand(P, ACME, compute(100L), ALICE))
                .expectNoEvents();
    }

    @Test
    void aProjectBilledElsewhereIsInvalidInput() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new SetProjectSpendingLimitsCommand(P, "org-lic", compute(100L), ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aNegativeLimitIsInvalidInput() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new SetProjectSpendingLimitsCommand(P, ACME, compute(-1L), ALICE))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    private static SpendingLimitsChange compute(Long limit) {
        return new SpendingLimitsChange(true, limit, false, null, false, null);
    }

    // ---- an org member leaves ----

    /** The Org checked that the requester is its ADMIN; the project does not ask again. */
    @Test
    void aRemovedSoleAdministratorIsReplacedByTheRequester() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new RemoveOrgMemberFromProjectCommand(P, ACME, ALICE, "user-dora", true))
                .expectResultMessagePayload(true)
                .expectEvents(new ProjectAccessRevokedEvent(P, ALICE, ProjectGrants.DIRECT, "user-dora"),
                        new ProjectAccessGrantedEvent(P, "user-dora", ADMINISTER, ProjectGrants.DIRECT, "user-dora"));
    }

    @Test
    void noOneIsElevatedWhileAnotherAdministratorRemains() {
        orgs.admin(ACME, "user-dora");
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, ADMINISTER))
                .when(new RemoveOrgMemberFromProjectCommand(P, ACME, ALICE, "user-dora", true))
                .expectResultMessagePayload(false)
                .expectEvents(new ProjectAccessRevokedEvent(P, ALICE, ProjectGrants.DIRECT, "user-dora"));
    }

    @Test
    void noOneIsElevatedWhenTheMemberRemovesThemself() {
        fixture.given(created(), grant(ALICE, ADMINISTER))
                .when(new RemoveOrgMemberFromProjectCommand(P, ACME, ALICE, ALICE, true))
                .expectResultMessagePayload(false)
                .expectEvents(new ProjectAccessRevokedEvent(P, ALICE, ProjectGrants.DIRECT, ALICE));
    }

    @Test
    void anOrgRemovalLeavesTreGrants() {
        orgs.admin(ACME, "user-dora");
        fixture.given(created(), grant(ALICE, ADMINISTER), grant(BOB, VIEW), treGrant(BOB, VIEW))
                .when(new RemoveOrgMemberFromProjectCommand(P, ACME, BOB, "user-dora", true))
                .expectResultMessagePayload(false)
                .expectEvents(new ProjectAccessRevokedEvent(P, BOB, ProjectGrants.DIRECT, "user-dora"));
    }
}
