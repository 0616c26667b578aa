package org.tre.directory.org;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.tre.messages.org.OrgCommands.AcceptPendingOrgInviteCommand;
import org.tre.messages.user.UserEvents.UserCreatedEvent;

/**
 * An invite sent to an email before its owner had an account takes effect when the account is
 * created (DECISIONS.md §12). Runs in the creating transaction, so the new user is a member by the
 * time /user/new answers.
 */
@Component
@ProcessingGroup("org-pending-invites")
public class PendingInvitesOnSignup {

    private final OrgProjection orgs;
    private final CommandGateway commands;

    public PendingInvitesOnSignup(OrgProjection orgs, CommandGateway commands) {
        this.orgs = orgs;
        this.commands = commands;
    }

    @EventHandler
    void on(UserCreatedEvent event) {
        if (event.email() == null) {
            return;
        }
        for (String[] invite : orgs.pendingInvitesFor(event.email())) {
            commands.sendAndWait(new AcceptPendingOrgInviteCommand(invite[0], invite[1], event.userId()));
        }
    }
}
