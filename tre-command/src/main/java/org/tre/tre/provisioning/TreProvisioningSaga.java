package org.tre.tre.provisioning;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tre.messages.project.ProjectCommands.CreateTreWorkingProjectCommand;
import org.tre.messages.project.ProjectQueries.FindProjectQuery;
import org.tre.messages.project.ProjectQueries.ProjectFacts;
import org.tre.messages.tre.DispensalQueueMessages.CreateDispensalQueueCommand;
import org.tre.messages.tre.TreCommands.AbandonTreProvisioningCommand;
import org.tre.messages.tre.TreCommands.RecordTreProvisioningCommand;
import org.tre.messages.tre.TreCommands.RecordTreSideEffectFailureCommand;
import org.tre.messages.tre.TreEvents.TreActivatedEvent;
import org.tre.messages.tre.TreEvents.TreDeletedEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreProvisioningAbandonedEvent;
import org.tre.messages.tre.TreProvisioning;
import org.tre.messages.user.Operator;
import org.tre.messages.user.UserCommands.CreateUserCommand;
import org.tre.messages.user.UserKind;
import org.tre.messages.user.UserQueries.FindUserQuery;
import org.tre.messages.user.UserQueries.UserView;
import org.tre.messages.workflow.AskAgainThenGiveUp;
import org.tre.messages.workflow.FollowOn;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * What an activation provisions for a TRE (DECISIONS.md §8): its robot user, its working project
 * (billed to the TRE's org in its region, the robot administering it) and its dispensal queue, each
 * with a deterministic id, so an activation, a redelivered event or a retry creates nothing twice.
 *
 * <p>One saga per activation's provisioning, associated by the TRE's id. Nothing here waits on a
 * handler thread: each step is asked, the next step follows its answer, and once all three have
 * answered the TRE records what exists, which ends the saga. A failed step is recorded on the TRE,
 * where its admins see it. Each attempt is due by a persistent deadline: an attempt that has not been
 * recorded by then is made again (every step is safe to repeat), with a delay that doubles; when the
 * attempts are spent the provisioning is given up, which the TRE records, and the deadline after that
 * ends the saga whatever the TRE heard. The next activation provisions again.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class TreProvisioningSaga {

    static final String TRE_ID = "treId";
    static final String RETRY = "retry-provisioning";

    private static final Logger LOG = LoggerFactory.getLogger(TreProvisioningSaga.class);

    private String treId;
    private String billTo;
    private String region;
    /** The deadlines this activation's provisioning has passed: attempt {@code retries} is under way. */
    private int retries;
    /** Who activated and in which request, for the commands sent as the steps answer. */
    private Map<String, Object> audit = Map.of();

    /** A later activation reaching a saga still under way starts its attempts over. */
    @StartSaga
    @SagaEventHandler(associationProperty = TRE_ID)
    public void on(TreActivatedEvent event, MetaData metaData, CommandGateway commands, QueryGateway queries,
                   DeadlineManager deadlines, SideEffectRetry retry) {
        treId = event.treId();
        billTo = event.billTo();
        region = event.region();
        retries = 0;
        audit = Map.copyOf(FollowOn.of(metaData));
        deadlines.cancelAllWithinScope(RETRY);
        provision(commands, queries, deadlines, retry);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = TRE_ID)
    public void on(TreProvisionedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(RETRY);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = TRE_ID)
    public void on(TreProvisioningAbandonedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(RETRY);
    }

    /** The robot and the working project stay: they hold the TRE's audit trail of dispensals. */
    @EndSaga
    @SagaEventHandler(associationProperty = TRE_ID)
    public void on(TreDeletedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(RETRY);
    }

    /** The attempt under way has not been recorded: make it again, give up, or end (AskAgainThenGiveUp). */
    @DeadlineHandler(deadlineName = RETRY)
    public void on(ProvisioningRetry due, CommandGateway commands, QueryGateway queries, DeadlineManager deadlines,
                   SideEffectRetry retry) {
        retries++;
        switch (AskAgainThenGiveUp.at(retries, retry.attempts())) {
            case ASK_AGAIN -> {
                LOG.warn("Provisioning of {} is not recorded by its deadline; attempt {}", treId, retries + 1);
                provision(commands, queries, deadlines, retry);
            }
            case GIVE_UP -> {
                String reason = "Not finished after " + retries + " attempts; the next activation tries again";
                LOG.error("Provisioning of {} given up: {}", treId, reason);
                commands.send(new AbandonTreProvisioningCommand(treId, reason), MetaData.from(audit));
                deadlines.schedule(retry.delayBefore(0), RETRY, new ProvisioningRetry(treId, retries));
            }
            case END -> {
                LOG.error("Provisioning of {} was given up but not recorded; ending it", treId);
                SagaLifecycle.end();
            }
        }
    }

    /** The payload of an attempt's deadline: which TRE, and which attempt it is (0 for the first). */
    public record ProvisioningRetry(String treId, int retry) {
    }

    /**
     * Asks for the robot, then the working project it administers, and the queue beside them; records
     * the three once all have answered. The callbacks read only these locals: they may run on another
     * thread, after the saga has been stored.
     */
    private void provision(CommandGateway commands, QueryGateway queries, DeadlineManager deadlines,
                           SideEffectRetry retry) {
        deadlines.schedule(retry.delayBefore(retries), RETRY, new ProvisioningRetry(treId, retries));
        String tre = treId;
        String robot = TreProvisioning.robotUser(tre);
        String project = TreProvisioning.workingProject(tre);
        String queue = TreProvisioning.dispensalQueue(tre);
        String org = billTo;
        String inRegion = region;
        MetaData followOn = MetaData.from(audit);
        Step step = new Step(commands, tre, followOn);

        CompletableFuture<Boolean> robotReady = step.ask("provision the robot user " + robot, () ->
                queries.query(new FindUserQuery(robot), ResponseTypes.optionalInstanceOf(UserView.class))
                        .thenCompose(user -> user.isPresent() ? done()
                                : commands.send(new CreateUserCommand(robot, TreProvisioning.robotUsername(tre), null,
                                null, null, null, UserKind.ROBOT, Operator.USER_ID, null), followOn)));
        CompletableFuture<Boolean> projectReady = robotReady.thenCompose(ready -> !ready
                ? CompletableFuture.completedFuture(false)
                : step.ask("provision the working project " + project, () ->
                queries.query(new FindProjectQuery(project), ResponseTypes.optionalInstanceOf(ProjectFacts.class))
                        .thenCompose(existing -> existing.isPresent() ? done()
                                : commands.send(new CreateTreWorkingProjectCommand(project, tre, org, inRegion,
                                robot), followOn))));
        CompletableFuture<Boolean> queueReady = projectReady.thenCompose(ignored ->
                step.ask("create the dispensal queue " + queue, () ->
                        commands.send(new CreateDispensalQueueCommand(queue, tre), followOn)));
        projectReady.thenCombine(queueReady, Boolean::logicalAnd).thenAccept(ready -> {
            if (ready) {
                commands.send(new RecordTreProvisioningCommand(tre, robot, project, queue), followOn);
            }
        });
    }

    private static CompletableFuture<Object> done() {
        return CompletableFuture.completedFuture(null);
    }

    /** One step's answer: true once it succeeded; a failure is recorded on the TRE and answers false. */
    private record Step(CommandGateway commands, String treId, MetaData followOn) {

        CompletableFuture<Boolean> ask(String effect, Supplier<CompletableFuture<?>> work) {
            CompletableFuture<?> asked;
            try {
                asked = work.get();
            } catch (RuntimeException failure) {
                asked = CompletableFuture.failedFuture(failure);
            }
            return asked.handle((result, failure) -> {
                if (failure == null) {
                    return true;
                }
                String reason = String.valueOf(cause(failure).getMessage());
                LOG.warn("TRE {} could not {}: {}", treId, effect, reason);
                commands.send(new RecordTreSideEffectFailureCommand(treId, effect, reason), followOn);
                return false;
            });
        }

        private static Throwable cause(Throwable failure) {
            Throwable cause = failure;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }
    }
}
