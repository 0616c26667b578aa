package org.tre.api.rebuild;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tre.api.config.StorePositions;
import org.tre.directory.app.AppProjection;
import org.tre.directory.app.HttpsAppAllowlistProjection;
import org.tre.directory.dataobject.DataObjectDirectory;
import org.tre.directory.execution.AppletDirectory;
import org.tre.directory.execution.JobDirectory;
import org.tre.directory.org.OrgProjection;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.user.UserDirectory;
import org.tre.messages.error.DxException;
import org.tre.query.request.RequestProjection;
import org.tre.query.dispensal.DispensalJobs;
import org.tre.query.tre.TreHandles;
import org.tre.query.tre.TreProjection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds read models from the event store (DECISIONS.md §13): the chosen projections' tables are
 * emptied and every event is replayed through the same handlers that built them. Only projections
 * are replayed; side effects (grants, provisioning, synchronization, project creation) never run
 * again. What no event holds is never reset: token hashes and file contents.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private record Projection(Object handlers, List<String> reset) {
    }

    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final int batchSize;
    private volatile boolean running;

    public ProjectionRebuilds(EventStore events, JdbcTemplate jdbc, TransactionTemplate transaction,
                              UserDirectory users, OrgProjection orgs, AppProjection apps, ProjectDirectory projects,
                              DataObjectDirectory objects, TreProjection tres, TreHandles handles,
                              RequestProjection requests, DispensalJobs dispensalJobs, AppletDirectory applets,
                              JobDirectory jobs, HttpsAppAllowlistProjection httpsApps,
                              @Value("${tre.rebuild.batch-size:500}") int batchSize) {
        this.batchSize = batchSize;
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = transaction;
        projections.put(UserDirectory.PROCESSING_GROUP, new Projection(users, List.of(
                "DELETE FROM directory_user", "DELETE FROM directory_handle WHERE owner_id LIKE 'user-%'")));
        projections.put(OrgProjection.PROCESSING_GROUP, new Projection(orgs, List.of(
                "DELETE FROM org_pending_invite", "DELETE FROM org_member", "DELETE FROM directory_org",
                "DELETE FROM directory_handle WHERE owner_id LIKE 'org-%'")));
        projections.put(AppProjection.PROCESSING_GROUP, new Projection(apps, List.of("DELETE FROM directory_app")));
        projections.put(ProjectDirectory.PROCESSING_GROUP, new Projection(projects, List.of(
                "DELETE FROM directory_project_grant", "DELETE FROM directory_project")));
        projections.put(DataObjectDirectory.PROCESSING_GROUP, new Projection(objects, List.of(
                "DELETE FROM directory_data_object_project", "DELETE FROM directory_data_object")));
        projections.put(TreProjection.PROCESSING_GROUP, new Projection(tres, List.of(
                "DELETE FROM tre_principal", "DELETE FROM tre_view")));
        projections.put(TreHandles.PROCESSING_GROUP, new Projection(handles, List.of("DELETE FROM tre_handle")));
        projections.put(RequestProjection.PROCESSING_GROUP, new Projection(requests, List.of(
                "DELETE FROM tre_request_member", "DELETE FROM tre_request_view")));
        projections.put(DispensalJobs.PROCESSING_GROUP, new Projection(dispensalJobs, List.of(
                "DELETE FROM tre_dispensal_job")));
        projections.put(AppletDirectory.PROCESSING_GROUP, new Projection(applets, List.of(
                "DELETE FROM directory_applet")));
        projections.put(JobDirectory.PROCESSING_GROUP, new Projection(jobs, List.of("DELETE FROM directory_job")));
        projections.put(HttpsAppAllowlistProjection.PROCESSING_GROUP, new Projection(httpsApps, List.of(
                "DELETE FROM directory_https_app")));
    }

    public record Status(String state, long processed, long total) {
    }

    public List<String> groups() {
        return List.copyOf(projections.keySet());
    }

    public boolean running() {
        return running;
    }

    public Status status() {
        return new Status(running ? "running" : "idle", processed.get(), total.get());
    }

    /** The groups whose rebuild was started and never finished: a crash or a failure cut it short. */
    public List<String> unfinished() {
        return jdbc.queryForList("SELECT processing_group FROM projection_rebuild ORDER BY processing_group",
                String.class).stream().filter(projections::containsKey).toList();
    }

    /** Checks the names, then rebuilds on a thread of its own; the caller gets the groups at once. */
    public synchronized List<String> start(List<String> groups) {
        List<String> chosen = validate(groups);
        if (running) {
            throw DxException.invalidState("A rebuild is already running");
        }
        running = true;
        Thread worker = new Thread(() -> rebuild(chosen), "projection-rebuild");
        worker.setDaemon(true);
        worker.start();
        return chosen;
    }

    /** The command-line switch: rebuilds before the service takes requests. */
    public synchronized void runNow(List<String> groups) {
        List<String> chosen = validate(groups);
        running = true;
        rebuild(chosen);
    }

    private List<String> validate(List<String> groups) {
        if (groups == null || groups.isEmpty()) {
            return groups();
        }
        for (String group : groups) {
            if (!projections.containsKey(group)) {
                throw DxException.invalidInput("Unknown processing group '" + group + "'; rebuildable: "
                        + String.join(", ", projections.keySet()));
            }
        }
        return List.copyOf(groups);
    }

    private void rebuild(List<String> groups) {
        try {
            processed.set(0);
            OptionalLong head = StorePositions.head(events);
            Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Integer.class);
            // Under Axon Server the table is empty and the store's head (counted from 0) tells the total.
            total.set(count != null && count > 0 ? count : head.isPresent() ? head.getAsLong() + 1 : 0);
            LOG.info("Rebuilding {} from {} events", groups, total.get());
            List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
            groups.forEach(group -> handlers.add(new AnnotationEventHandlerAdapter(projections.get(group).handlers())));
            transaction.executeWithoutResult(tx -> groups.forEach(group -> {
                projections.get(group).reset().forEach(jdbc::update);
                jdbc.update("DELETE FROM projection_rebuild WHERE processing_group = ?", group);
                jdbc.update("INSERT INTO projection_rebuild (processing_group, started) VALUES (?, ?)", group,
                        System.currentTimeMillis());
            }));
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                boolean more = head.isPresent() && stream.hasNextAvailable();
                while (more) {
                    List<TrackedEventMessage<?>> batch = new ArrayList<>();
                    while (batch.size() < batchSize && stream.hasNextAvailable()) {
                        TrackedEventMessage<?> event = stream.nextAvailable();
                        if (event.trackingToken().position().orElse(0) > head.getAsLong()) {
                            break;
                        }
                        batch.add(event);
                    }
                    transaction.executeWithoutResult(tx -> batch.forEach(event -> replay(handlers, event)));
                    processed.addAndGet(batch.size());
                    LOG.info("Rebuild of {}: {} of {} events", groups, processed.get(), total.get());
                    more = batch.size() == batchSize && stream.hasNextAvailable();
                }
            }
            transaction.executeWithoutResult(tx -> groups.forEach(group ->
                    jdbc.update("DELETE FROM projection_rebuild WHERE processing_group = ?", group)));
            LOG.info("Rebuild of {} finished: {} events", groups, processed.get());
        } catch (Exception e) {
            LOG.error("Rebuild of {} failed after {} events", groups, processed.get(), e);
        } finally {
            running = false;
        }
    }

    private static void replay(List<AnnotationEventHandlerAdapter> handlers, TrackedEventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(event)) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("Replaying event " + event.getIdentifier() + " failed", e);
                }
            }
        }
    }
}
