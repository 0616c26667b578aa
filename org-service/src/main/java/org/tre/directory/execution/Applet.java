package org.tre.directory.execution;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.directory.project.ProjectLookup;
import org.tre.messages.error.DxException;
import org.tre.messages.execution.AppletMessages.AppletCreatedEvent;
import org.tre.messages.execution.AppletMessages.CreateAppletCommand;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.ProjectFacts;

import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An applet in a project (DECISIONS.md §16). Applets are made in TRE projects as anywhere else
 * (tre-api.md bars only {@code /app/new} from them); what a TRE forbids is checked when one runs.
 */
@Aggregate(cache = "aggregateCache")
public class Applet {

    @AggregateIdentifier
    private String appletId;

    protected Applet() {
    }

    /**
     * An applet is data the caller brings into the project, so it needs UPLOAD, and a project closed to
     * uploads from outside the platform is closed to applets too.
     */
    @CommandHandler
    public Applet(CreateAppletCommand command, ProjectLookup projects) {
        ProjectFacts project = projects.requireLive(command.projectId());
        projects.requireLevel(project, command.requester(), ProjectLevel.UPLOAD, "create an applet in");
        if (project.flag(ProjectFlags.EXTERNAL_UPLOAD_RESTRICTED)) {
            throw DxException.permissionDenied("The project " + project.id()
                    + " is externalUploadRestricted: applets cannot be created in it from outside the platform");
        }
        apply(new AppletCreatedEvent(command.appletId(), command.projectId(), command.folder(), command.name(),
                command.spec(), command.title(), command.summary(), command.description(),
                command.tags() == null ? List.of() : List.copyOf(command.tags()),
                command.properties() == null ? Map.of() : Map.copyOf(command.properties()),
                command.requester().userId()));
    }

    @EventSourcingHandler
    void on(AppletCreatedEvent event) {
        appletId = event.appletId();
    }
}
