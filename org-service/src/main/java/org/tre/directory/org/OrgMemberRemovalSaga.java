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
import org.tre.directory.org.MemberAccessTargets.AppTarget;
import org.tre.messages.workflow.AskAgainThenGiveUp;
import org.tre.messages.workflow.FollowOn;
import org.tre.directory.workflow.Refusals;
import org.tre.directory.workflow.WorkflowTimeouts;
import org.tre.messages.app.AppMessages.RevokeAppAccessCommand;
import org.tre.messages.error.DxError;
import org.tre.messages.org.OrgCommands.CompleteOrgMemberAccessWithdrawalCommand;
import org.tre.messages.org.OrgEvents.OrgMemberAccessWithdrawalStartedEvent;
import org.tre.messages.org.OrgEvents.OrgMemberAccessWithdrawnEvent;
import org.tre.messages.project.ProjectCommands.RemoveOrgMemberFromProjectCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Withdraws a removed org member's explicit access to the projects and apps billed to the org
 * (org-api.txt /org-xxxx/removeMember), after the Org ended the membership. Each project and app is
 * asked at once and decides for itself whether the requester takes it over; the answers go back to
 * the Org in one command once the last has answered, so no handler thread waits for another instance.
 * A project destroyed or moved to another org meanwhile is no longer the org's and is left out.
 *
 * <p>Every step is safe to repeat: the first deadline asks again whatever has not answered, the
 * second records what is still unfinished, and the saga ends when the Org has recorded it, at the
 * latest at the third (AskAgainThenGiveUp).
 */
@Saga
@ProcessingGroup(OrgMemberRemovalSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class OrgMemberRemovalSaga {

    public static final String PROCESSING_GROUP = "org-member-removals";
    static final String REMOVAL_ID = "removalId";
    static final String DEADLINE = "org-member-removal-deadline";

    private static final Logger LOG = LoggerFactory.getLogger(OrgMemberRemovalSaga.class);

    private String orgId;
    private String removalId;
    private String userId;
    private String requestedBy;
    private boolean elevateRequester;
    private List<String> projects = new ArrayList<>();
    private List<AppTarget> apps = new ArrayList<>();
    /** Who asked and in which request, for the commands sent once the steps have answered. */
    private Map<String, Object> audit = Map.of();
    private int deadlinesPassed;

    @StartSaga
    @SagaEventHandler(associationProperty = REMOVAL_ID)
    public void on(OrgMemberAccessWithdrawalStartedEvent event, MetaData metaData, CommandGateway commands,
                   DeadlineManager deadlines, WorkflowTimeouts timeouts, MemberAccessTargets targets) {
        orgId = event.orgId();
        removalId = event.removalId();
        userId = event.userId();
        requestedBy = event.requestedBy();
        elevateRequester = event.elevateRequester();
        projects = event.revokeProjectPermissions()
                ? new ArrayList<>(targets.projectsWithOwnGrant(orgId, userId)) : new ArrayList<>();
        apps = event.revokeAppPermissions() ? new ArrayList<>(targets.appsWithAccess(orgId, userId)) : new ArrayList<>();
        audit = Map.copyOf(FollowOn.of(metaData));
        deadlines.schedule(timeouts.deadline(), DEADLINE, new RemovalDue(removalId));
        withdraw(commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REMOVAL_ID)
    public void on(OrgMemberAccessWithdrawnEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    /**
     * The first deadline asks every project and app again; the second records what is unfinished, which
     * ends the saga; the third ends it whatever the Org heard.
     */
    @DeadlineHandler(deadlineName = DEADLINE)
    public void on(RemovalDue due, CommandGateway commands, DeadlineManager deadlines, WorkflowTimeouts timeouts) {
        deadlinesPassed++;
        switch (AskAgainThenGiveUp.at(deadlinesPassed, WorkflowTimeouts.ATTEMPTS)) {
            case ASK_AGAIN -> {
                LOG.warn("Removal {} from {} is not finished by its deadline; asking again", removalId, orgId);
                deadlines.schedule(timeouts.deadline(), DEADLINE, new RemovalDue(removalId));
                withdraw(commands);
            }
            case GIVE_UP -> {
                List<String> unfinished = new ArrayList<>(projects);
                apps.forEach(app -> unfinished.add(app.appId()));
                LOG.error("Removal {} from {} gave up: access of {} may remain on {}", removalId, orgId, userId,
                        unfinished);
                commands.send(new CompleteOrgMemberAccessWithdrawalCommand(orgId, removalId, Map.of(), Map.of(),
                        unfinished), MetaData.from(audit));
                deadlines.schedule(timeouts.deadline(), DEADLINE, new RemovalDue(removalId));
            }
            case END -> {
                LOG.error("Removal {} from {} was given up but not recorded; ending it", removalId, orgId);
                SagaLifecycle.end();
            }
        }
    }

    /** The payload of the deadline: which removal is due. */
    public record RemovalDue(String removalId) {
    }

    private record Step(String target, String name, boolean project, Boolean elevated, DxError refusal) {
    }

    /**
     * Asks every project and app at once. The callbacks read only these locals: they may run on another
     * thread, after the saga has been stored.
     */
    private void withdraw(CommandGateway commands) {
        String org = orgId;
        String removal = removalId;
        MetaData followOn = MetaData.from(audit);
        String successor = elevateRequester ? requestedBy : null;
        List<CompletableFuture<Step>> steps = new ArrayList<>();
        for (String projectId : projects) {
            steps.add(commands.<Boolean>send(new RemoveOrgMemberFromProjectCommand(projectId, org, userId, requestedBy,
                            elevateRequester), followOn)
                    .handle((elevated, failure) -> new Step(projectId, projectId, true, elevated,
                            failure == null ? null : Refusals.of(failure))));
        }
        for (AppTarget app : apps) {
            steps.add(commands.<Boolean>send(new RevokeAppAccessCommand(app.appId(), userId, successor, requestedBy),
                            followOn)
                    .handle((madeDeveloper, failure) -> new Step(app.appId(), app.name(), false, madeDeveloper,
                            failure == null ? null : Refusals.of(failure))));
        }
        CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
                .thenRun(() -> commands.send(completion(org, removal,
                        steps.stream().map(done -> done.getNow(null)).toList()), followOn));
    }

    /**
     * A refusal means the project or app is no longer the org's to change (destroyed, moved, gone):
     * it is left out. Only the service's own failures count as unfinished.
     */
    private static CompleteOrgMemberAccessWithdrawalCommand completion(String org, String removal, List<Step> steps) {
        Map<String, Boolean> projectAnswers = new TreeMap<>();
        Map<String, Boolean> appAnswers = new TreeMap<>();
        List<String> unfinished = new ArrayList<>();
        for (Step step : steps) {
            if (step.refusal() != null) {
                if (Refusals.byTheService(step.refusal())) {
                    unfinished.add(step.target());
                }
                continue;
            }
            boolean tookOver = Boolean.TRUE.equals(step.elevated());
            if (step.project()) {
                projectAnswers.put(step.name(), tookOver);
            } else {
                appAnswers.merge(step.name(), tookOver, Boolean::logicalOr);
            }
        }
        return new CompleteOrgMemberAccessWithdrawalCommand(org, removal, projectAnswers, appAnswers, unfinished);
    }
}
