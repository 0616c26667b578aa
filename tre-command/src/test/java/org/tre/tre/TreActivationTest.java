package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.error.ErrorType;
import org.tre.messages.tre.TreCommands.ActivateTreCommand;
import org.tre.messages.tre.TreCommands.SetInventoryCommand;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepRemovedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersRemovedEvent;
import org.tre.messages.tre.TreEvents.TreActivatedEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.tre.support.InMemoryTreDirectory;

import java.util.List;

import static org.tre.tre.support.TreMatchers.dxError;
import static org.tre.tre.support.TreWorld.*;

/**
 * /tre-xxxx/activate: the checks of DECISIONS.md §8 in their order (state, inventory set, policies
 * set, rate card, a review step, a reviewer on every step). Each refusal test satisfies every earlier
 * check and every later one but its own, and names the check through the error message.
 */
class TreActivationTest {

    private FixtureConfiguration<Tre> fixture;
    private InMemoryTreDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        directory = directory();
        fixture.registerInjectableResource(directory);
    }

    private static ActivateTreCommand activate() {
        return new ActivateTreCommand(TRE, as(ALICE));
    }

    // ---- the checks, in order ----

    @Test
    void anActiveTreCannotBeActivatedAgain() {
        fixture.given(active())
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "draft or amending"));
    }

    @Test
    void theInventoryMustBeSet() {
        fixture.given(created(), policiesSet(), stepAdded(STEP), reviewersAdded(STEP, EVE))
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "inventory"));
    }

    @Test
    void theInventoryIsCheckedBeforeThePolicies() {
        fixture.given(created(), stepAdded(STEP), reviewersAdded(STEP, EVE))
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "inventory"));
    }

    @Test
    void thePoliciesMustBeSet() {
        fixture.given(created(), inventorySet("1.0.0", false), stepAdded(STEP), reviewersAdded(STEP, EVE))
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "policies"));
    }

    @Test
    void thePoliciesAreCheckedBeforeTheRateCard() {
        fixture.given(created(true), inventorySet("1.0.0", false), stepAdded(STEP), reviewersAdded(STEP, EVE))
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "policies"));
    }

    @Test
    void aCustomizedRateCardNeedsTheBillingOrgsRateCard() {
        fixture.given(created(true), inventorySet("1.0.0", false), policiesSet(), stepAdded(STEP),
                        reviewersAdded(STEP, EVE))
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "rate card"));
    }

    @Test
    void aCustomizedRateCardSwitchedOnByUpdateIsCheckedToo() {
        fixture.given(plus(readyDraft(), new TreUpdatedEvent(TRE, null, null, null, null, null, false, null, null,
                        true, null)))
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "rate card"));
    }

    @Test
    void theRateCardIsCheckedBeforeTheReviewSteps() {
        fixture.given(created(true), inventorySet("1.0.0", false), policiesSet())
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "rate card"));
    }

    @Test
    void aCustomizedRateCardActivatesWhenTheBillingOrgHasOne() {
        directory.rateCard(ORG, true);
        fixture.given(created(true), inventorySet("1.0.0", false), policiesSet(), stepAdded(STEP),
                        reviewersAdded(STEP, EVE))
                .when(activate())
                .expectEvents(new TreActivatedEvent(TRE, "1.0.0", null, ORG, US_EAST));
    }

    @Test
    void atLeastOneReviewStepIsNeeded() {
        fixture.given(created(), inventorySet("1.0.0", false), policiesSet())
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "at least one application review step"));
    }

    @Test
    void removingTheOnlyStepMakesTheTreUnactivatable() {
        fixture.given(plus(readyDraft(), new ApplicationReviewStepRemovedEvent(TRE, STEP, List.of(EVE))))
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "at least one application review step"));
    }

    @Test
    void everyStepNeedsAReviewer() {
        fixture.given(plus(readyDraft(), stepAdded(STEP2)))
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "review step " + STEP2 + " has no reviewer"));
    }

    @Test
    void aStepWhoseReviewersWereAllRemovedBlocksReactivation() {
        fixture.given(plus(active(), new ApplicationReviewersRemovedEvent(TRE, STEP, List.of(EVE)), deactivated()))
                .when(activate())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "has no reviewer"));
    }

    // ---- what activation does to the inventories ----

    @Test
    void aReadyDraftActivatesAndItsPendingInventoryBecomesActive() {
        fixture.given(readyDraft())
                .when(activate())
                .expectEvents(new TreActivatedEvent(TRE, "1.0.0", null, ORG, US_EAST));
    }

    @Test
    void thePendingVersionReplacesTheActiveOneWhichBecomesInactive() {
        fixture.given(plus(amending(), inventorySet("1.1.0", false)))
                .when(activate())
                .expectEvents(new TreActivatedEvent(TRE, "1.1.0", "1.0.0", ORG, US_EAST));
    }

    @Test
    void activatingFromAmendingWithoutAPendingVersionKeepsTheActiveOne() {
        fixture.given(amending())
                .when(activate())
                .expectEvents(new TreActivatedEvent(TRE, null, null, ORG, US_EAST));
    }

    @Test
    void theActivatedPendingVersionIsNoLongerPending() {
        fixture.given(plus(amending(), inventorySet("1.1.0", false), activated("1.1.0", "1.0.0"), deactivated()))
                .when(activate())
                .expectEvents(new TreActivatedEvent(TRE, null, null, ORG, US_EAST));
    }

    @Test
    void theNextPendingVersionInAmendingIsANewOne() {
        fixture.given(plus(amending(), inventorySet("1.1.0", false), activated("1.1.0", "1.0.0"), deactivated()))
                .when(new SetInventoryCommand(TRE, inventory("1.2.0"), as(ALICE)))
                .expectEvents(inventorySet("1.2.0", false));
    }

    @Test
    void anActivatedTreRefusesInventoryChanges() {
        fixture.given(plus(readyDraft(), activated("1.0.0", null)))
                .when(new SetInventoryCommand(TRE, inventory("1.0.1"), as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void aPendingInventoryThatNoLongerFitsTheTreCannotBeActivated() {
        directory.billingOrg(OTHER_ORG, "treManagement").regions(OTHER_ORG, US_EAST);
        fixture.given(plus(readyDraft(), new TreUpdatedEvent(TRE, null, null, null, OTHER_ORG, null, false, null, null,
                        null, null)))
                .when(activate())
                .expectException(dxError(ErrorType.InvalidState))
                .expectNoEvents();
    }
}
