package org.tre.tre.provisioning;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tre.messages.project.ProjectCommands.CreateTreWorkingProjectCommand;
import org.tre.messages.project.ProjectQueries.FindProjectQuery;
import org.tre.messages.project.ProjectQueries.ProjectFacts;
import org.tre.messages.tre.DispensalQueueMessages.CreateDispensalQueueCommand;
import org.tre.messages.tre.TreCommands.RecordTreProvisioningCommand;
import org.tre.messages.tre.TreCommands.RecordTreSideEffectFailureCommand;
import org.tre.messages.tre.TreEvents.TreActivatedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.tre.TreProvisioning;
import org.tre.messages.user.Operator;
import org.tre.messages.user.UserCommands.CreateUserCommand;
import org.tre.messages.user.UserKind;
import org.tre.messages.user.UserQueries.FindUserQuery;
import org.tre.messages.user.UserQueries.UserView;

import java.time.Duration;

/**
 * What activation provisions for a TRE (DECISIONS.md §8): its robot user, its working project (billed
 * to the TRE's org in its region, the robot administering it) and its dispensal queue. Created once,
 * with deterministic ids, and checked again on every later activation; the saga lives as long as the
 * TRE and ends when it is deleted.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class TreProvisioningSaga {

    private static final Logger LOG = LoggerFactory.getLogger(TreProvisioningSaga.class);

    static final String RETRY = "retry-provisioning";

    private String treId;
    private String billTo;
    private String region;
    private boolean queueCreated;
    private int retries;

    @StartSaga
    @SagaEventHandler(associationProperty = "treId")
    public void on(TreActivatedEvent event, CommandGateway commands, QueryGateway queries, DeadlineManager deadlines,
                   SideEffectRetry retry) {
        treId = event.treId();
        billTo = event.billTo();
        region = event.region();
        retries = 0;
        deadlines.cancelAllWithinScope(RETRY);
        provision(commands, queries, deadlines, retry);
    }

    /** A persistent deadline: a retry scheduled before a restart still happens after it. */
    @DeadlineHandler(deadlineName = RETRY)
    public void retry(ProvisioningRetry due, CommandGateway commands, QueryGateway queries, DeadlineManager deadlines,
                      SideEffectRetry retry) {
        provision(commands, queries, deadlines, retry);
    }

    private void provision(CommandGateway commands, QueryGateway queries, DeadlineManager deadlines,
                           SideEffectRetry retry) {
        String robot = TreProvisioning.robotUser(treId);
        String project = TreProvisioning.workingProject(treId);
        String queue = TreProvisioning.dispensalQueue(treId);
        boolean robotReady = step(commands, "provision the robot user " + robot, () -> {
            if (!exists(queries, robot)) {
                commands.sendAndWait(new CreateUserCommand(robot, TreProvisioning.robotUsername(treId), null, null,
                        null, null, UserKind.ROBOT, Operator.USER_ID, null));
            }
        });
        boolean projectReady = robotReady && step(commands, "provision the working project " + project, () -> {
            boolean present = queries.query(new FindProjectQuery(project),
                    ResponseTypes.optionalInstanceOf(ProjectFacts.class)).join().isPresent();
            if (!present) {
                commands.sendAndWait(new CreateTreWorkingProjectCommand(project, treId, billTo, region, robot));
            }
        });
        boolean queueReady = queueCreated || step(commands, "create the dispensal queue " + queue, () ->
                commands.sendAndWait(new CreateDispensalQueueCommand(queue, treId)));
        queueCreated = queueReady;
        if (robotReady && projectReady && queueReady) {
            commands.sendAndWait(new RecordTreProvisioningCommand(treId, robot, project, queue));
            return;
        }
        Duration delay = retry.delayBefore(retries);
        if (delay != null) {
            retries++;
            deadlines.schedule(delay, RETRY, new ProvisioningRetry(treId, retries));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "treId")
    public void on(TreDeletedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(RETRY);
        // The robot and the working project stay: they hold the TRE's audit trail of dispensals.
    }

    /** The payload of a retry deadline: which TRE, and which retry it is. */
    public record ProvisioningRetry(String treId, int retry) {
    }

    private static boolean exists(QueryGateway queries, String userId) {
        return queries.query(new FindUserQuery(userId), ResponseTypes.optionalInstanceOf(UserView.class)).join()
                .isPresent();
    }

    /** A failed step is recorded on the TRE, where its admins see it, and retried after a growing delay. */
    private boolean step(CommandGateway commands, String effect, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException failure) {
            LOG.warn("TRE {} could not {}: {}", treId, effect, failure.getMessage());
            commands.sendAndWait(new RecordTreSideEffectFailureCommand(treId, effect,
                    String.valueOf(failure.getMessage())));
            return false;
        }
    }
}
