package org.tre.directory.org;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.directory.app.AppProjection;
import org.tre.directory.app.AppProjection.AppRecord;
import org.tre.directory.project.OrgProjectAccess;
import org.tre.messages.app.AppMessages.RevokeAppAccessCommand;

import java.util.Map;
import java.util.TreeMap;

/** Withdraws a leaving member's access to what the org pays for, app by app and project by project. */
@Component
public class OrgMemberRevocations implements MemberRevocations {

    private final AppProjection apps;
    private final OrgProjectAccess projects;
    private final CommandGateway commands;

    public OrgMemberRevocations(AppProjection apps, OrgProjectAccess projects, CommandGateway commands) {
        this.apps = apps;
        this.projects = projects;
        this.commands = commands;
    }

    @Override
    public Map<String, Boolean> revokeOnOrgProjects(String orgId, String userId, String requestedBy, boolean elevate) {
        return projects.revokeMemberOnOrgProjects(orgId, userId, requestedBy, elevate);
    }

    @Override
    public Map<String, Boolean> revokeOnOrgApps(String orgId, String userId, String requestedBy, boolean elevate) {
        Map<String, Boolean> revoked = new TreeMap<>();
        for (AppRecord app : apps.billedTo(orgId)) {
            boolean developer = app.developers().contains(userId);
            if (!developer && !app.authorizedUsers().contains(userId)) {
                continue;
            }
            boolean takesOver = elevate && developer && app.developers().size() == 1;
            commands.sendAndWait(new RevokeAppAccessCommand(app.id(), userId, takesOver ? requestedBy : null,
                    requestedBy));
            revoked.merge(app.name(), takesOver, Boolean::logicalOr);
        }
        return revoked;
    }
}
