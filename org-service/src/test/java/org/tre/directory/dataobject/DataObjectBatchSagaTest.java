package org.tre.directory.dataobject;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.directory.workflow.WorkflowTimeouts;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.DataObjectBatchStep;
import org.tre.messages.dataobject.DataObjectCommands.ExpireDataObjectBatchCommand;
import org.tre.messages.dataobject.DataObjectCommands.FinishDataObjectBatchUndoCommand;
import org.tre.messages.dataobject.DataObjectCommands.RecordDataObjectBatchStepsCommand;
import org.tre.messages.dataobject.DataObjectCommands.RemoveDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.UndoDataObjectBatchCommand;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchFailedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchSucceededEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchUndoStartedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectCloneStartedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectRemovalStartedEvent;
import org.tre.messages.error.DxError;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import java.time.Duration;
import java.util.List;

/** Each path of the clone and removal batches' saga, on Axon's saga fixture. */
class DataObjectBatchSagaTest {

    private static final String BATCH = "objectBatch-0123456789BFGJKPQVXYZbfg";
    private static final String SRC = "project-000000000000000000000001";
    private static final String DST = "project-000000000000000000000002";
    private static final String A = "file-000000000000000000000000a";
    private static final String B = "file-000000000000000000000000b";
    private static final String BOB = "user-bob";
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private SagaTestFixture<DataObjectBatchSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(DataObjectBatchSaga.class);
        fixture.registerResource(new WorkflowTimeouts(DEADLINE));
    }

    private static DataObjectCloneStartedEvent cloneStarted() {
        return new DataObjectCloneStartedEvent(BATCH, SRC, DST, List.of(A, B), BOB);
    }

    private static DataObjectRemovalStartedEvent removalStarted() {
        return new DataObjectRemovalStartedEvent(BATCH, SRC, List.of(A, B), BOB);
    }

    @Test
    void aCloneAsksEveryObjectAndHandsTheBatchAllTheAnswersAtOnce() {
        fixture.setCallbackBehavior((payload, metaData) -> payload instanceof CloneDataObjectCommand clone
                ? clone.objectId().equals(A) : null);
        fixture.givenNoPriorActivity()
                .whenPublishingA(cloneStarted())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DEADLINE, DataObjectBatchSaga.DEADLINE)
                .expectDispatchedCommands(
                        new CloneDataObjectCommand(A, SRC, DST, BATCH, BOB),
                        new CloneDataObjectCommand(B, SRC, DST, BATCH, BOB),
                        new RecordDataObjectBatchStepsCommand(BATCH, List.of(new DataObjectBatchStep(A, true, null),
                                new DataObjectBatchStep(B, false, null))));
    }

    @Test
    void aRemovalAsksEveryObjectToLeaveTheProject() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(removalStarted())
                .expectDispatchedCommands(
                        new RemoveDataObjectCommand(A, SRC, BATCH, BOB),
                        new RemoveDataObjectCommand(B, SRC, BATCH, BOB),
                        new RecordDataObjectBatchStepsCommand(BATCH, List.of(new DataObjectBatchStep(A, true, null),
                                new DataObjectBatchStep(B, true, null))));
    }

    @Test
    void anObjectsRefusalIsHandedToTheBatchAsTheCallersError() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof RemoveDataObjectCommand remove && remove.objectId().equals(B)) {
                throw DxException.permissionDenied("dispensed");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(removalStarted())
                .expectDispatchedCommands(
                        new RemoveDataObjectCommand(A, SRC, BATCH, BOB),
                        new RemoveDataObjectCommand(B, SRC, BATCH, BOB),
                        new RecordDataObjectBatchStepsCommand(BATCH, List.of(new DataObjectBatchStep(A, true, null),
                                new DataObjectBatchStep(B, false, new DxError(ErrorType.PermissionDenied,
                                        "dispensed")))));
    }

    @Test
    void anIdThatNamesNoObjectIsResourceNotFound() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof CloneDataObjectCommand clone && clone.objectId().equals(B)) {
                throw new AggregateNotFoundException(B, "The aggregate was not found in the event store");
            }
            return true;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(cloneStarted())
                .expectDispatchedCommands(
                        new CloneDataObjectCommand(A, SRC, DST, BATCH, BOB),
                        new CloneDataObjectCommand(B, SRC, DST, BATCH, BOB),
                        new RecordDataObjectBatchStepsCommand(BATCH, List.of(new DataObjectBatchStep(A, true, null),
                                new DataObjectBatchStep(B, false, new DxError(ErrorType.ResourceNotFound,
                                        "The file " + B + " was not found")))));
    }

    @Test
    void aFailedBatchIsUndoneObjectByObjectThenFinished() {
        fixture.givenAPublished(cloneStarted())
                .whenPublishingA(new DataObjectBatchUndoStartedEvent(BATCH,
                        new DxError(ErrorType.ResourceNotFound, "not in source")))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new UndoDataObjectBatchCommand(A, DST, BATCH),
                        new UndoDataObjectBatchCommand(B, DST, BATCH),
                        new FinishDataObjectBatchUndoCommand(BATCH));
    }

    @Test
    void theUndoFinishesEvenWhenAnObjectCannotBeAsked() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof UndoDataObjectBatchCommand undo && undo.objectId().equals(A)) {
                throw new AggregateNotFoundException(A, "The aggregate was not found in the event store");
            }
            return null;
        });
        fixture.givenAPublished(removalStarted())
                .whenPublishingA(new DataObjectBatchUndoStartedEvent(BATCH,
                        new DxError(ErrorType.ResourceNotFound, "no such object")))
                .expectDispatchedCommands(
                        new UndoDataObjectBatchCommand(A, SRC, BATCH),
                        new UndoDataObjectBatchCommand(B, SRC, BATCH),
                        new FinishDataObjectBatchUndoCommand(BATCH));
    }

    @Test
    void theBatchsSuccessEndsTheSagaAndItsDeadline() {
        fixture.givenAPublished(cloneStarted())
                .whenPublishingA(new DataObjectBatchSucceededEvent(BATCH, List.of()))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void theBatchsFailureEndsTheSagaAndItsDeadline() {
        fixture.givenAPublished(cloneStarted())
                .andThenAPublished(new DataObjectBatchUndoStartedEvent(BATCH, new DxError(ErrorType.InvalidState, "x")))
                .whenPublishingA(new DataObjectBatchFailedEvent(BATCH, new DxError(ErrorType.InvalidState, "x")))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void theDeadlineExpiresABatchWhoseAnswersNeverArrived() {
        fixture.givenAPublished(cloneStarted())
                .whenTimeElapses(DEADLINE.plusSeconds(1))
                .expectDispatchedCommands(new ExpireDataObjectBatchCommand(BATCH))
                .expectActiveSagas(1)
                // The next deadline counts from the one that passed, a second before now.
                .expectScheduledDeadlineWithName(DEADLINE.minusSeconds(1), DataObjectBatchSaga.DEADLINE);
    }

    @Test
    void theSecondDeadlineEndsTheSagaWhateverTheBatchHeard() throws Exception {
        fixture.givenAPublished(cloneStarted())
                .andThenTimeElapses(DEADLINE.plusSeconds(1))
                .whenTimeElapses(DEADLINE.plusSeconds(1))
                .expectDispatchedCommands(new ExpireDataObjectBatchCommand(BATCH))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
