package org.tre.tre.policy;

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
import org.tre.messages.project.ProjectCommands.EnforceTreProjectFlagsCommand;
import org.tre.messages.project.ProjectQueries.FindTreProjectsQuery;
import org.tre.messages.tre.TreCommands.AbandonPolicySyncCommand;
import org.tre.messages.tre.TreCommands.RecordPolicySyncProgressCommand;
import org.tre.messages.tre.TreEvents.TrePolicySyncAbandonedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncFinishedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncProgressedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncStartedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncSupersededEvent;
import org.tre.messages.workflow.AskAgainThenGiveUp;
import org.tre.messages.workflow.FollowOn;
import org.tre.tre.provisioning.SideEffectRetry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Carries a policy change to every existing project of the TRE (DECISIONS.md §7), one batch at a
 * time: a batch's projects are set, then its progress is recorded on the TRE, and the recorded
 * progress starts the next batch. Nothing here waits on a handler thread: the projects are asked and
 * the progress sent as their answers come. Setting a flag is idempotent, so a batch redone after a
 * crash or a lost answer changes no project twice.
 *
 * <p>Each batch is due by a deadline; a batch that has not recorded its progress by then is sent
 * again, after a delay that doubles each time. When the retries are spent the synchronization is
 * given up: the TRE records the failure, where its admins see it, and accepts projects again. A
 * last deadline ends the saga even if the TRE never heard.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PolicySyncSaga {

    static final String SYNC_ID = "syncId";
    static final String BATCH_DUE = "policy-sync-batch-due";
    private static final Logger LOG = LoggerFactory.getLogger(PolicySyncSaga.class);

    private String treId;
    private String syncId;
    private Map<String, Boolean> policies;
    private long total;
    private long done;
    /** The last project of the last batch recorded; null before the first. */
    private String cursor;
    /** The deadlines the batch under way has passed: how often it was sent again. */
    private int retries;
    private String batchDue;
    /** Who asked and in which request, for the commands sent as the projects answer. */
    private Map<String, Object> audit = Map.of();

    @StartSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    public void on(TrePolicySyncStartedEvent event, MetaData metaData, CommandGateway commands,
                   QueryGateway queries, DeadlineManager deadlines, PolicySyncBatch batch, SideEffectRetry retry) {
        treId = event.treId();
        syncId = event.syncId();
        policies = event.policies();
        total = event.projects();
        audit = Map.copyOf(FollowOn.of(metaData));
        nextBatch(commands, queries, deadlines, batch, retry);
    }

    @SagaEventHandler(associationProperty = SYNC_ID)
    public void on(TrePolicySyncProgressedEvent event, CommandGateway commands, QueryGateway queries,
                   DeadlineManager deadlines, PolicySyncBatch batch, SideEffectRetry retry) {
        cursor = event.cursor();
        done = Math.max(done, total - event.pending());
        retries = 0;
        deadlines.cancelSchedule(BATCH_DUE, batchDue);
        nextBatch(commands, queries, deadlines, batch, retry);
    }

    /** Every project carries the policies; the TRE accepts new projects again. */
    @EndSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    public void on(TrePolicySyncFinishedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(BATCH_DUE);
    }

    /** The newer change's own saga sets every project again. */
    @EndSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    public void on(TrePolicySyncSupersededEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(BATCH_DUE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    public void on(TrePolicySyncAbandonedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(BATCH_DUE);
    }

    /**
     * The batch under way has not recorded its progress: send it again while attempts remain, then give
     * the synchronization up, and end the saga at the next deadline whatever the TRE answered.
     */
    @DeadlineHandler(deadlineName = BATCH_DUE)
    public void on(BatchDue due, CommandGateway commands, QueryGateway queries, DeadlineManager deadlines,
                   PolicySyncBatch batch, SideEffectRetry retry) {
        retries++;
        switch (AskAgainThenGiveUp.at(retries, retry.attempts())) {
            case ASK_AGAIN -> {
                LOG.warn("Policy synchronization {} of {}: batch after {} not done, sending it again", syncId,
                        treId, cursor);
                nextBatch(commands, queries, deadlines, batch, retry);
            }
            case GIVE_UP -> {
                String reason = "Stopped after " + done + " of " + total + " projects: a batch did not finish"
                        + " after " + retries + " attempts";
                LOG.error("Policy synchronization {} of {}: {}", syncId, treId, reason);
                commands.send(new AbandonPolicySyncCommand(treId, syncId, reason), MetaData.from(audit));
                batchDue = deadlines.schedule(retry.delayBefore(0), BATCH_DUE, new BatchDue(syncId, cursor));
            }
            case END -> {
                LOG.error("Policy synchronization {} of {} was given up but not recorded; ending it", syncId, treId);
                SagaLifecycle.end();
            }
        }
    }

    /** The payload of a batch's deadline: which synchronization, and where its batch starts. */
    public record BatchDue(String syncId, String after) {
    }

    /**
     * Reads the next batch of the TRE's projects, sets them, then records the progress. The callbacks
     * read only these locals: they may run on another thread, after the saga has been stored.
     */
    private void nextBatch(CommandGateway commands, QueryGateway queries, DeadlineManager deadlines,
                           PolicySyncBatch batch, SideEffectRetry retry) {
        Duration due = retry.delayBefore(retries);
        batchDue = deadlines.schedule(due, BATCH_DUE, new BatchDue(syncId, cursor));
        String tre = treId;
        String sync = syncId;
        String after = cursor;
        long doneBefore = done;
        int size = batch.size();
        Map<String, Boolean> wanted = policies;
        MetaData followOn = MetaData.from(audit);
        queries.query(new FindTreProjectsQuery(tre, after, size), ResponseTypes.multipleInstancesOf(String.class))
                .thenCompose(projects -> enforce(commands, projects, wanted, followOn).thenApply(ignored -> projects))
                .thenCompose(projects -> commands.send(new RecordPolicySyncProgressCommand(tre, sync,
                        projects.isEmpty() ? after : projects.get(projects.size() - 1), doneBefore + projects.size(),
                        projects.size() < size), followOn))
                .exceptionally(failure -> {
                    // The batch's deadline sends it again.
                    LOG.warn("Policy synchronization {} of {}: batch after {} failed: {}", sync, tre, after,
                            failure.toString());
                    return null;
                });
    }

    private static CompletableFuture<Void> enforce(CommandGateway commands, List<String> projects,
                                                   Map<String, Boolean> policies, MetaData followOn) {
        return CompletableFuture.allOf(projects.stream()
                .map(projectId -> commands.send(new EnforceTreProjectFlagsCommand(projectId, policies), followOn))
                .toArray(CompletableFuture[]::new));
    }
}
