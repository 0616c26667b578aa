package org.tre.directory.dataobject;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.directory.project.ProjectLookup;
import org.tre.messages.Requester;
import org.tre.messages.dataobject.DataObjectClass;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.CreateDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.MarkDataObjectDispensedCommand;
import org.tre.messages.dataobject.DataObjectCommands.RemoveDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.UndoDataObjectBatchCommand;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectCloneUndoneEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectClonedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectCreatedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectDispensedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectRemovalUndoneEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectRemovedEvent;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.ProjectFacts;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A file, record or database, and the projects that hold it. As on DNAnexus, a clone puts the same
 * object (same id) into another project; removing it from one project leaves it in the others.
 * Project facts and levels come through {@link ProjectLookup}, never by loading a Project.
 *
 * <p>Clones and removals come in batches (DataObjectBatch), which check the caller's rights on the
 * projects once; here only what the object itself decides is checked. The object remembers, per
 * project, the last batch that changed it there, so a failed batch can take back exactly its own
 * change and nothing else.
 */
@Aggregate(cache = "aggregateCache")
public class DataObject {

    @AggregateIdentifier
    private String objectId;
    private DataObjectClass objectClass;
    private final Set<String> projects = new LinkedHashSet<>();
    /** When the object joined each project that holds it: a removal taken back restores it. */
    private final Map<String, Long> joined = new HashMap<>();
    /** The projects this object was dispensed into: tre-api.md forbids removing it from them. */
    private final Set<String> dispensedInto = new LinkedHashSet<>();
    /** Project → the last batch change there, while it can still be taken back. */
    private final Map<String, BatchChange> batchChanges = new HashMap<>();

    /** {@code joined}: for a removal, when the object had joined the project. */
    private record BatchChange(String batchId, boolean cloned, long joined) {
    }

    protected DataObject() {
    }

    /** Creating data needs UPLOAD, for every class, as DNAnexus' UPLOAD level promises. */
    @CommandHandler
    public DataObject(CreateDataObjectCommand command, ProjectLookup lookup, DatabaseNames databaseNames) {
        ProjectFacts project = lookup.requireLive(command.projectId());
        lookup.requireLevel(project, command.requester(), ProjectLevel.UPLOAD, "create data in");
        if (project.flag(ProjectFlags.EXTERNAL_UPLOAD_RESTRICTED)) {
            throw DxException.permissionDenied("The project " + project.id()
                    + " is externalUploadRestricted: data cannot be created in it from outside the platform");
        }
        if (command.objectClass() == DataObjectClass.DATABASE && databaseNames.taken(command.uniqueDatabaseName())) {
            throw DxException.invalidInput("The unique database name " + command.uniqueDatabaseName()
                    + " is taken");
        }
        apply(new DataObjectCreatedEvent(command.objectId(), command.objectClass(), command.projectId(),
                command.name(), command.types() == null ? List.of() : List.copyOf(command.types()),
                command.uniqueDatabaseName(), command.contentSha256(), command.contentLength(),
                command.requester().userId()));
    }

    /** The object must be in the source; one already in the destination stays as it is. */
    @CommandHandler
    public boolean handle(CloneDataObjectCommand command) {
        if (!projects.contains(command.sourceProject())) {
            throw DxException.notFound("The object " + objectId + " is not in " + command.sourceProject());
        }
        if (projects.contains(command.destinationProject())) {
            return false;
        }
        apply(new DataObjectClonedEvent(objectId, command.sourceProject(), command.destinationProject(),
                command.clonedBy(), command.batchId()));
        return true;
    }

    @CommandHandler
    public void handle(RemoveDataObjectCommand command) {
        if (!projects.contains(command.projectId())) {
            throw DxException.notFound("The object " + objectId + " is not in " + command.projectId());
        }
        if (dispensedInto.contains(command.projectId())) {
            throw DxException.permissionDenied("Removing dispensed data objects from a TRE project is not allowed;"
                    + " dispensed data is removed only with the project");
        }
        apply(new DataObjectRemovedEvent(objectId, command.projectId(), command.removedBy(), command.batchId()));
    }

    /** Only the named batch's own change is taken back, so asking twice, or for an unchanged object, is safe. */
    @CommandHandler
    public void handle(UndoDataObjectBatchCommand command) {
        String projectId = command.projectId();
        BatchChange change = batchChanges.get(projectId);
        if (change == null || !change.batchId().equals(command.batchId())) {
            return;
        }
        if (change.cloned() && projects.contains(projectId)) {
            apply(new DataObjectCloneUndoneEvent(objectId, projectId, command.batchId()));
        } else if (!change.cloned() && !projects.contains(projectId)) {
            apply(new DataObjectRemovalUndoneEvent(objectId, projectId, command.batchId(), change.joined()));
        }
    }

    @CommandHandler
    public void handle(MarkDataObjectDispensedCommand command) {
        if (!projects.contains(command.projectId())) {
            throw DxException.notFound("The object " + objectId + " is not in " + command.projectId());
        }
        if (!dispensedInto.contains(command.projectId())) {
            apply(new DataObjectDispensedEvent(objectId, command.projectId()));
        }
    }

    @EventSourcingHandler
    void on(DataObjectCreatedEvent event, @Timestamp Instant at) {
        objectId = event.objectId();
        objectClass = event.objectClass();
        projects.add(event.projectId());
        joined.put(event.projectId(), at.toEpochMilli());
    }

    @EventSourcingHandler
    void on(DataObjectClonedEvent event, @Timestamp Instant at) {
        projects.add(event.destinationProject());
        joined.put(event.destinationProject(), at.toEpochMilli());
        if (event.batchId() != null) {
            batchChanges.put(event.destinationProject(), new BatchChange(event.batchId(), true, 0));
        }
    }

    @EventSourcingHandler
    void on(DataObjectRemovedEvent event) {
        projects.remove(event.projectId());
        Long since = joined.remove(event.projectId());
        if (event.batchId() != null) {
            batchChanges.put(event.projectId(), new BatchChange(event.batchId(), false, since == null ? 0 : since));
        }
    }

    @EventSourcingHandler
    void on(DataObjectCloneUndoneEvent event) {
        projects.remove(event.projectId());
        joined.remove(event.projectId());
        batchChanges.remove(event.projectId());
    }

    @EventSourcingHandler
    void on(DataObjectRemovalUndoneEvent event) {
        projects.add(event.projectId());
        joined.put(event.projectId(), event.joined());
        batchChanges.remove(event.projectId());
    }

    @EventSourcingHandler
    void on(DataObjectDispensedEvent event) {
        dispensedInto.add(event.projectId());
    }
}
