package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tre.messages.error.ErrorType;
import org.tre.messages.tre.TreCommands.AddApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.AddAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.AddTreAdminsCommand;
import org.tre.messages.tre.TreCommands.RemoveAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.RemoveTreAdminsCommand;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepAddedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersRemovedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsAddedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsRemovedEvent;
import org.tre.tre.support.InMemoryTreDirectory;
import org.tre.tre.support.TreWorld.Lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.tre.tre.support.TreMatchers.dxError;
import static org.tre.tre.support.TreWorld.*;

/** TRE admins and authorized users (tre-api.md "TRE Roles", DECISIONS.md §4 and §12). */
class TreRolesTest {

    private static final String PUBLIC = "PUBLIC";

    private FixtureConfiguration<Tre> fixture;
    private InMemoryTreDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        directory = directory();
        fixture.registerInjectableResource(directory);
    }

    private static AddTreAdminsCommand addAdmins(String... users) {
        return new AddTreAdminsCommand(TRE, List.of(users), as(ALICE));
    }

    private static RemoveTreAdminsCommand removeAdmins(String... users) {
        return new RemoveTreAdminsCommand(TRE, List.of(users), as(ALICE));
    }

    private static AddAuthorizedUsersCommand authorize(String... users) {
        return new AddAuthorizedUsersCommand(TRE, List.of(users), as(ALICE));
    }

    private static RemoveAuthorizedUsersCommand unauthorize(String... users) {
        return new RemoveAuthorizedUsersCommand(TRE, List.of(users), as(ALICE));
    }

    private static AuthorizedUsersAddedEvent authorized(List<String> added, String... after) {
        return new AuthorizedUsersAddedEvent(TRE, added, List.of(after));
    }

    private static AuthorizedUsersRemovedEvent unauthorized(List<String> removed, String... after) {
        return new AuthorizedUsersRemovedEvent(TRE, removed, List.of(after));
    }

    // ---- TRE admins ----

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void adminsAreAddedInEveryState(Lifecycle state) {
        fixture.given(state.events())
                .when(addAdmins(BOB))
                .expectEvents(new TreAdminsAddedEvent(TRE, List.of(BOB)));
    }

    @Test
    void aBillToMemberWithTreManagementBecomesAdminWhateverTheirLevel() {
        fixture.given(created())
                .when(addAdmins(DAVE))
                .expectEvents(new TreAdminsAddedEvent(TRE, List.of(DAVE)));
    }

    @Test
    void anAddedAdminAdministersTheTre() {
        fixture.given(created(), new TreAdminsAddedEvent(TRE, List.of(DAVE)))
                .when(new AddApplicationReviewStepCommand(TRE, STEP, "Ethics", "Ethics review", as(DAVE)))
                .expectEvents(new ApplicationReviewStepAddedEvent(TRE, STEP, "Ethics", "Ethics review"));
    }

    @Test
    void aBillToMemberWithoutTreManagementCannotBecomeAdmin() {
        fixture.given(created())
                .when(addAdmins(CAROL))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aBillToAdminWithoutTreManagementCannotBecomeAdmin() {
        fixture.given(created())
                .when(addAdmins(OSCAR))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aUserOutsideTheBillToCannotBecomeAdmin() {
        fixture.given(created())
                .when(addAdmins(EVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aTreManagerOfAnotherOrgCannotBecomeAdmin() {
        directory.member(OTHER_ORG, FRANK, "ADMIN", true);
        fixture.given(created())
                .when(addAdmins(FRANK))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void oneUnfitUserRefusesTheWholeAddition() {
        fixture.given(created())
                .when(addAdmins(BOB, CAROL))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void anUnknownUserIsResourceNotFoundWhenAddingAdmins() {
        fixture.given(created())
                .when(addAdmins(BOB, NOBODY))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void addingSomeoneWhoIsAlreadyAdminChangesNothing() {
        fixture.given(created(), new TreAdminsAddedEvent(TRE, List.of(BOB)))
                .when(addAdmins(BOB, ALICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void duplicatesInTheListAreAddedOnce() {
        fixture.given(created())
                .when(addAdmins(BOB, BOB, ALICE))
                .expectEvents(new TreAdminsAddedEvent(TRE, List.of(BOB)));
    }

    @Test
    void aTreHasAtMostOneHundredAdmins() {
        List<String> managers = directory.treManagers(ORG, "manager", 100);
        fixture.given(created(), new TreAdminsAddedEvent(TRE, managers.subList(0, 99)))
                .when(addAdmins(managers.get(99)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void theHundredthAdminIsWelcome() {
        List<String> managers = directory.treManagers(ORG, "manager", 99);
        fixture.given(created(), new TreAdminsAddedEvent(TRE, managers.subList(0, 98)))
                .when(addAdmins(managers.get(98)))
                .expectEvents(new TreAdminsAddedEvent(TRE, List.of(managers.get(98))));
    }

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void adminsAreRemovedInEveryState(Lifecycle state) {
        fixture.given(plus(state.events(), new TreAdminsAddedEvent(TRE, List.of(BOB))))
                .when(removeAdmins(BOB))
                .expectEvents(new TreAdminsRemovedEvent(TRE, List.of(BOB)));
    }

    @Test
    void anAdminCannotRemoveThemself() {
        fixture.given(created(), new TreAdminsAddedEvent(TRE, List.of(BOB)))
                .when(removeAdmins(ALICE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "themself"));
    }

    @Test
    void anAdminCannotRemoveThemselfAlongsideOthers() {
        fixture.given(created(), new TreAdminsAddedEvent(TRE, List.of(BOB)))
                .when(removeAdmins(BOB, ALICE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    /**
     * The only way to reach the last admin is through the requester themself, so the self-removal
     * rule answers first; either way the last admin stays.
     */
    @Test
    void theLastAdminCannotBeRemoved() {
        fixture.given(created())
                .when(removeAdmins(ALICE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void removingSomeoneWhoIsNoAdminIsIgnored() {
        fixture.given(created())
                .when(removeAdmins(BOB, EVE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheAdminsAmongTheListedAreRemoved() {
        fixture.given(created(), new TreAdminsAddedEvent(TRE, List.of(BOB)))
                .when(removeAdmins(EVE, BOB))
                .expectEvents(new TreAdminsRemovedEvent(TRE, List.of(BOB)));
    }

    @Test
    void anUnknownUserIsResourceNotFoundWhenRemovingAdmins() {
        fixture.given(created(), new TreAdminsAddedEvent(TRE, List.of(BOB)))
                .when(removeAdmins(BOB, NOBODY))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    // ---- authorized users ----

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void usersAndOrgsAreAuthorizedInEveryState(Lifecycle state) {
        fixture.given(state.events())
                .when(authorize(EVE, OTHER_ORG))
                .expectEvents(authorized(List.of(EVE, OTHER_ORG), EVE, OTHER_ORG));
    }

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void usersAndOrgsAreUnauthorizedInEveryState(Lifecycle state) {
        fixture.given(plus(state.events(), authorized(List.of(EVE, OTHER_ORG), EVE, OTHER_ORG)))
                .when(unauthorize(EVE))
                .expectEvents(unauthorized(List.of(EVE), OTHER_ORG));
    }

    @Test
    void newEntriesAreAppendedToTheList() {
        fixture.given(created(), authorized(List.of(EVE), EVE))
                .when(authorize(FRANK, EVE))
                .expectEvents(authorized(List.of(FRANK, EVE), EVE, FRANK));
    }

    @Test
    void addingOnlyEntriesAlreadyListedChangesNothing() {
        fixture.given(created(), authorized(List.of(EVE), EVE))
                .when(authorize(EVE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void publicReplacesEveryOtherEntry() {
        fixture.given(created(), authorized(List.of(EVE, OTHER_ORG), EVE, OTHER_ORG))
                .when(authorize(PUBLIC))
                .expectEvents(authorized(List.of(PUBLIC), PUBLIC));
    }

    @Test
    void publicNamedWithUsersLeavesExactlyPublic() {
        fixture.given(created())
                .when(authorize(EVE, PUBLIC, OTHER_ORG))
                .expectEvents(authorized(List.of(EVE, PUBLIC, OTHER_ORG), PUBLIC));
    }

    @Test
    void usersAddedWhilePublicIsListedStandBesideIt() {
        fixture.given(created(), authorized(List.of(PUBLIC), PUBLIC))
                .when(authorize(EVE, OTHER_ORG))
                .expectEvents(authorized(List.of(EVE, OTHER_ORG), PUBLIC, EVE, OTHER_ORG));
    }

    @Test
    void publicAddedAgainSweepsTheUsersBesideIt() {
        fixture.given(created(), authorized(List.of(PUBLIC), PUBLIC), authorized(List.of(EVE), PUBLIC, EVE))
                .when(authorize(PUBLIC))
                .expectEvents(authorized(List.of(PUBLIC), PUBLIC));
    }

    @Test
    void removingUsersWhilePublicIsListedChangesNothing() {
        fixture.given(created(), authorized(List.of(PUBLIC), PUBLIC), authorized(List.of(EVE), PUBLIC, EVE))
                .when(unauthorize(EVE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingPublicWithUsersRemovesThemAll() {
        fixture.given(created(), authorized(List.of(PUBLIC), PUBLIC), authorized(List.of(EVE, FRANK), PUBLIC, EVE, FRANK))
                .when(unauthorize(EVE, PUBLIC))
                .expectEvents(unauthorized(List.of(EVE, PUBLIC), FRANK));
    }

    @Test
    void removingPublicAloneKeepsTheUsersBesideIt() {
        fixture.given(created(), authorized(List.of(PUBLIC), PUBLIC), authorized(List.of(EVE), PUBLIC, EVE))
                .when(unauthorize(PUBLIC))
                .expectEvents(unauthorized(List.of(PUBLIC), EVE));
    }

    @Test
    void removingEntriesThatAreNotListedIsIgnored() {
        fixture.given(created(), authorized(List.of(EVE), EVE))
                .when(unauthorize(FRANK, OTHER_ORG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnknownUserIsResourceNotFoundWhenAuthorizing() {
        fixture.given(created())
                .when(authorize(EVE, NOBODY))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void anUnknownOrgIsResourceNotFoundWhenAuthorizing() {
        fixture.given(created())
                .when(authorize(EVE, NO_SUCH_ORG))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void anUnknownUserIsResourceNotFoundWhenUnauthorizing() {
        fixture.given(created(), authorized(List.of(EVE), EVE))
                .when(unauthorize(EVE, NOBODY))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void anUnknownOrgIsResourceNotFoundWhenUnauthorizing() {
        fixture.given(created(), authorized(List.of(EVE), EVE))
                .when(unauthorize(EVE, NO_SUCH_ORG))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void theListHoldsAtMostOneThousandEntries() {
        List<String> many = IntStream.range(0, 1000).mapToObj(i -> "user-reader" + i).toList();
        fixture.given(created(), authorized(many, many.toArray(String[]::new)))
                .when(authorize(EVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void theThousandthEntryIsWelcome() {
        List<String> many = IntStream.range(0, 999).mapToObj(i -> "user-reader" + i).toList();
        List<String> after = new ArrayList<>(many);
        after.add(EVE);
        fixture.given(created(), authorized(many, many.toArray(String[]::new)))
                .when(authorize(EVE))
                .expectEvents(authorized(List.of(EVE), after.toArray(String[]::new)));
    }

    @Test
    void publicCountsAsOneEntryAgainstTheLimit() {
        List<String> many = new ArrayList<>(List.of(PUBLIC));
        IntStream.range(0, 999).mapToObj(i -> "user-reader" + i).forEach(many::add);
        fixture.given(created(), authorized(many, many.toArray(String[]::new)))
                .when(authorize(EVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void publicIsWelcomeEvenAtTheLimit() {
        List<String> many = IntStream.range(0, 1000).mapToObj(i -> "user-reader" + i).toList();
        fixture.given(created(), authorized(many, many.toArray(String[]::new)))
                .when(authorize(PUBLIC))
                .expectEvents(authorized(List.of(PUBLIC), PUBLIC));
    }
}
