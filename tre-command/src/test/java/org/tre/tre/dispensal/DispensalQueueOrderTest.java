package org.tre.tre.dispensal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.tre.DispensalQueueMessages.DispensalLeftQueueEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalQueueCreatedEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalQueuedEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalStartedEvent;
import org.tre.messages.tre.DispensalQueueMessages.LeaveDispensalQueueCommand;
import org.tre.messages.tre.DispensalQueueMessages.QueueDispensalCommand;

import java.util.List;

/** The queue's order (DECISIONS.md §15): first in, first out, one job of the TRE running at a time. */
class DispensalQueueOrderTest {

    private static final String QUEUE = "dispensalQueue-X0ypZ1b1px1fk5gb2xfKXZgp";
    private static final String TRE = "tre-genomics";
    private static final List<String> FIELDS = List.of("22418");

    private FixtureConfiguration<DispensalQueue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DispensalQueue.class);
    }

    private static QueueDispensalCommand queue(String job) {
        return new QueueDispensalCommand(QUEUE, TRE, job, "treApplication-r", "project-" + job, FIELDS, null, "user-c");
    }

    private static DispensalQueuedEvent queued(String job) {
        return new DispensalQueuedEvent(QUEUE, TRE, job, "treApplication-r", "project-" + job, FIELDS, null, "user-c");
    }

    private static DispensalStartedEvent started(String job) {
        return new DispensalStartedEvent(QUEUE, TRE, job, "treApplication-r", "project-" + job, FIELDS, null, "user-c");
    }

    private static DispensalQueueCreatedEvent created() {
        return new DispensalQueueCreatedEvent(QUEUE, TRE);
    }

    @Test
    void aJobJoiningAnIdleQueueStartsAtOnce() {
        fixture.given(created())
                .when(queue("job-1"))
                .expectEvents(queued("job-1"), started("job-1"));
    }

    @Test
    void aJobJoiningWhileAnotherRunsWaits() {
        fixture.given(created(), queued("job-1"), started("job-1"))
                .when(queue("job-2"))
                .expectEvents(queued("job-2"));
    }

    @Test
    void theFirstWaitingJobStartsWhenTheRunningOneLeaves() {
        fixture.given(created(), queued("job-1"), started("job-1"), queued("job-2"), queued("job-3"))
                .when(new LeaveDispensalQueueCommand(QUEUE, "job-1"))
                .expectEvents(new DispensalLeftQueueEvent(QUEUE, TRE, "job-1"), started("job-2"));
    }

    @Test
    void aWaitingJobGivenUpLeavesWithoutStartingAnother() {
        fixture.given(created(), queued("job-1"), started("job-1"), queued("job-2"), queued("job-3"))
                .when(new LeaveDispensalQueueCommand(QUEUE, "job-2"))
                .expectEvents(new DispensalLeftQueueEvent(QUEUE, TRE, "job-2"));
        fixture.given(created(), queued("job-1"), started("job-1"), queued("job-2"), queued("job-3"),
                        new DispensalLeftQueueEvent(QUEUE, TRE, "job-2"))
                .when(new LeaveDispensalQueueCommand(QUEUE, "job-1"))
                .expectEvents(new DispensalLeftQueueEvent(QUEUE, TRE, "job-1"), started("job-3"));
    }

    @Test
    void askedAgainAJobKeepsItsPlaceAndAJobThatLeftStaysGone() {
        fixture.given(created(), queued("job-1"), started("job-1"), queued("job-2"))
                .when(queue("job-2"))
                .expectNoEvents();
        fixture.given(created(), queued("job-1"), started("job-1"), new DispensalLeftQueueEvent(QUEUE, TRE, "job-1"))
                .when(queue("job-1"))
                .expectNoEvents();
        fixture.given(created(), queued("job-1"), started("job-1"), new DispensalLeftQueueEvent(QUEUE, TRE, "job-1"))
                .when(new LeaveDispensalQueueCommand(QUEUE, "job-1"))
                .expectNoEvents();
    }

    @Test
    void aQueueWhoseProvisioningWasLostIsMadeByItsFirstJob() {
        fixture.givenNoPriorActivity()
                .when(queue("job-1"))
                .expectEvents(created(), queued("job-1"), started("job-1"));
    }
}
