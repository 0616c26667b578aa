package org.tre.directory.project;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tre.messages.project.ProjectCommands.RemoveOrgMemberFromProjectCommand;

import java.util.Map;
import java.util.TreeMap;

/** What the org context asks of projects when a member leaves an org (org-api.txt /org-xxxx/removeMember). */
@Component
public class OrgProjectAccess {

    private final ProjectDirectory projects;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;

    public OrgProjectAccess(ProjectDirectory projects, CommandGateway commands, TransactionTemplate transaction) {
        this.projects = projects;
        this.commands = commands;
        this.transaction = transaction;
    }

    /**
     * Revokes the user's own grants on every live project billed to the org, all or none. Where they were
     * the only ADMINISTER holder and {@code elevateRequester} holds (and the requester is not the user),
     * the requester gets ADMINISTER. Answers project id → whether the requester was elevated; projects
     * where the user held no grant of their own are not named.
     */
    public Map<String, Boolean> revokeMemberOnOrgProjects(String orgId, String userId, String requestedBy,
                                                          boolean elevateRequester) {
        return transaction.execute(tx -> {
            Map<String, Boolean> revoked = new TreeMap<>();
            for (String projectId : projects.billedProjectsWithOwnGrant(orgId, userId)) {
                Boolean elevated = commands.sendAndWait(new RemoveOrgMemberFromProjectCommand(projectId, orgId, userId,
                        requestedBy, elevateRequester));
                revoked.put(projectId, Boolean.TRUE.equals(elevated));
            }
            return revoked;
        });
    }
}
