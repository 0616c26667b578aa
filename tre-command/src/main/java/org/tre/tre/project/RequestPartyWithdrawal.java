package org.tre.tre.project;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tre.messages.project.ProjectCommands.WithdrawRequestPartyCommand;
import org.tre.messages.project.ProjectQueries.FindRequestProjectsQuery;
import org.tre.messages.request.RequestEvents.CollaboratorsRemovedEvent;
import org.tre.messages.tre.TreCommands.RecordTreSideEffectFailureCommand;
import org.tre.messages.workflow.FollowOn;

import java.util.concurrent.CompletableFuture;

/**
 * DECISIONS.md §15: removing a collaborator withdraws the access they hold on the request's projects.
 * A tracking handler (a restart resumes it) that sends one idempotent withdrawal per project without
 * waiting: asked twice, a withdrawal finds nothing left to take. A withdrawal that fails is recorded on
 * the TRE as a side-effect failure, so its admins see it. The invite rule closes the gap behind it: a
 * removed collaborator can no longer be invited back.
 */
@Component
@ProcessingGroup(RequestPartyWithdrawal.PROCESSING_GROUP)
public class RequestPartyWithdrawal {

    public static final String PROCESSING_GROUP = "tre-request-parties";

    private static final Logger LOG = LoggerFactory.getLogger(RequestPartyWithdrawal.class);

    private final CommandGateway commands;
    private final QueryGateway queries;

    public RequestPartyWithdrawal(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @EventHandler
    void on(CollaboratorsRemovedEvent event, MetaData metaData) {
        MetaData followOn = FollowOn.of(metaData);
        queries.query(new FindRequestProjectsQuery(event.requestId()), ResponseTypes.multipleInstancesOf(String.class))
                .thenCompose(projects -> CompletableFuture.allOf(projects.stream()
                        .flatMap(project -> event.users().stream().map(user -> commands.send(
                                new WithdrawRequestPartyCommand(project, event.requestId(), user,
                                        event.removedBy()), followOn)))
                        .toArray(CompletableFuture[]::new)))
                .exceptionally(failure -> {
                    LOG.error("Withdrawing {} from the projects of {} failed", event.users(), event.requestId(),
                            failure);
                    commands.send(new RecordTreSideEffectFailureCommand(event.treId(), "withdraw " + event.users()
                            + " from the projects of " + event.requestId(), String.valueOf(failure.getMessage())),
                            followOn);
                    return null;
                });
    }
}
