package org.tre.tre.dispensal;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.MarkDataObjectDispensedCommand;
import org.tre.messages.error.DxException;
import org.tre.messages.request.RequestEvents.DispensalRequestedEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalLeftQueueEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalQueuedEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalStartedEvent;
import org.tre.messages.tre.DispensalQueueMessages.LeaveDispensalQueueCommand;
import org.tre.messages.tre.DispensalQueueMessages.QueueDispensalCommand;
import org.tre.messages.tre.TreCommands.FinishTreDispensalCommand;
import org.tre.messages.tre.TreCommands.StartTreDispensalCommand;
import org.tre.messages.tre.TreEvents.DispensedObject;
import org.tre.messages.tre.TreEvents.TreDispensalFailedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalFinishedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalStartedEvent;
import org.tre.messages.tre.TreProvisioning;
import org.tre.tre.provisioning.SideEffectRetry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of the dispensal saga (DECISIONS.md §15), on Axon's saga fixture: it queues the job,
 * waits its turn without a deadline, asks the TRE to start it, copies and marks every object as the
 * robot, has the TRE record the end and leaves the queue; a refused copy fails the job on record; a
 * stage unanswered by its deadline is asked again, then given up, and the saga ends.
 */
class DispensalSagaTest {

    private static final String TRE = "tre-genomics";
    private static final String QUEUE = TreProvisioning.dispensalQueue(TRE);
    private static final String ROBOT = TreProvisioning.robotUser(TRE);
    private static final String JOB = "job-BBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String REQUEST = "treApplication-BBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String PROJECT = "project-BBBBBBBBBBBBBBBBBBBBBBBB";
    private static final List<String> FIELDS = List.of("22418");
    private static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    private static final Map<String, String> ASKED = Map.of("userId", "user-carol", "requestId", "req-dispense");
    private static final List<DispensedObject> OBJECTS = List.of(new DispensedObject("project-data", "record-d"),
            new DispensedObject("project-data", "file-a"));

    private SagaTestFixture<DispensalSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(DispensalSaga.class);
        // Two attempts: asked, asked again at the first deadline, given up at the second, ended at the third.
        fixture.registerResource(new SideEffectRetry(FIRST_DELAY, 2));
    }

    private static DispensalRequestedEvent requested() {
        return new DispensalRequestedEvent(REQUEST, TRE, PROJECT, JOB, FIELDS, null, "user-carol");
    }

    private static QueueDispensalCommand queue() {
        return new QueueDispensalCommand(QUEUE, TRE, JOB, REQUEST, PROJECT, FIELDS, null, "user-carol");
    }

    private static DispensalQueuedEvent queued() {
        return new DispensalQueuedEvent(QUEUE, TRE, JOB, REQUEST, PROJECT, FIELDS, null, "user-carol");
    }

    private static DispensalStartedEvent headsTheQueue() {
        return new DispensalStartedEvent(QUEUE, TRE, JOB, REQUEST, PROJECT, FIELDS, null, "user-carol");
    }

    private static StartTreDispensalCommand start() {
        return new StartTreDispensalCommand(TRE, JOB, REQUEST, PROJECT, FIELDS, null, "user-carol");
    }

    private static TreDispensalStartedEvent started() {
        return new TreDispensalStartedEvent(TRE, JOB, REQUEST, PROJECT, "1.0.0", Map.of(), ROBOT, FIELDS, null,
                OBJECTS, "user-carol");
    }

    private static List<Object> copies() {
        return List.of(new CloneDataObjectCommand("record-d", "project-data", PROJECT, JOB, ROBOT),
                new MarkDataObjectDispensedCommand("record-d", PROJECT),
                new CloneDataObjectCommand("file-a", "project-data", PROJECT, JOB, ROBOT),
                new MarkDataObjectDispensedCommand("file-a", PROJECT));
    }

    @Test
    void aRequestedDispensalJoinsTheQueueAsTheRobotInTheRequestThatAskedByADeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(), ASKED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(queue())
                .expectScheduledDeadlineWithName(FIRST_DELAY, DispensalSaga.DEADLINE);
        CommandMessage<?> sent = fixture.getCommandBus().getDispatchedCommands().get(0);
        assertThat(sent.getMetaData()).containsEntry("userId", ROBOT).containsEntry("requestId", "req-dispense");
    }

    @Test
    void aQueuedJobWaitsItsTurnWithoutADeadline() {
        fixture.givenAPublished(requested())
                .whenPublishingA(queued())
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void atTheHeadOfTheQueueTheTreIsAskedToStartIt() {
        fixture.givenAPublished(requested()).andThenAPublished(queued())
                .whenPublishingA(headsTheQueue())
                .expectDispatchedCommands(start())
                .expectScheduledDeadlineWithName(FIRST_DELAY, DispensalSaga.DEADLINE);
    }

    @Test
    void everyObjectIsCopiedAndMarkedThenTheTreRecordsTheEnd() {
        List<Object> expected = new java.util.ArrayList<>(copies());
        expected.add(new FinishTreDispensalCommand(TRE, JOB, REQUEST, PROJECT, List.of("record-d", "file-a"), null,
                null, "user-carol"));
        fixture.givenAPublished(requested()).andThenAPublished(queued()).andThenAPublished(headsTheQueue())
                .whenPublishingA(started())
                .expectDispatchedCommands(expected.toArray());
    }

    @Test
    void aRefusedCopyFailsTheJobNamingWhatWasPlaced() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CloneDataObjectCommand clone && clone.objectId().equals("file-a")) {
                throw DxException.notFound("The object file-a is not in project-data");
            }
            return true;
        });
        fixture.givenAPublished(requested()).andThenAPublished(queued()).andThenAPublished(headsTheQueue())
                .whenPublishingA(started())
                .expectDispatchedCommands(new CloneDataObjectCommand("record-d", "project-data", PROJECT, JOB, ROBOT),
                        new MarkDataObjectDispensedCommand("record-d", PROJECT),
                        new CloneDataObjectCommand("file-a", "project-data", PROJECT, JOB, ROBOT),
                        new FinishTreDispensalCommand(TRE, JOB, REQUEST, PROJECT, List.of("record-d"),
                                "ResourceNotFound", "The object file-a is not in project-data", "user-carol"));
    }

    @Test
    void theServicesOwnTroubleWaitsForTheDeadlineWhichCopiesAgain() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof MarkDataObjectDispensedCommand) {
                throw new IllegalStateException("connection reset");
            }
            return false;
        });
        fixture.givenAPublished(requested()).andThenAPublished(queued()).andThenAPublished(headsTheQueue())
                .whenPublishingA(started())
                .expectDispatchedCommands(copies().toArray());
        fixture.setCallbackBehavior((payload, metaData) -> false);
        List<Object> again = new java.util.ArrayList<>(copies());
        again.add(new FinishTreDispensalCommand(TRE, JOB, REQUEST, PROJECT, List.of("record-d", "file-a"), null,
                null, "user-carol"));
        fixture.whenTimeElapses(FIRST_DELAY)
                .expectDispatchedCommands(again.toArray());
    }

    @Test
    void aRecordedEndLeavesTheQueueAndLeavingEndsTheSaga() {
        fixture.givenAPublished(requested()).andThenAPublished(queued()).andThenAPublished(headsTheQueue())
                .andThenAPublished(started())
                .whenPublishingA(new TreDispensalFinishedEvent(TRE, JOB, REQUEST, PROJECT, "1.0.0",
                        List.of("record-d", "file-a"), "user-carol"))
                .expectDispatchedCommands(new LeaveDispensalQueueCommand(QUEUE, JOB));
        fixture.givenAPublished(requested()).andThenAPublished(started())
                .andThenAPublished(new TreDispensalFailedEvent(TRE, JOB, REQUEST, PROJECT, "1.0.0", List.of(),
                        "ResourceNotFound", "gone", "user-carol"))
                .whenPublishingA(new DispensalLeftQueueEvent(QUEUE, TRE, JOB))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aStartNeverRecordedIsAskedAgainThenGivenUpOnRecordAndTheSagaEnds() {
        fixture.givenAPublished(requested()).andThenAPublished(queued()).andThenAPublished(headsTheQueue())
                .whenTimeElapses(FIRST_DELAY)
                .expectDispatchedCommands(start());
        fixture.whenTimeElapses(FIRST_DELAY.multipliedBy(2))
                .expectDispatchedCommands(new FinishTreDispensalCommand(TRE, JOB, REQUEST, PROJECT, null,
                                "InternalError", "The dispensal did not finish starting after 2 attempts", "user-carol"),
                        new LeaveDispensalQueueCommand(QUEUE, JOB));
        fixture.whenTimeElapses(FIRST_DELAY.multipliedBy(2))
                .expectActiveSagas(0);
    }
}
