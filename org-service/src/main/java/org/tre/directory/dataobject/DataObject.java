package org.tre.directory.dataobject;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.directory.project.ProjectLookup;
import org.tre.directory.token.TokenScopes;
import org.tre.messages.Requester;
import org.tre.messages.dataobject.DataObjectClass;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.CreateDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.MarkDataObjectDispensedCommand;
import org.tre.messages.dataobject.DataObjectCommands.RemoveDataObjectCommand;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectClonedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectCreatedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectDispensedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectRemovedEvent;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.ProjectFacts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A file, record or database, and the projects that hold it. As on DNAnexus, a clone puts the same
 * object (same id) into another project; removing it from one project leaves it in the others.
 * Project facts and levels come through {@link ProjectLookup}, never by loading a Project.
 */
@Aggregate
public class DataObject {

    @AggregateIdentifier
    private String objectId;
    private DataObjectClass objectClass;
    private final Set<String> projects = new LinkedHashSet<>();
    /** The projects this object was dispensed into: tre-api.md forbids removing it from them. */
    private final Set<String> dispensedInto = new LinkedHashSet<>();

    protected DataObject() {
    }

    /** Creating data needs UPLOAD, for every class, as DNAnexus' UPLOAD level promises. */
    @CommandHandler
    public DataObject(CreateDataObjectCommand command, ProjectLookup lookup, DatabaseNames databaseNames) {
        ProjectFacts project = liveProject(command.projectId(), lookup);
        requireLevel(lookup, project, command.requester(), ProjectLevel.UPLOAD, "create data in");
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

    /**
     * VIEW on the source, UPLOAD on the destination; a {@code restricted} source lets nothing out, and
     * nothing crosses the boundary of a TRE (tre-api.md "Clone Restrictions").
     */
    @CommandHandler
    public boolean handle(CloneDataObjectCommand command, ProjectLookup lookup) {
        ProjectFacts source = liveProject(command.sourceProject(), lookup);
        requireLevel(lookup, source, command.clonedBy(), ProjectLevel.VIEW, "clone from");
        if (source.flag(ProjectFlags.RESTRICTED)) {
            throw DxException.permissionDenied("The project " + source.id()
                    + " is restricted: data cannot be copied out of it");
        }
        ProjectFacts destination = liveProject(command.destinationProject(), lookup);
        requireLevel(lookup, destination, command.clonedBy(), ProjectLevel.UPLOAD, "clone into");
        if (!Objects.equals(source.tre(), destination.tre())) {
            throw DxException.permissionDenied("TRE restriction: cloning between a TRE project and a project"
                    + " outside that TRE is not allowed");
        }
        // Each TRE project will belong to one data access request; until requests exist no two TRE
        // projects are known to share one, so nothing is cloned between them.
        if (source.tre() != null && !source.id().equals(destination.id())) {
            throw DxException.permissionDenied("TRE restriction: cloning between projects of different data access"
                    + " requests is not allowed");
        }
        if (!projects.contains(source.id())) {
            throw DxException.notFound("The object " + objectId + " is not in " + source.id());
        }
        if (projects.contains(destination.id())) {
            return false;
        }
        apply(new DataObjectClonedEvent(objectId, source.id(), destination.id(), command.clonedBy()));
        return true;
    }

    /** CONTRIBUTE removes data, ADMINISTER only when the project is {@code protected}. */
    @CommandHandler
    public void handle(RemoveDataObjectCommand command, ProjectLookup lookup) {
        ProjectFacts project = liveProject(command.projectId(), lookup);
        ProjectLevel needed = project.flag(ProjectFlags.PROTECTED) ? ProjectLevel.ADMINISTER : ProjectLevel.CONTRIBUTE;
        requireLevel(lookup, project, command.removedBy(), needed, "remove data from");
        if (!projects.contains(project.id())) {
            throw DxException.notFound("The object " + objectId + " is not in " + project.id());
        }
        if (dispensedInto.contains(project.id())) {
            throw DxException.permissionDenied("Removing dispensed data objects from a TRE project is not allowed;"
                    + " dispensed data is removed only with the project");
        }
        apply(new DataObjectRemovedEvent(objectId, project.id(), command.removedBy()));
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
    void on(DataObjectDispensedEvent event) {
        dispensedInto.add(event.projectId());
    }

    private static ProjectFacts liveProject(String projectId, ProjectLookup lookup) {
        return lookup.find(projectId).filter(p -> !p.destroyed())
                .orElseThrow(() -> DxException.notFound("The project " + projectId + " was not found"));
    }

    /** The requester's level first, then how far their token reaches (DECISIONS.md §1). */
    private static void requireLevel(ProjectLookup lookup, ProjectFacts project, Requester requester,
                                     ProjectLevel needed, String what) {
        requireLevel(lookup, project, requester.userId(), needed, what);
        TokenScopes.requireReach(requester, project.id(), needed);
    }

    private static void requireLevel(ProjectLookup lookup, ProjectFacts project, String userId, ProjectLevel needed,
                                     String what) {
        ProjectLevel level = lookup.effectiveLevel(project.id(), userId);
        if (!level.atLeast(needed)) {
            throw DxException.permissionDenied("You need " + needed + " to " + what + " " + project.id()
                    + "; you have " + level);
        }
    }

    @EventSourcingHandler
    void on(DataObjectCreatedEvent event) {
        objectId = event.objectId();
        objectClass = event.objectClass();
        projects.add(event.projectId());
    }

    @EventSourcingHandler
    void on(DataObjectClonedEvent event) {
        projects.add(event.destinationProject());
    }

    @EventSourcingHandler
    void on(DataObjectRemovedEvent event) {
        projects.remove(event.projectId());
    }
}
