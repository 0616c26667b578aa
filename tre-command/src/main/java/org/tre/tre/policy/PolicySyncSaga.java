package org.tre.tre.policy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.tre.messages.project.ProjectCommands.EnforceTreProjectFlagsCommand;
import org.tre.messages.project.ProjectQueries.FindTreProjectsQuery;
import org.tre.messages.tre.TreCommands.RecordPolicySyncProgressCommand;
import org.tre.messages.tre.TreEvents.TrePolicySyncFinishedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncProgressedEvent;
import org.tre.messages.tre.TreEvents.TrePolicySyncStartedEvent;

import java.util.List;
import java.util.Map;

/**
 * Carries a policy change to every existing project of the TRE (DECISIONS.md §7), one batch per
 * event: each batch and the progress it records commit together, so a crash loses at most the batch
 * under way, which is redone after the restart. Setting a flag is idempotent, so a redone batch
 * changes no project twice, and no transaction ever spans all of a large TRE's projects.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PolicySyncSaga {

    private String treId;
    private Map<String, Boolean> policies;
    private long done;

    @StartSaga
    @SagaEventHandler(associationProperty = "syncId")
    public void on(TrePolicySyncStartedEvent event, CommandGateway commands, QueryGateway queries,
                   PolicySyncBatch batch) {
        treId = event.treId();
        policies = event.policies();
        next(event.syncId(), null, commands, queries, batch);
    }

    @SagaEventHandler(associationProperty = "syncId")
    public void on(TrePolicySyncProgressedEvent event, CommandGateway commands, QueryGateway queries,
                   PolicySyncBatch batch) {
        next(event.syncId(), event.cursor(), commands, queries, batch);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "syncId")
    public void on(TrePolicySyncFinishedEvent event) {
        // Every project carries the policies; the TRE accepts new projects again.
    }

    private void next(String syncId, String after, CommandGateway commands, QueryGateway queries,
                      PolicySyncBatch batch) {
        List<String> projects = queries.query(new FindTreProjectsQuery(treId, after, batch.size()),
                ResponseTypes.multipleInstancesOf(String.class)).join();
        for (String projectId : projects) {
            commands.sendAndWait(new EnforceTreProjectFlagsCommand(projectId, policies));
        }
        done += projects.size();
        boolean finished = projects.size() < batch.size();
        String cursor = projects.isEmpty() ? after : projects.get(projects.size() - 1);
        Boolean current = commands.sendAndWait(new RecordPolicySyncProgressCommand(treId, syncId, cursor, done,
                finished));
        if (!Boolean.TRUE.equals(current)) {
            // A newer policy change superseded this synchronization; its own saga takes over.
            SagaLifecycle.end();
        }
    }
}
