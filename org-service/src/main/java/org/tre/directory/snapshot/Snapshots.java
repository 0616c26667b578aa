package org.tre.directory.snapshot;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregates that grow with their history (TREs, orgs, projects) are snapshotted every so many
 * events, so loading one for a command reads a snapshot and a short tail, not its whole past. The
 * audit routes still read every event from sequence 0.
 */
@Configuration
public class Snapshots {

    public static final String TRIGGER = "growingAggregateSnapshots";

    @Bean(TRIGGER)
    public SnapshotTriggerDefinition growingAggregateSnapshots(Snapshotter snapshotter,
                                                               @Value("${tre.snapshot-every:100}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }
}
