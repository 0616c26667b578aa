package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.tre.TreCommands.AbandonTreProvisioningCommand;
import org.tre.messages.tre.TreCommands.RecordTreProvisioningCommand;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreProvisioningAbandonedEvent;
import org.tre.messages.tre.TreEvents.TreSideEffectFailedEvent;

import static org.tre.tre.support.TreWorld.*;

/**
 * What the TRE records of its provisioning (DECISIONS.md §8): each activation's provisioning once,
 * which ends its saga, or its abandonment; a repeated answer changes nothing.
 */
class TreProvisioningRecordTest {

    private static final String ROBOT = "user-tre_genomics_robot";
    private static final String PROJECT = "project-w";
    private static final String QUEUE = "dispensalQueue-q";

    private FixtureConfiguration<Tre> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        fixture.registerInjectableResource(directory());
    }

    private static RecordTreProvisioningCommand record() {
        return new RecordTreProvisioningCommand(TRE, ROBOT, PROJECT, QUEUE);
    }

    private static TreProvisionedEvent provisioned() {
        return new TreProvisionedEvent(TRE, ROBOT, PROJECT, QUEUE);
    }

    @Test
    void theFirstProvisioningIsRecorded() {
        fixture.given(active())
                .when(record())
                .expectEvents(provisioned());
    }

    @Test
    void theSameProvisioningAnsweredAgainChangesNothing() {
        fixture.given(plus(active(), provisioned()))
                .when(record())
                .expectNoEvents();
    }

    @Test
    void eachLaterActivationRecordsItsProvisioningOnceEvenUnchanged() {
        fixture.given(plus(amending(), provisioned(), activated(null, null)))
                .when(record())
                .expectEvents(provisioned());
    }

    @Test
    void aDeletedTreRecordsNoProvisioning() {
        fixture.given(plus(amending(), deleted()))
                .when(record())
                .expectNoEvents();
    }

    @Test
    void anUnfinishedProvisioningGivenUpIsRecordedAsAFailure() {
        fixture.given(active())
                .when(new AbandonTreProvisioningCommand(TRE, "Not finished after 5 attempts"))
                .expectResultMessagePayload(true)
                .expectEvents(new TreSideEffectFailedEvent(TRE,
                                "provision its robot user, working project and dispensal queue",
                                "Not finished after 5 attempts"),
                        new TreProvisioningAbandonedEvent(TRE));
    }

    @Test
    void aRecordedProvisioningCannotBeGivenUp() {
        fixture.given(plus(active(), provisioned()))
                .when(new AbandonTreProvisioningCommand(TRE, "late"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aGivenUpProvisioningFinishedLateIsStillRecorded() {
        fixture.given(plus(active(), new TreProvisioningAbandonedEvent(TRE)))
                .when(record())
                .expectEvents(provisioned());
    }
}
