package org.tre.directory.dataobject;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.directory.project.ProjectLookup;
import org.tre.messages.Requester;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectsCommand;
import org.tre.messages.dataobject.DataObjectCommands.DataObjectBatchStep;
import org.tre.messages.dataobject.DataObjectCommands.ExpireDataObjectBatchCommand;
import org.tre.messages.dataobject.DataObjectCommands.FinishDataObjectBatchUndoCommand;
import org.tre.messages.dataobject.DataObjectCommands.RecordDataObjectBatchStepsCommand;
import org.tre.messages.dataobject.DataObjectCommands.RemoveDataObjectsCommand;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchFailedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchSucceededEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchUndoStartedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectCloneStartedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectRemovalStartedEvent;
import org.tre.messages.error.DxError;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.ProjectFacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One {@code /project-xxxx/clone} or {@code /project-xxxx/removeObjects}: it checks the caller's
 * rights on the projects once, in the order of DECISIONS.md §1, and decides the outcome from what
 * each object answered. Its saga (DataObjectBatchSaga) asks the objects. All or nothing without a
 * shared transaction: the first refusal, in the order the objects were named, is the answer, and
 * what the batch changed is undone before it is given.
 */
@Aggregate(cache = "aggregateCache")
public class DataObjectBatch {

    private enum State { RUNNING, UNDOING, DONE, FAILED }

    @AggregateIdentifier
    private String batchId;
    private List<String> objects = List.of();
    private State state;
    private DxError refusal;

    protected DataObjectBatch() {
    }

    /**
     * VIEW on the source, UPLOAD on the destination, each the caller's level and then the token's
     * scope; a {@code restricted} source lets nothing out, and nothing crosses the boundary of a TRE
     * (tre-api.md "Clone Restrictions").
     */
    @CommandHandler
    public DataObjectBatch(CloneDataObjectsCommand command, ProjectLookup lookup) {
        ProjectFacts source = lookup.requireLive(command.sourceProject());
        lookup.requireLevel(source, command.requester(), ProjectLevel.VIEW, "clone from");
        ProjectFacts destination = lookup.requireLive(command.destinationProject());
        lookup.requireLevel(destination, command.requester(), ProjectLevel.UPLOAD, "clone into");
        if (source.flag(ProjectFlags.RESTRICTED)) {
            throw DxException.permissionDenied("The project " + source.id()
                    + " is restricted: data cannot be copied out of it");
        }
        if (!Objects.equals(source.tre(), destination.tre())) {
            throw DxException.permissionDenied("TRE restriction: cloning between a TRE project and a project"
                    + " outside that TRE is not allowed");
        }
        // DECISIONS.md §15: between TRE projects only within one data access request (a TRE project made
        // before requests belongs to none, so only within itself).
        boolean sameRequest = source.treApplication() != null
                && source.treApplication().equals(destination.treApplication());
        if (source.tre() != null && !sameRequest && !source.id().equals(destination.id())) {
            throw DxException.permissionDenied("TRE restriction: cloning between projects of different data access"
                    + " requests is not allowed");
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(command.objects()));
        apply(new DataObjectCloneStartedEvent(command.batchId(), source.id(), destination.id(), distinct,
                command.requester().userId()));
        if (distinct.isEmpty()) {
            apply(new DataObjectBatchSucceededEvent(command.batchId(), List.of()));
        }
    }

    /** CONTRIBUTE removes data, ADMINISTER only when the project is {@code protected}. */
    @CommandHandler
    public DataObjectBatch(RemoveDataObjectsCommand command, ProjectLookup lookup) {
        ProjectFacts project = lookup.requireLive(command.projectId());
        ProjectLevel needed = project.flag(ProjectFlags.PROTECTED) ? ProjectLevel.ADMINISTER : ProjectLevel.CONTRIBUTE;
        lookup.requireLevel(project, command.requester(), needed, "remove data from");
        List<String> distinct = List.copyOf(new LinkedHashSet<>(command.objects()));
        apply(new DataObjectRemovalStartedEvent(command.batchId(), project.id(), distinct,
                command.requester().userId()));
        if (distinct.isEmpty()) {
            apply(new DataObjectBatchSucceededEvent(command.batchId(), List.of()));
        }
    }

    /**
     * The objects' answers decide: the first refusal in the order asked fails the batch, and an
     * object that gave no answer counts as the service's failure. Late answers change nothing.
     */
    @CommandHandler
    public void handle(RecordDataObjectBatchStepsCommand command) {
        if (state != State.RUNNING) {
            return;
        }
        Map<String, DataObjectBatchStep> byObject = command.steps().stream()
                .collect(Collectors.toMap(DataObjectBatchStep::objectId, Function.identity(), (a, b) -> a));
        List<String> existed = new ArrayList<>();
        for (String objectId : objects) {
            DataObjectBatchStep step = byObject.get(objectId);
            if (step == null) {
                apply(new DataObjectBatchUndoStartedEvent(batchId, new DxError(ErrorType.InternalError,
                        "The object " + objectId + " gave no answer; nothing was changed")));
                return;
            }
            if (step.refusal() != null) {
                apply(new DataObjectBatchUndoStartedEvent(batchId, step.refusal()));
                return;
            }
            if (!step.changed()) {
                existed.add(objectId);
            }
        }
        apply(new DataObjectBatchSucceededEvent(batchId, existed));
    }

    @CommandHandler
    public void handle(FinishDataObjectBatchUndoCommand command) {
        if (state == State.UNDOING) {
            apply(new DataObjectBatchFailedEvent(batchId, refusal));
        }
    }

    /** Past its deadline a running batch is undone, and an undo that does not finish is given up. */
    @CommandHandler
    public void handle(ExpireDataObjectBatchCommand command) {
        if (state == State.RUNNING) {
            apply(new DataObjectBatchUndoStartedEvent(batchId, new DxError(ErrorType.ServiceUnavailable,
                    "The objects did not all answer in time; nothing was changed")));
        } else if (state == State.UNDOING) {
            apply(new DataObjectBatchFailedEvent(batchId, refusal));
        }
    }

    @EventSourcingHandler
    void on(DataObjectCloneStartedEvent event) {
        batchId = event.batchId();
        objects = event.objects();
        state = State.RUNNING;
    }

    @EventSourcingHandler
    void on(DataObjectRemovalStartedEvent event) {
        batchId = event.batchId();
        objects = event.objects();
        state = State.RUNNING;
    }

    @EventSourcingHandler
    void on(DataObjectBatchSucceededEvent event) {
        state = State.DONE;
    }

    @EventSourcingHandler
    void on(DataObjectBatchUndoStartedEvent event) {
        state = State.UNDOING;
        refusal = event.refusal();
    }

    @EventSourcingHandler
    void on(DataObjectBatchFailedEvent event) {
        state = State.FAILED;
    }
}
