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
import org.tre.directory.workflow.Refusals;
import org.tre.directory.workflow.WorkflowTimeouts;
import org.tre.messages.error.DxError;
import org.tre.messages.org.OrgCommands.AcceptPendingOrgInviteCommand;
import org.tre.messages.user.UserCommands.CompleteUserOrgInvitesAcceptanceCommand;
import org.tre.messages.user.UserEvents.PendingOrgInvite;
import org.tre.messages.user.UserEvents.UserOrgInvitesAcceptanceStartedEvent;
import org.tre.messages.user.UserEvents.UserOrgInvitesAcceptedEvent;
import org.tre.messages.workflow.AskAgainThenGiveUp;
import org.tre.messages.workflow.FollowOn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An invite sent to an email before its owner had an account takes effect when the account is
 * created (DECISIONS.md §12): the User records which invites were waiting, and each org is asked at
 * once to accept its own; when the last has answered the User records the end, which /user/new waits
 * for, so the new user is a member of every inviting org by the time it answers. No handler thread
 * waits for the orgs, and no transaction spans the user and the orgs.
 *
 * <p>Accepting is safe to repeat (an invite already accepted is no longer pending, which the org
 * answers with a refusal that counts as done): the first deadline asks again what has not answered,
 * the second records what the service could not accept, and the saga ends when the User has recorded
 * it, at the latest at the third (AskAgainThenGiveUp).
 */
@Saga
@ProcessingGroup(OrgInvitesOnSignupSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class OrgInvitesOnSignupSaga {

    public static final String PROCESSING_GROUP = "org-invites-on-signup";
    static final String USER_ID = "userId";
    static final String DEADLINE = "org-invites-on-signup-deadline";

    private static final Logger LOG = LoggerFactory.getLogger(OrgInvitesOnSignupSaga.class);

    private String userId;
    private List<PendingOrgInvite> invites = new ArrayList<>();
    /** Who created the user and in which request, for the commands sent once the orgs have answered. */
    private Map<String, Object> audit = Map.of();
    private int deadlinesPassed;

    @StartSaga
    @SagaEventHandler(associationProperty = USER_ID)
    public void on(UserOrgInvitesAcceptanceStartedEvent event, MetaData metaData, CommandGateway commands,
                   DeadlineManager deadlines, WorkflowTimeouts timeouts) {
        userId = event.userId();
        invites = new ArrayList<>(event.invites());
        audit = Map.copyOf(FollowOn.of(metaData));
        deadlines.schedule(timeouts.deadline(), DEADLINE, new SignupDue(userId));
        acceptEvery(commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = USER_ID)
    public void on(UserOrgInvitesAcceptedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    public void on(SignupDue due, CommandGateway commands, DeadlineManager deadlines, WorkflowTimeouts timeouts) {
        deadlinesPassed++;
        switch (AskAgainThenGiveUp.at(deadlinesPassed, WorkflowTimeouts.ATTEMPTS)) {
            case ASK_AGAIN -> {
                LOG.warn("The org invites of new user {} are not accepted by their deadline; asking again", userId);
                deadlines.schedule(timeouts.deadline(), DEADLINE, new SignupDue(userId));
                acceptEvery(commands);
            }
            case GIVE_UP -> {
                List<String> unfinished = invites.stream().map(PendingOrgInvite::orgId).toList();
                LOG.error("The org invites of new user {} gave up; they may remain pending in {}", userId, unfinished);
                commands.send(new CompleteUserOrgInvitesAcceptanceCommand(userId, unfinished), MetaData.from(audit));
                deadlines.schedule(timeouts.deadline(), DEADLINE, new SignupDue(userId));
            }
            case END -> {
                LOG.error("The org invites of new user {} were given up but not recorded; ending", userId);
                SagaLifecycle.end();
            }
        }
    }

    /** The payload of the deadline: whose invites are due. */
    public record SignupDue(String userId) {
    }

    /**
     * Asks every org at once. A refusal means the invite is no longer pending (accepted by an earlier
     * ask, withdrawn, or its org destroyed): nothing is left to do there. The callbacks read only these
     * locals: they may run on another thread, after the saga has been stored.
     */
    private void acceptEvery(CommandGateway commands) {
        String user = userId;
        List<PendingOrgInvite> asked = List.copyOf(invites);
        MetaData followOn = MetaData.from(audit);
        List<CompletableFuture<DxError>> answers = new ArrayList<>();
        for (PendingOrgInvite invite : asked) {
            answers.add(commands.send(new AcceptPendingOrgInviteCommand(invite.orgId(), invite.inviteId(), user),
                    followOn).handle((result, failure) -> failure == null ? null : Refusals.of(failure)));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenRun(() -> {
            List<String> unfinished = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                DxError refusal = answers.get(i).getNow(null);
                if (refusal != null && Refusals.byTheService(refusal)) {
                    unfinished.add(asked.get(i).orgId());
                }
            }
            commands.send(new CompleteUserOrgInvitesAcceptanceCommand(user, unfinished), followOn);
        });
    }
}
