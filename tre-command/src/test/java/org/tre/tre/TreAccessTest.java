package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tre.messages.error.ErrorType;
import org.tre.messages.tre.TreCommands.ActivateTreCommand;
import org.tre.messages.tre.TreCommands.AddApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.AddApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.AddAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.AddTreAdminsCommand;
import org.tre.messages.tre.TreCommands.DeactivateTreCommand;
import org.tre.messages.tre.TreCommands.DeleteTreCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.RemoveAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.RemoveTreAdminsCommand;
import org.tre.messages.tre.TreCommands.SetInventoryCommand;
import org.tre.messages.tre.TreCommands.SetPoliciesCommand;
import org.tre.messages.tre.TreCommands.UpdateApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.UpdateTreCommand;
import org.tre.messages.tre.TreEvents.TreAdminsAddedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsRemovedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.tre.tre.support.TreMatchers.dxError;
import static org.tre.tre.support.TreMatchers.someEvent;
import static org.tre.tre.support.TreWorld.*;

/**
 * Who may send a command to a TRE at all: only its admins get PermissionDenied-free access, and a
 * deleted TRE is not found for anyone, whatever the command.
 */
class TreAccessTest {

    private FixtureConfiguration<Tre> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        fixture.registerInjectableResource(directory());
    }

    /** Every command on an existing TRE; sent by ALICE to {@link #readyFor} each succeeds (see the control test). */
    static Stream<Arguments> everyCommand() {
        return commandsBy(ALICE).map(command -> Arguments.of(command.getClass().getSimpleName(), command));
    }

    static Stream<Object> commandsBy(String user) {
        return Stream.of(
                new UpdateTreCommand(TRE, "New name", null, null, null, null, false, null, null, null, null, as(user)),
                new SetInventoryCommand(TRE, inventory("1.0.0"), as(user)),
                new SetPoliciesCommand(TRE, Map.of("restricted", true), as(user)),
                new AddTreAdminsCommand(TRE, List.of(DAVE), as(user)),
                new RemoveTreAdminsCommand(TRE, List.of(BOB), as(user)),
                new AddAuthorizedUsersCommand(TRE, List.of(EVE), as(user)),
                new RemoveAuthorizedUsersCommand(TRE, List.of(FRANK), as(user)),
                new AddApplicationReviewStepCommand(TRE, STEP2, "Science", "Scientific review", as(user)),
                new UpdateApplicationReviewStepCommand(TRE, STEP, "Ethics", "Ethics review", as(user)),
                new RemoveApplicationReviewStepCommand(TRE, STEP, as(user)),
                new AddApplicationReviewersCommand(TRE, STEP, List.of(FRANK), as(user)),
                new RemoveApplicationReviewersCommand(TRE, STEP, List.of(EVE), as(user)),
                new ActivateTreCommand(TRE, as(user)),
                new DeactivateTreCommand(TRE, as(user)),
                new DeleteTreCommand(TRE, as(user)));
    }

    /** Each command from someone who is no TRE admin: BOB administers the billTo org but not the TRE. */
    static Stream<Arguments> everyCommandByANonAdmin() {
        return Stream.of(BOB, CAROL, EVE, NOBODY).flatMap(user -> commandsBy(user)
                .map(command -> Arguments.of(command.getClass().getSimpleName() + " by " + user, command)));
    }

    /** A ready draft, or for deactivate an active TRE: where the admin's command succeeds. */
    static List<Object> readyFor(Object command) {
        return command instanceof DeactivateTreCommand ? active() : readyDraft();
    }

    /** The control for the denials below: the very same commands, sent by the TRE's admin, each change the TRE. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void theAdminMaySendEveryCommand(String name, Object command) {
        // BOB administers and FRANK is authorized here, so that removing them changes something.
        fixture.given(plus(readyFor(command), new TreAdminsAddedEvent(TRE, List.of(BOB)),
                        new AuthorizedUsersAddedEvent(TRE, List.of(FRANK), List.of(FRANK))))
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(someEvent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandByANonAdmin")
    void aNonAdminIsDeniedEveryCommand(String name, Object command) {
        fixture.given(readyFor(command))
                .when(command)
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void aRemovedAdminIsDeniedEveryCommand(String name, Object command) {
        Object byBob = commandsBy(BOB).filter(c -> c.getClass() == command.getClass()).findFirst().orElseThrow();
        fixture.given(plus(readyFor(command), new TreAdminsAddedEvent(TRE, List.of(BOB)),
                        new TreAdminsRemovedEvent(TRE, List.of(BOB))))
                .when(byBob)
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void everyCommandOnADeletedTreIsResourceNotFound(String name, Object command) {
        fixture.given(plus(readyDraft(), deleted()))
                .when(command)
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandByANonAdmin")
    void aDeletedTreIsNotFoundEvenForThoseWhoNeverAdministeredIt(String name, Object command) {
        fixture.given(plus(readyDraft(), deleted()))
                .when(command)
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }
}
