package org.tre.directory.dataobject;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tre.messages.workflow.AskAgainThenGiveUp;
import org.tre.messages.workflow.FollowOn;
import org.tre.directory.workflow.Refusals;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Carries a clone or removal batch (DataObjectBatch) to its objects: every object is asked at once,
 * and their answers go back to the batch in one command when the last has answered, so no handler
 * thread waits for another instance. The batch decides; on a refusal the saga asks every object to
 * undo what this batch did to it, which each object knows by itself, so the undo is exact even when
 * an answer was lost. A deadline ends the batch whatever happens: an unfinished batch is undone, an
 * unfinished undo is given up, and the saga ends at the latest at the second deadline.
 */
@Saga
@ProcessingGroup(DataObjectBatchSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class DataObjectBatchSaga {

    public static final String PROCESSING_GROUP = "data-object-batches";
    static final String BATCH_ID = "batchId";
    static final String DEADLINE = "data-object-batch-deadline";

    private static final Logger LOG = LoggerFactory.getLogger(DataObjectBatchSaga.class);

    private String batchId;
    /** Null for a removal. */
    private String sourceProject;
    /** Where the batch changes things: the clone's destination, or the project objects leave. */
    private String project;
    private List<String> objects = new ArrayList<>();
    private String requestedBy;
    /** Who asked and in which request, for the commands sent once the objects have answered. */
    private Map<String, Object> audit = Map.of();
    private int deadlinesPassed;

    @StartSaga
    @SagaEventHandler(associationProperty = BATCH_ID)
    public void on(DataObjectCloneStartedEvent event, MetaData metaData, CommandGateway commands,
                   DeadlineManager deadlines, WorkflowTimeouts timeouts) {
        start(event.batchId(), event.sourceProject(), event.destinationProject(), event.objects(), event.requestedBy(),
                metaData, deadlines, timeouts);
        askEveryObject(commands);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = BATCH_ID)
    public void on(DataObjectRemovalStartedEvent event, MetaData metaData, CommandGateway commands,
                   DeadlineManager deadlines, WorkflowTimeouts timeouts) {
        start(event.batchId(), null, event.projectId(), event.objects(), event.requestedBy(), metaData, deadlines,
                timeouts);
        askEveryObject(commands);
    }

    /** An object refused, or the deadline passed: every object takes back this batch's change, if it has one. */
    @SagaEventHandler(associationProperty = BATCH_ID)
    public void on(DataObjectBatchUndoStartedEvent event, CommandGateway commands) {
        String id = batchId;
        MetaData followOn = MetaData.from(audit);
        List<CompletableFuture<Void>> undone = new ArrayList<>();
        for (String objectId : objects) {
            undone.add(commands.send(new UndoDataObjectBatchCommand(objectId, project, id), followOn)
                    .handle((result, failure) -> {
                        if (failure != null) {
                            // An id that names no object has nothing to undo; anything else waits for the deadline.
                            LOG.debug("Batch {} could not undo {}: {}", id, objectId, failure.toString());
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(undone.toArray(CompletableFuture[]::new))
                .thenRun(() -> commands.send(new FinishDataObjectBatchUndoCommand(id), followOn));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BATCH_ID)
    public void on(DataObjectBatchSucceededEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BATCH_ID)
    public void on(DataObjectBatchFailedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    /**
     * A batch is asked once: its first deadline gives an unfinished batch up, which undoes it; the second
     * gives up an unfinished undo too and ends the saga even if the batch never heard.
     */
    @DeadlineHandler(deadlineName = DEADLINE)
    public void on(BatchDue due, CommandGateway commands, DeadlineManager deadlines, WorkflowTimeouts timeouts) {
        deadlinesPassed++;
        LOG.warn("Data object batch {} passed deadline {}", batchId, deadlinesPassed);
        commands.send(new ExpireDataObjectBatchCommand(batchId), MetaData.from(audit));
        if (AskAgainThenGiveUp.at(deadlinesPassed, 1) == AskAgainThenGiveUp.END) {
            SagaLifecycle.end();
        } else {
            deadlines.schedule(timeouts.deadline(), DEADLINE, new BatchDue(batchId));
        }
    }

    /** The payload of the deadline: which batch is due. */
    public record BatchDue(String batchId) {
    }

    private void start(String batch, String source, String target, List<String> batchObjects, String by,
                       MetaData metaData, DeadlineManager deadlines, WorkflowTimeouts timeouts) {
        batchId = batch;
        sourceProject = source;
        project = target;
        objects = new ArrayList<>(batchObjects);
        requestedBy = by;
        audit = Map.copyOf(FollowOn.of(metaData));
        deadlines.schedule(timeouts.deadline(), DEADLINE, new BatchDue(batchId));
    }

    /**
     * Each object answers on its own; the batch hears all the answers at once. The callbacks read only
     * these locals: they may run on another thread, after the saga has been stored.
     */
    private void askEveryObject(CommandGateway commands) {
        String id = batchId;
        boolean removal = sourceProject == null;
        MetaData followOn = MetaData.from(audit);
        List<CompletableFuture<DataObjectBatchStep>> steps = new ArrayList<>();
        for (String objectId : objects) {
            Object step = removal
                    ? new RemoveDataObjectCommand(objectId, project, id, requestedBy)
                    : new CloneDataObjectCommand(objectId, sourceProject, project, id, requestedBy);
            steps.add(commands.send(step, followOn).handle((result, failure) -> failure == null
                    ? new DataObjectBatchStep(objectId, removal || Boolean.TRUE.equals(result), null)
                    : new DataObjectBatchStep(objectId, false, Refusals.of(failure))));
        }
        CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
                .thenRun(() -> commands.send(new RecordDataObjectBatchStepsCommand(id,
                        steps.stream().map(done -> done.getNow(null)).toList()), followOn));
    }
}
