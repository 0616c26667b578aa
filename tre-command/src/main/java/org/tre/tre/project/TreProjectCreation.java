package org.tre.tre.project;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.tre.messages.Requester;
import org.tre.messages.project.ProjectCommands.CreateProjectCommand;
import org.tre.messages.tre.TreEvents.TreProjectAuthorizedEvent;
import org.tre.messages.user.TokenScope;

/**
 * Creates the project a TRE allowed, in the same transaction as the TRE's decision (a subscribing
 * processor): the caller can use the project with the very next request, and a project that cannot
 * be created takes the decision back with it.
 */
@Component
@ProcessingGroup("tre-project-creation")
public class TreProjectCreation {

    private final CommandGateway commands;

    public TreProjectCreation(CommandGateway commands) {
        this.commands = commands;
    }

    /** The TRE allows projects to full-scope tokens only, so the creator is named with a full scope. */
    @EventHandler
    void on(TreProjectAuthorizedEvent event) {
        commands.sendAndWait(new CreateProjectCommand(event.projectId(), event.name(), event.summary(),
                event.description(), event.tags(), event.properties(), event.billTo(), event.region(), event.flags(),
                event.treId(), new Requester(event.requestedBy(), TokenScope.fullScope())));
    }
}
