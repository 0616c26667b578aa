package org.tre.tre.dispensal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.MarkDataObjectDispensedCommand;
import org.tre.messages.request.RequestEvents.DispensalRequestedEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalLeftQueueEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalQueuedEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalStartedEvent;
import org.tre.messages.tre.DispensalQueueMessages.LeaveDispensalQueueCommand;
import org.tre.messages.tre.DispensalQueueMessages.QueueDispensalCommand;
import org.tre.messages.tre.TreCommands.FinishTreDispensalCommand;
import org.tre.messages.tre.TreCommands.StartTreDispensalCommand;
import org.tre.messages.tre.TreEvents.DispensedObject;
import org.tre.messages.tre.TreEvents.TreDispensalFailedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalFinishedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalStartedEvent;
import org.tre.messages.tre.TreProvisioning;
import org.tre.messages.workflow.AskAgainThenGiveUp;
import org.tre.messages.workflow.FollowOn;
import org.tre.tre.provisioning.SideEffectRetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One dispensal job (DECISIONS.md §15 "Dispensal"), from the request's ask to the queue's release:
 * it joins the TRE's queue, waits for its turn (the queue lets one run at a time), asks the TRE to
 * record its start with the inventory version active then, has the robot copy each object into the
 * request project and mark it dispensed, has the TRE record the end, and leaves the queue so the
 * next job starts.
 *
 * <p>Exactly once without a transaction: a copy keeps the object's id, so an object already in the
 * project answers "already there" and a repeated copy changes nothing; marking is idempotent too.
 * Every step but the wait for its turn has a deadline (the side-effect retry delays): the stage not
 * answered is asked again, then given up on record (the job fails), and the saga ends at the deadline
 * after, whatever was heard. A crash loses only answers: the deadline, kept in the database, asks
 * again after the restart.
 *
 * <p>Follow-on commands carry the request's {@code requestId} and the TRE's robot as {@code userId};
 * the person who asked is {@code requestedBy} in the events.
 */
@Saga
@ProcessingGroup(DispensalSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class DispensalSaga {

    public static final String PROCESSING_GROUP = "tre-dispensals";
    static final String JOB_ID = "jobId";
    static final String DEADLINE = "dispensal-deadline";

    private static final Logger LOG = LoggerFactory.getLogger(DispensalSaga.class);

    enum Stage { QUEUEING, WAITING, STARTING, COPYING, ENDING }

    private String jobId;
    private String treId;
    private String queueId;
    private String requestId;
    private String projectId;
    private List<String> fields = List.of();
    private String cohort;
    private String requestedBy;
    private List<DispensedObject> objects = List.of();
    private Stage stage;
    /** Deadlines passed in the current stage. */
    private int deadlinesPassed;
    private Map<String, Object> audit = Map.of();

    @StartSaga
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(DispensalRequestedEvent event, MetaData metaData, CommandGateway commands,
                   DeadlineManager deadlines, SideEffectRetry retry) {
        jobId = event.jobId();
        treId = event.treId();
        queueId = TreProvisioning.dispensalQueue(treId);
        requestId = event.requestId();
        projectId = event.projectId();
        fields = List.copyOf(event.fields());
        cohort = event.cohort();
        requestedBy = event.requestedBy();
        Object request = FollowOn.of(metaData).get(FollowOn.REQUEST_ID);
        audit = request == null ? Map.of(FollowOn.USER_ID, TreProvisioning.robotUser(treId))
                : Map.of(FollowOn.USER_ID, TreProvisioning.robotUser(treId), FollowOn.REQUEST_ID, request);
        enter(Stage.QUEUEING, commands, deadlines, retry);
    }

    /** In the queue: no deadline while jobs ahead run, as each of them ends by its own. */
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(DispensalQueuedEvent event, DeadlineManager deadlines) {
        if (stage == Stage.QUEUEING) {
            stage = Stage.WAITING;
            deadlines.cancelAllWithinScope(DEADLINE);
        }
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(DispensalStartedEvent event, CommandGateway commands, DeadlineManager deadlines,
                   SideEffectRetry retry) {
        if (stage == Stage.QUEUEING || stage == Stage.WAITING) {
            enter(Stage.STARTING, commands, deadlines, retry);
        }
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(TreDispensalStartedEvent event, CommandGateway commands, DeadlineManager deadlines,
                   SideEffectRetry retry) {
        objects = List.copyOf(event.objects());
        enter(Stage.COPYING, commands, deadlines, retry);
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(TreDispensalFinishedEvent event, CommandGateway commands, DeadlineManager deadlines,
                   SideEffectRetry retry) {
        enter(Stage.ENDING, commands, deadlines, retry);
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(TreDispensalFailedEvent event, CommandGateway commands, DeadlineManager deadlines,
                   SideEffectRetry retry) {
        enter(Stage.ENDING, commands, deadlines, retry);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(DispensalLeftQueueEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    /** The stage has not been answered: ask again, give the job up on record, or end (AskAgainThenGiveUp). */
    @DeadlineHandler(deadlineName = DEADLINE)
    public void on(DispensalDue due, CommandGateway commands, DeadlineManager deadlines, SideEffectRetry retry) {
        if (due.stage() != stage) {
            return;
        }
        deadlinesPassed++;
        switch (AskAgainThenGiveUp.at(deadlinesPassed, retry.attempts())) {
            case ASK_AGAIN -> {
                LOG.warn("Dispensal {} not past {} by its deadline; asking again ({})", jobId, stage, deadlinesPassed);
                schedule(deadlines, retry);
                act(commands);
            }
            case GIVE_UP -> {
                LOG.error("Dispensal {} given up at {}", jobId, stage);
                schedule(deadlines, retry);
                MetaData followOn = MetaData.from(audit);
                if (stage != Stage.ENDING) {
                    commands.send(new FinishTreDispensalCommand(treId, jobId, requestId, projectId, null,
                            "InternalError", "The dispensal did not finish " + stage.name().toLowerCase()
                            + " after " + deadlinesPassed + " attempts", requestedBy), followOn);
                }
                commands.send(new LeaveDispensalQueueCommand(queueId, jobId), followOn);
            }
            case END -> {
                LOG.error("Dispensal {} was given up but not recorded; ending it", jobId);
                SagaLifecycle.end();
            }
        }
    }

    /** The payload of a stage's deadline. */
    public record DispensalDue(String jobId, Stage stage) {
    }

    private void enter(Stage next, CommandGateway commands, DeadlineManager deadlines, SideEffectRetry retry) {
        stage = next;
        deadlinesPassed = 0;
        deadlines.cancelAllWithinScope(DEADLINE);
        schedule(deadlines, retry);
        act(commands);
    }

    private void schedule(DeadlineManager deadlines, SideEffectRetry retry) {
        deadlines.schedule(retry.delayBefore(Math.min(deadlinesPassed, retry.attempts() - 1)), DEADLINE,
                new DispensalDue(jobId, stage));
    }

    private void act(CommandGateway commands) {
        MetaData followOn = MetaData.from(audit);
        switch (stage) {
            case QUEUEING -> commands.send(new QueueDispensalCommand(queueId, treId, jobId, requestId, projectId, fields,
                    cohort, requestedBy), followOn);
            case STARTING -> commands.send(new StartTreDispensalCommand(treId, jobId, requestId, projectId, fields,
                    cohort, requestedBy), followOn);
            case COPYING -> copyEveryObject(commands, followOn);
            case ENDING -> commands.send(new LeaveDispensalQueueCommand(queueId, jobId), followOn);
            case WAITING -> {
            }
        }
    }

    /**
     * Every object at once, each copied and then marked; the TRE hears all the answers in one command.
     * The callbacks read only these locals: they may run on another thread, after the saga was stored.
     * An answer that is the service's own trouble sends nothing: the deadline asks again.
     */
    private void copyEveryObject(CommandGateway commands, MetaData followOn) {
        String job = jobId;
        String tre = treId;
        String request = requestId;
        String project = projectId;
        String by = requestedBy;
        String robot = TreProvisioning.robotUser(tre);
        List<CompletableFuture<CopyAnswers>> answers = new ArrayList<>();
        for (DispensedObject object : objects) {
            String id = object.objectId();
            answers.add(commands.send(new CloneDataObjectCommand(id, object.sourceProject(), project, job, robot),
                            followOn)
                    .thenCompose(cloned -> commands.send(new MarkDataObjectDispensedCommand(id, project), followOn))
                    .handle((done, failure) -> failure == null ? CopyAnswers.copied(id) : CopyAnswers.failed(id, failure)));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenRun(() -> {
            List<CopyAnswers> all = answers.stream().map(answer -> answer.getNow(null)).toList();
            if (all.stream().anyMatch(CopyAnswers::byTheService)) {
                LOG.warn("Dispensal {}: some copies failed on the service's side; the deadline asks again", job);
                return;
            }
            List<String> copied = all.stream().filter(CopyAnswers::ok).map(CopyAnswers::objectId).toList();
            CopyAnswers refused = all.stream().filter(answer -> !answer.ok()).findFirst().orElse(null);
            commands.send(new FinishTreDispensalCommand(tre, job, request, project, copied,
                    refused == null ? null : refused.refusal().type().name(),
                    refused == null ? null : refused.refusal().message(), by), followOn);
        });
    }
}
