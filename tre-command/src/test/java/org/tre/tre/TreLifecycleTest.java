package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tre.messages.error.ErrorType;
import org.tre.messages.tre.TreCommands.CreateTreCommand;
import org.tre.messages.tre.TreCommands.DeactivateTreCommand;
import org.tre.messages.tre.TreCommands.DeleteTreCommand;
import org.tre.messages.tre.TreCommands.SetInventoryCommand;
import org.tre.messages.tre.TreCommands.SetPoliciesCommand;
import org.tre.messages.tre.TreCommands.UpdateTreCommand;
import org.tre.messages.tre.TreEvents.TreCreatedEvent;
import org.tre.messages.tre.TreEvents.TreDeactivatedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.tre.support.InMemoryTreDirectory;
import org.tre.tre.support.TreWorld.Lifecycle;

import java.util.List;
import java.util.Map;

import static org.tre.tre.support.TreMatchers.dxError;
import static org.tre.tre.support.TreWorld.*;

/** /tre/new, /tre-xxxx/update, deactivate and delete: one rule per test. */
class TreLifecycleTest {

    private FixtureConfiguration<Tre> fixture;
    private InMemoryTreDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        directory = directory();
        fixture.registerInjectableResource(directory);
    }

    private static CreateTreCommand create(String billTo, String region, String requestedBy) {
        return new CreateTreCommand(TRE, HANDLE, "Genomics", "Genomic data", "A genomics TRE", billTo, region, false,
                false, as(requestedBy));
    }

    /** An update by ALICE that names only what is given. */
    private static UpdateTreCommand update(String name, String billTo, String region, boolean supportOrgGiven,
                                           String supportOrg, Boolean allowSupportAccess, Boolean customizedRateCard,
                                           Boolean customizedURL) {
        return new UpdateTreCommand(TRE, name, null, null, billTo, region, supportOrgGiven, supportOrg,
                allowSupportAccess, customizedRateCard, customizedURL, as(ALICE));
    }

    private static TreUpdatedEvent updated(String name, String billTo, String region, boolean supportOrgGiven,
                                           String supportOrg, Boolean allowSupportAccess, Boolean customizedRateCard,
                                           Boolean customizedURL) {
        return new TreUpdatedEvent(TRE, name, null, null, billTo, region, supportOrgGiven, supportOrg,
                allowSupportAccess, customizedRateCard, customizedURL);
    }

    // ---- /tre/new ----

    @Test
    void anOrgAdminWithTreManagementCreatesADraftAndBecomesItsAdmin() {
        fixture.givenNoPriorActivity()
                .when(create(ORG, US_EAST, ALICE))
                .expectEvents(created());
    }

    @Test
    void theCreatorCanAdministerTheNewTre() {
        fixture.given(created())
                .when(new UpdateTreCommand(TRE, "New name", null, null, null, null, false, null, null, null, null,
                        as(ALICE)))
                .expectEvents(new TreUpdatedEvent(TRE, "New name", null, null, null, null, false, null, null, null,
                        null));
    }

    @Test
    void customizedRateCardAndUrlAreRecordedAtCreation() {
        fixture.givenNoPriorActivity()
                .when(new CreateTreCommand(TRE, HANDLE, "Genomics", "Genomic data", "A genomics TRE", ORG, AZURE, true,
                        true, as(ALICE)))
                .expectEvents(new TreCreatedEvent(TRE, HANDLE, "Genomics", "Genomic data", "A genomics TRE", ORG,
                        AZURE, true, true, ALICE));
    }

    @Test
    void aBillToThatDoesNotExistIsResourceNotFound() {
        fixture.givenNoPriorActivity()
                .when(create(NO_SUCH_ORG, US_EAST, ALICE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void aMemberWhoIsNotAnAdminOfTheBillToCannotCreateEvenWithTreManagement() {
        fixture.givenNoPriorActivity()
                .when(create(ORG, US_EAST, DAVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "admin"));
    }

    @Test
    void aUserOutsideTheBillToCannotCreate() {
        fixture.givenNoPriorActivity()
                .when(create(ORG, US_EAST, EVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anOrgAdminWithoutTheTreManagementFlagCannotCreate() {
        fixture.givenNoPriorActivity()
                .when(create(ORG, US_EAST, OSCAR))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "treManagement permission flag"));
    }

    @Test
    void anOrgWithoutTheTreManagementLicenseCannotHostATre() {
        fixture.givenNoPriorActivity()
                .when(create(UNLICENSED_ORG, US_EAST, ALICE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "feature"));
    }

    @Test
    void aRegionTheBillToIsNotPermittedInIsInvalidInput() {
        fixture.givenNoPriorActivity()
                .when(create(OTHER_ORG, AZURE, ALICE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aTakenHandleIsInvalidState() {
        directory.takenHandle(HANDLE);
        fixture.givenNoPriorActivity()
                .when(create(ORG, US_EAST, ALICE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    // ---- /tre-xxxx/update ----

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void nameDescriptionAndSummaryChangeInEveryState(Lifecycle state) {
        fixture.given(state.events())
                .when(new UpdateTreCommand(TRE, "New name", "New description", "New summary", null, null, false, null,
                        null, null, null, as(ALICE)))
                .expectEvents(new TreUpdatedEvent(TRE, "New name", "New description", "New summary", null, null,
                        false, null, null, null, null));
    }

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void allowSupportAccessChangesInEveryState(Lifecycle state) {
        fixture.given(plus(List.of(created(), updated(null, null, null, true, SUPPORT_ORG, null, null, null)),
                        state.events().subList(1, state.events().size()).toArray()))
                .when(update(null, null, null, false, null, true, null, null))
                .expectEvents(updated(null, null, null, false, null, true, null, null));
    }

    @Test
    void billToRegionSupportOrgRateCardAndUrlChangeInDraft() {
        directory.member(OTHER_ORG, ALICE, "ADMIN", true);
        fixture.given(created())
                .when(update(null, OTHER_ORG, US_EAST, true, SUPPORT_ORG, null, true, true))
                .expectEvents(updated(null, OTHER_ORG, US_EAST, true, SUPPORT_ORG, null, true, true));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"ACTIVE", "AMENDING"})
    void billToCannotChangeOutsideDraft(Lifecycle state) {
        fixture.given(state.events())
                .when(update(null, OTHER_ORG, null, false, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"ACTIVE", "AMENDING"})
    void regionCannotChangeOutsideDraft(Lifecycle state) {
        fixture.given(state.events())
                .when(update(null, null, AZURE, false, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"ACTIVE", "AMENDING"})
    void supportOrgCannotChangeOutsideDraft(Lifecycle state) {
        fixture.given(state.events())
                .when(update(null, null, null, true, SUPPORT_ORG, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"ACTIVE", "AMENDING"})
    void clearingTheSupportOrgCannotHappenOutsideDraft(Lifecycle state) {
        fixture.given(state.events())
                .when(update(null, null, null, true, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"ACTIVE", "AMENDING"})
    void customizedRateCardCannotChangeOutsideDraft(Lifecycle state) {
        fixture.given(state.events())
                .when(update(null, null, null, false, null, null, true, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"ACTIVE", "AMENDING"})
    void customizedUrlCannotChangeOutsideDraft(Lifecycle state) {
        fixture.given(state.events())
                .when(update(null, null, null, false, null, null, null, true))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void aNameChangeBesideADraftOnlyFieldOutsideDraftChangesNothing() {
        fixture.given(active())
                .when(update("New name", null, null, false, null, null, false, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void aNewBillToThatDoesNotExistIsResourceNotFound() {
        fixture.given(created())
                .when(update(null, NO_SUCH_ORG, null, false, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void theRequesterMustBeAnAdminOfTheNewBillTo() {
        directory.member(OTHER_ORG, ALICE, "MEMBER", true);
        fixture.given(created())
                .when(update(null, OTHER_ORG, null, false, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "admin"));
    }

    @Test
    void theRequesterMustHoldTreManagementInTheNewBillTo() {
        directory.member(OTHER_ORG, ALICE, "ADMIN", false);
        fixture.given(created())
                .when(update(null, OTHER_ORG, null, false, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "treManagement permission flag"));
    }

    @Test
    void theNewBillToMustHaveTheTreManagementLicense() {
        fixture.given(created())
                .when(update(null, UNLICENSED_ORG, null, false, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "feature"));
    }

    @Test
    void theTresRegionMustBePermittedInTheNewBillTo() {
        fixture.given(new TreCreatedEvent(TRE, HANDLE, "Genomics", "Genomic data", "A genomics TRE", ORG, AZURE,
                        false, false, ALICE))
                .when(update(null, OTHER_ORG, null, false, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aNewRegionMustBePermittedInTheBillTo() {
        fixture.given(created())
                .when(update(null, null, "gcp:europe-west2", false, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aNewRegionIsCheckedAgainstTheNewBillToGivenInTheSameCall() {
        fixture.given(created())
                .when(update(null, OTHER_ORG, AZURE, false, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aChangedBillToIsTheOneInventoryProjectsMustBillTo() {
        fixture.given(created(), updated(null, OTHER_ORG, null, false, null, null, null, null))
                .when(new SetInventoryCommand(TRE, inventory("1.0.0"), as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "billTo"));
    }

    @Test
    void aSupportOrgMustExist() {
        fixture.given(created())
                .when(update(null, null, null, true, NO_SUCH_ORG, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void allowSupportAccessNeedsASupportOrg() {
        fixture.given(created())
                .when(update(null, null, null, false, null, true, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void allowSupportAccessMayNameTheSupportOrgInTheSameCall() {
        fixture.given(created())
                .when(update(null, null, null, true, SUPPORT_ORG, true, null, null))
                .expectEvents(updated(null, null, null, true, SUPPORT_ORG, true, null, null));
    }

    @Test
    void allowSupportAccessCannotBeSwitchedOnWhileClearingTheSupportOrg() {
        fixture.given(created(), updated(null, null, null, true, SUPPORT_ORG, null, null, null))
                .when(update(null, null, null, true, null, true, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void theSupportOrgCannotBeClearedWhileSupportAccessIsAllowed() {
        fixture.given(created(), updated(null, null, null, true, SUPPORT_ORG, true, null, null))
                .when(update(null, null, null, true, null, null, null, null))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void theSupportOrgIsClearedTogetherWithSupportAccess() {
        fixture.given(created(), updated(null, null, null, true, SUPPORT_ORG, true, null, null))
                .when(update(null, null, null, true, null, false, null, null))
                .expectEvents(updated(null, null, null, true, null, false, null, null));
    }

    @Test
    void supportAccessCanBeSwitchedOffWithoutASupportOrg() {
        fixture.given(created())
                .when(update(null, null, null, false, null, false, null, null))
                .expectEvents(updated(null, null, null, false, null, false, null, null));
    }

    // ---- /tre-xxxx/deactivate ----

    @Test
    void anActiveTreIsDeactivatedIntoAmending() {
        fixture.given(active())
                .when(new DeactivateTreCommand(TRE, as(ALICE)))
                .expectEvents(new TreDeactivatedEvent(TRE));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"DRAFT", "AMENDING"})
    void onlyAnActiveTreCanBeDeactivated(Lifecycle state) {
        fixture.given(state.events())
                .when(new DeactivateTreCommand(TRE, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    // ---- /tre-xxxx/delete ----

    @Test
    void aDraftTreIsDeleted() {
        fixture.given(created())
                .when(new DeleteTreCommand(TRE, as(ALICE)))
                .expectEvents(new TreDeletedEvent(TRE, List.of(ALICE)));
    }

    @Test
    void anAmendingTreIsDeleted() {
        fixture.given(amending())
                .when(new DeleteTreCommand(TRE, as(ALICE)))
                .expectEvents(new TreDeletedEvent(TRE, List.of(ALICE)));
    }

    @Test
    void anActiveTreCannotBeDeleted() {
        fixture.given(active())
                .when(new DeleteTreCommand(TRE, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void aTreWithProjectsCannotBeDeleted() {
        directory.treProjects(TRE, 1);
        fixture.given(amending())
                .when(new DeleteTreCommand(TRE, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "projects"));
    }

    @Test
    void aTreWithRequestsNotDeletedCannotBeDeleted() {
        directory.liveRequests(TRE, 2);
        fixture.given(amending())
                .when(new DeleteTreCommand(TRE, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "data access requests"));
    }

    @Test
    void theDeletedEventNamesEveryAdminForTheGrantsToGo() {
        fixture.given(created(), new org.tre.messages.tre.TreEvents.TreAdminsAddedEvent(TRE, List.of(BOB)))
                .when(new DeleteTreCommand(TRE, as(ALICE)))
                .expectEvents(new TreDeletedEvent(TRE, List.of(ALICE, BOB)));
    }
}
