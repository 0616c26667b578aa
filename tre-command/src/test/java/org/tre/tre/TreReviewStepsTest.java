package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tre.messages.error.ErrorType;
import org.tre.messages.tre.TreCommands.AddApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.AddApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.UpdateApplicationReviewStepCommand;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepRemovedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepUpdatedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersRemovedEvent;
import org.tre.tre.support.InMemoryTreDirectory;
import org.tre.tre.support.TreWorld.Lifecycle;

import java.util.ArrayList;
import java.util.List;

import static org.tre.tre.support.TreMatchers.dxError;
import static org.tre.tre.support.TreWorld.*;

/**
 * Data access request review steps and their reviewers (tre-api.md "Data Access Request Review
 * Steps", DECISIONS.md §4 and §5). Every lifecycle fixture holds the step {@code ethics} with EVE
 * reviewing it.
 */
class TreReviewStepsTest {

    private FixtureConfiguration<Tre> fixture;
    private InMemoryTreDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        directory = directory();
        fixture.registerInjectableResource(directory);
    }

    /** The state's events, with the step {@code ethics} reviewed by EVE in every state. */
    private static List<Object> withStep(Lifecycle state) {
        return state == Lifecycle.DRAFT ? List.of(created(), stepAdded(STEP), reviewersAdded(STEP, EVE))
                : state.events();
    }

    private static AddApplicationReviewersCommand addReviewers(String step, List<String> users) {
        return new AddApplicationReviewersCommand(TRE, step, users, as(ALICE));
    }

    private static RemoveApplicationReviewersCommand removeReviewers(String step, String... users) {
        return new RemoveApplicationReviewersCommand(TRE, step, List.of(users), as(ALICE));
    }

    // ---- steps ----

    @Test
    void aStepIsAddedInDraft() {
        fixture.given(created())
                .when(new AddApplicationReviewStepCommand(TRE, STEP, "Ethics", "Ethics review", as(ALICE)))
                .expectEvents(new ApplicationReviewStepAddedEvent(TRE, STEP, "Ethics", "Ethics review"));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"ACTIVE", "AMENDING"})
    void stepsCannotBeAddedOutsideDraft(Lifecycle state) {
        fixture.given(state.events())
                .when(new AddApplicationReviewStepCommand(TRE, STEP2, "Science", "Scientific review", as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void aStepIdCannotBeUsedTwice() {
        fixture.given(created(), stepAdded(STEP))
                .when(new AddApplicationReviewStepCommand(TRE, STEP, "Ethics again", "", as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void theIdOfARemovedStepCanBeUsedAgain() {
        fixture.given(created(), stepAdded(STEP), new ApplicationReviewStepRemovedEvent(TRE, STEP, List.of()))
                .when(new AddApplicationReviewStepCommand(TRE, STEP, "Ethics", "Ethics review", as(ALICE)))
                .expectEvents(new ApplicationReviewStepAddedEvent(TRE, STEP, "Ethics", "Ethics review"));
    }

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void aStepIsUpdatedInEveryState(Lifecycle state) {
        fixture.given(withStep(state))
                .when(new UpdateApplicationReviewStepCommand(TRE, STEP, "Ethics board", null, as(ALICE)))
                .expectEvents(new ApplicationReviewStepUpdatedEvent(TRE, STEP, "Ethics board", null));
    }

    @Test
    void updatingAnUnknownStepIsInvalidInput() {
        fixture.given(created(), stepAdded(STEP))
                .when(new UpdateApplicationReviewStepCommand(TRE, STEP2, "Science", null, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aStepIsRemovedInDraftWithItsReviewers() {
        fixture.given(withStep(Lifecycle.DRAFT))
                .when(new RemoveApplicationReviewStepCommand(TRE, STEP, as(ALICE)))
                .expectEvents(new ApplicationReviewStepRemovedEvent(TRE, STEP, List.of(EVE)));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"ACTIVE", "AMENDING"})
    void stepsCannotBeRemovedOutsideDraft(Lifecycle state) {
        fixture.given(withStep(state))
                .when(new RemoveApplicationReviewStepCommand(TRE, STEP, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void theStateIsCheckedBeforeTheStepIdWhenRemoving() {
        fixture.given(active())
                .when(new RemoveApplicationReviewStepCommand(TRE, STEP2, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void removingAnUnknownStepIsInvalidInput() {
        fixture.given(created(), stepAdded(STEP))
                .when(new RemoveApplicationReviewStepCommand(TRE, STEP2, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    // ---- reviewers ----

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void reviewersAreAddedInEveryState(Lifecycle state) {
        fixture.given(withStep(state))
                .when(addReviewers(STEP, List.of(FRANK)))
                .expectEvents(new ApplicationReviewersAddedEvent(TRE, STEP, List.of(FRANK)));
    }

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void reviewersAreRemovedInEveryState(Lifecycle state) {
        fixture.given(plus(withStep(state), reviewersAdded(STEP, FRANK)))
                .when(removeReviewers(STEP, EVE))
                .expectEvents(new ApplicationReviewersRemovedEvent(TRE, STEP, List.of(EVE)));
    }

    @Test
    void reviewersNeedNotBelongToTheBillTo() {
        fixture.given(created(), stepAdded(STEP))
                .when(addReviewers(STEP, List.of(EVE, CAROL)))
                .expectEvents(new ApplicationReviewersAddedEvent(TRE, STEP, List.of(EVE, CAROL)));
    }

    @Test
    void aReviewerMaySitOnSeveralSteps() {
        fixture.given(created(), stepAdded(STEP), stepAdded(STEP2), reviewersAdded(STEP, EVE))
                .when(addReviewers(STEP2, List.of(EVE)))
                .expectEvents(new ApplicationReviewersAddedEvent(TRE, STEP2, List.of(EVE)));
    }

    @Test
    void addingAReviewerAlreadyOnTheStepChangesNothing() {
        fixture.given(created(), stepAdded(STEP), reviewersAdded(STEP, EVE))
                .when(addReviewers(STEP, List.of(EVE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reviewersAreAddedToAnUnknownStepIsInvalidInput() {
        fixture.given(created(), stepAdded(STEP))
                .when(addReviewers(STEP2, List.of(EVE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void anUnknownReviewerIsResourceNotFound() {
        fixture.given(created(), stepAdded(STEP))
                .when(addReviewers(STEP, List.of(EVE, NOBODY)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void aStepHasAtMostOneHundredReviewers() {
        List<String> hundred = directory.treManagers(ORG, "reviewer", 100);
        fixture.given(created(), stepAdded(STEP), new ApplicationReviewersAddedEvent(TRE, STEP, hundred))
                .when(addReviewers(STEP, List.of(EVE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void moreThanOneHundredReviewersAtOnceIsInvalidInput() {
        List<String> many = new ArrayList<>(directory.treManagers(ORG, "reviewer", 101));
        fixture.given(created(), stepAdded(STEP))
                .when(addReviewers(STEP, many))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void theHundredthReviewerIsWelcome() {
        List<String> ninetyNine = directory.treManagers(ORG, "reviewer", 99);
        fixture.given(created(), stepAdded(STEP), new ApplicationReviewersAddedEvent(TRE, STEP, ninetyNine))
                .when(addReviewers(STEP, List.of(EVE)))
                .expectEvents(new ApplicationReviewersAddedEvent(TRE, STEP, List.of(EVE)));
    }

    @Test
    void theLimitIsPerStep() {
        List<String> hundred = directory.treManagers(ORG, "reviewer", 100);
        fixture.given(created(), stepAdded(STEP), stepAdded(STEP2),
                        new ApplicationReviewersAddedEvent(TRE, STEP, hundred))
                .when(addReviewers(STEP2, List.of(EVE)))
                .expectEvents(new ApplicationReviewersAddedEvent(TRE, STEP2, List.of(EVE)));
    }

    @Test
    void removingSomeoneWhoDoesNotReviewTheStepIsIgnored() {
        fixture.given(created(), stepAdded(STEP), stepAdded(STEP2), reviewersAdded(STEP, EVE))
                .when(removeReviewers(STEP2, EVE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingReviewersFromAnUnknownStepIsInvalidInput() {
        fixture.given(created(), stepAdded(STEP), reviewersAdded(STEP, EVE))
                .when(removeReviewers(STEP2, EVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void removingAnUnknownReviewerIsResourceNotFound() {
        fixture.given(created(), stepAdded(STEP), reviewersAdded(STEP, EVE))
                .when(removeReviewers(STEP, EVE, NOBODY))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }
}
