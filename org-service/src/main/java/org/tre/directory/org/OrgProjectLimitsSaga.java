package org.tre.directory.org;

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
import org.tre.messages.workflow.AskAgainThenGiveUp;
import org.tre.messages.workflow.FollowOn;
import org.tre.directory.workflow.Refusals;
import org.tre.directory.workflow.WorkflowTimeouts;
import org.tre.messages.error.DxError;
import org.tre.messages.org.OrgCommands.CompleteOrgProjectLimitsUpdateCommand;
import org.tre.messages.org.OrgEvents.OrgProjectLimitsUpdateStartedEvent;
import org.tre.messages.org.OrgEvents.OrgProjectLimitsUpdatedEvent;
import org.tre.messages.project.ProjectCommands.SetProjectSpendingLimitsCommand;
import org.tre.messages.project.SpendingLimitsChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sets the limits of an {@code /org-xxxx/bulkUpdateProjectLimit} on each project, after the Org
 * checked the requester, the licenses and every project. Every project is asked at once and the
 * answers go back to the Org in one command, so no handler thread waits for another instance.
 * Setting limits is idempotent: the first deadline asks again, the second records what is unfinished,
 * and the saga ends when the Org has recorded it, at the latest at the third (AskAgainThenGiveUp). A project destroyed or moved to another org meanwhile is no longer the org's and
 * is not counted.
 */
@Saga
@ProcessingGroup(OrgProjectLimitsSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class OrgProjectLimitsSaga {

    public static final String PROCESSING_GROUP = "org-project-limits";
    static final String UPDATE_ID = "updateId";
    static final String DEADLINE = "org-project-limits-deadline";

    private static final Logger LOG = LoggerFactory.getLogger(OrgProjectLimitsSaga.class);

    private String orgId;
    private String updateId;
    private List<String> projects = new ArrayList<>();
    private SpendingLimitsChange change;
    private String requestedBy;
    /** Who asked and in which request, for the command sent once the projects have answered. */
    private Map<String, Object> audit = Map.of();
    private int deadlinesPassed;

    @StartSaga
    @SagaEventHandler(associationProperty = UPDATE_ID)
    public void on(OrgProjectLimitsUpdateStartedEvent event, MetaData metaData, CommandGateway commands,
                   DeadlineManager deadlines, WorkflowTimeouts timeouts) {
        orgId = event.orgId();
        updateId = event.updateId();
        projects = new ArrayList<>(event.projects());
        change = event.change();
        requestedBy = event.requestedBy();
        audit = Map.copyOf(FollowOn.of(metaData));
        deadlines.schedule(timeouts.deadline(), DEADLINE, new UpdateDue(updateId));
        setEveryProject(commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = UPDATE_ID)
    public void on(OrgProjectLimitsUpdatedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    /**
     * The first deadline asks every project again; the second records what is unfinished, which ends the
     * saga; the third ends it whatever the Org heard.
     */
    @DeadlineHandler(deadlineName = DEADLINE)
    public void on(UpdateDue due, CommandGateway commands, DeadlineManager deadlines, WorkflowTimeouts timeouts) {
        deadlinesPassed++;
        switch (AskAgainThenGiveUp.at(deadlinesPassed, WorkflowTimeouts.ATTEMPTS)) {
            case ASK_AGAIN -> {
                LOG.warn("Project limits update {} of {} is not finished by its deadline; asking again", updateId,
                        orgId);
                deadlines.schedule(timeouts.deadline(), DEADLINE, new UpdateDue(updateId));
                setEveryProject(commands);
            }
            case GIVE_UP -> {
                LOG.error("Project limits update {} of {} gave up; unfinished: {}", updateId, orgId, projects);
                commands.send(new CompleteOrgProjectLimitsUpdateCommand(orgId, updateId, 0, List.copyOf(projects)),
                        MetaData.from(audit));
                deadlines.schedule(timeouts.deadline(), DEADLINE, new UpdateDue(updateId));
            }
            case END -> {
                LOG.error("Project limits update {} of {} was given up but not recorded; ending it", updateId,
                        orgId);
                SagaLifecycle.end();
            }
        }
    }

    /** The payload of the deadline: which update is due. */
    public record UpdateDue(String updateId) {
    }

    /** The callbacks read only these locals: they may run on another thread, after the saga has been stored. */
    private void setEveryProject(CommandGateway commands) {
        String org = orgId;
        String update = updateId;
        List<String> targets = List.copyOf(projects);
        MetaData followOn = MetaData.from(audit);
        List<CompletableFuture<DxError>> answers = new ArrayList<>();
        for (String projectId : targets) {
            answers.add(commands.send(new SetProjectSpendingLimitsCommand(projectId, org, change, requestedBy), followOn)
                    .handle((result, failure) -> failure == null ? null : Refusals.of(failure)));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenRun(() -> {
            int updated = 0;
            List<String> unfinished = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                DxError refusal = answers.get(i).getNow(null);
                if (refusal == null) {
                    updated++;
                } else if (Refusals.byTheService(refusal)) {
                    unfinished.add(targets.get(i));
                }
            }
            commands.send(new CompleteOrgProjectLimitsUpdateCommand(org, update, updated, unfinished), followOn);
        });
    }
}
