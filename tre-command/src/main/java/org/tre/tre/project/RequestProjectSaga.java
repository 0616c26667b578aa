package org.tre.tre.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tre.messages.error.DxError;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.project.ProjectCommands.CreateRequestProjectInDirectoryCommand;
import org.tre.messages.project.ProjectEvents.ProjectJoinedRequestEvent;
import org.tre.messages.request.RequestCommands.QueueFirstDispensalCommand;
import org.tre.messages.request.RequestCommands.RecordRequestProjectFailedCommand;
import org.tre.messages.request.RequestEvents.DispensalRequestedEvent;
import org.tre.messages.request.RequestEvents.RequestProjectAuthorizedEvent;
import org.tre.messages.request.RequestEvents.RequestProjectFailedEvent;
import org.tre.messages.workflow.AskAgainThenGiveUp;
import org.tre.messages.workflow.FollowOn;
import org.tre.tre.provisioning.SideEffectRetry;

import java.util.List;
import java.util.Map;

/**
 * A request project from the request's decision to the directory (DECISIONS.md §15): the request
 * allowed it, the directory makes it, and for {@code dispense: true} the request then queues its
 * first dispensal. Nothing waits on another instance: each step is sent, and the next is taken when
 * its event comes. The route that asked waits for the project in the workflow outcomes, as clone does.
 * A refusal by the directory is recorded on the request (the route answers it); a step not answered by
 * its deadline is asked again (both are safe to repeat), then given up on record.
 */
@Saga
@ProcessingGroup(RequestProjectSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class RequestProjectSaga {

    public static final String PROCESSING_GROUP = "tre-request-projects";
    static final String PROJECT_ID = "projectId";
    static final String DEADLINE = "request-project-deadline";

    private static final Logger LOG = LoggerFactory.getLogger(RequestProjectSaga.class);

    private RequestProjectAuthorizedEvent project;
    private boolean created;
    private int deadlinesPassed;
    private Map<String, Object> audit = Map.of();

    @StartSaga
    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(RequestProjectAuthorizedEvent event, MetaData metaData, CommandGateway commands,
                   DeadlineManager deadlines, SideEffectRetry retry) {
        project = event;
        audit = Map.copyOf(FollowOn.of(metaData));
        deadlines.schedule(retry.delayBefore(0), DEADLINE, new RequestProjectDue(event.projectId()));
        create(commands);
    }

    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(ProjectJoinedRequestEvent event, CommandGateway commands, DeadlineManager deadlines,
                   SideEffectRetry retry) {
        created = true;
        deadlinesPassed = 0;
        deadlines.cancelAllWithinScope(DEADLINE);
        if (!project.dispense()) {
            SagaLifecycle.end();
            return;
        }
        deadlines.schedule(retry.delayBefore(0), DEADLINE, new RequestProjectDue(event.projectId()));
        queueFirstDispensal(commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(DispensalRequestedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(RequestProjectFailedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    public void on(RequestProjectDue due, CommandGateway commands, DeadlineManager deadlines, SideEffectRetry retry) {
        deadlinesPassed++;
        switch (AskAgainThenGiveUp.at(deadlinesPassed, retry.attempts())) {
            case ASK_AGAIN -> {
                deadlines.schedule(retry.delayBefore(deadlinesPassed), DEADLINE, due);
                if (created) {
                    queueFirstDispensal(commands);
                } else {
                    create(commands);
                }
            }
            case GIVE_UP -> {
                LOG.error("Request project {} given up {}", project.projectId(),
                        created ? "before its first dispensal was queued" : "before the directory made it");
                deadlines.schedule(retry.delayBefore(0), DEADLINE, due);
                if (!created) {
                    commands.send(new RecordRequestProjectFailedCommand(project.requestId(), project.projectId(),
                            new DxError(ErrorType.ServiceUnavailable, "The project could not be created in time;"
                                    + " retry")), MetaData.from(audit));
                } else {
                    SagaLifecycle.end();
                }
            }
            case END -> SagaLifecycle.end();
        }
    }

    public record RequestProjectDue(String projectId) {
    }

    /** The callback reads only locals: it may run on another thread, after the saga was stored. */
    private void create(CommandGateway commands) {
        RequestProjectAuthorizedEvent p = project;
        MetaData followOn = MetaData.from(audit);
        commands.send(new CreateRequestProjectInDirectoryCommand(p.projectId(), p.requestId(), p.treId(), p.name(),
                        p.summary(), p.description(), List.copyOf(p.tags()), Map.copyOf(p.properties()), p.billTo(),
                        p.region(), Map.copyOf(p.flags()), p.createdBy(), p.robotUser(), p.applicant()), followOn)
                .exceptionally(failure -> {
                    DxError refusal = refusal(failure);
                    if (refusal != null) {
                        commands.send(new RecordRequestProjectFailedCommand(p.requestId(), p.projectId(), refusal),
                                followOn);
                    } else {
                        LOG.warn("Request project {} not made yet: {}", p.projectId(), failure.toString());
                    }
                    return null;
                });
    }

    private void queueFirstDispensal(CommandGateway commands) {
        commands.send(new QueueFirstDispensalCommand(project.requestId(), project.projectId(), project.createdBy()),
                MetaData.from(audit));
    }

    /** The directory's refusal; null for the service's own trouble, which the deadline asks again. */
    private static DxError refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DxException refused) {
                return DxError.of(refused);
            }
            if (cause instanceof HandlerExecutionException remote
                    && remote.getDetails().orElse(null) instanceof DxError error) {
                return error;
            }
        }
        return null;
    }
}
