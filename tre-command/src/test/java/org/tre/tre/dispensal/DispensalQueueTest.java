package org.tre.tre.dispensal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.tre.DispensalQueueMessages.CreateDispensalQueueCommand;
import org.tre.messages.tre.DispensalQueueMessages.DispensalQueueCreatedEvent;

/** A TRE's dispensal queue is created once, however often provisioning asks for it. */
class DispensalQueueTest {

    private static final String QUEUE = "dispensalQueue-X0ypZ1b1px1fk5gb2xfKXZgp";

    private FixtureConfiguration<DispensalQueue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DispensalQueue.class);
    }

    @Test
    void theFirstAskCreatesTheQueue() {
        fixture.givenNoPriorActivity()
                .when(new CreateDispensalQueueCommand(QUEUE, "tre-genomics"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DispensalQueueCreatedEvent(QUEUE, "tre-genomics"));
    }

    @Test
    void askingAgainForAQueueThatExistsChangesNothing() {
        fixture.given(new DispensalQueueCreatedEvent(QUEUE, "tre-genomics"))
                .when(new CreateDispensalQueueCommand(QUEUE, "tre-genomics"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
