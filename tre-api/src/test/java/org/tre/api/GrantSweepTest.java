package org.tre.api;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tre.api.config.GrantSweep;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;
import org.tre.api.support.Scenario;
import org.tre.directory.audit.AuditContext;
import org.tre.messages.project.ProjectCommands.RevokeProjectAccessCommand;
import org.tre.messages.project.ProjectEvents.ProjectAccessGrantedEvent;
import org.tre.messages.project.ProjectEvents.ProjectAccessRevokedEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A TRE grant lost outside the TRE's own changes comes back with the next sweep. */
class GrantSweepTest {

    private static final String OPERATOR = "sweepOperatorToken0123456789";

    @TempDir
    Path dataDir;

    @Test
    void theSweepRestoresAGrantTheTreShouldHaveGiven() throws Exception {
        try (RunningService service = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR,
                "tre.side-effects.grant-sweep-every=PT1S")) {
            Dx dx = service.dx();
            Scenario scenario = new Scenario(dx, OPERATOR);
            String alice = scenario.userWithToken("alice");
            String bob = scenario.userWithToken("bob");
            String org = scenario.treOrg(alice, "user-alice", "sweep");
            Scenario.TreSetup tre = scenario.activeTre(alice, org, "swept", "user-alice", List.of("user-bob"));
            String show = tre.showcaseProject();
            awaitStatus(dx, show, bob, 200);
            awaitTheTresOwnReconciliationsDone(service);

            AuditContext.runAs("user-admin", "test-lost-grant", () -> service.bean(CommandGateway.class)
                    .sendAndWait(new RevokeProjectAccessCommand(show, "user-bob", tre.id())));
            awaitStatus(dx, show, bob, 200);

            // The sweep runs every second, so the lost grant is read from the project's history: asking
            // Bob's access in between would race the sweep that may already have restored it.
            List<? extends DomainEventMessage<?>> history = service.bean(EventStore.class).readEvents(show)
                    .asStream().toList();
            DomainEventMessage<?> lost = history.get(history.size() - 2);
            DomainEventMessage<?> restored = history.get(history.size() - 1);
            assertThat(lost.getPayload()).isInstanceOf(ProjectAccessRevokedEvent.class);
            assertThat(lost.getMetaData()).containsEntry(AuditContext.REQUEST_ID, "test-lost-grant");
            assertThat(restored.getPayload()).isInstanceOfSatisfying(ProjectAccessGrantedEvent.class,
                    granted -> assertThat(granted.principal()).isEqualTo("user-bob"));
            assertThat(restored.getMetaData()).containsEntry(AuditContext.REQUEST_ID, "grant-sweep");
        }
    }

    /**
     * The reconciler has passed every event of the TRE and no attempt of it waits for a retry: a grant
     * restored from now on is the sweep's, not a late reconciliation of the TRE's own changes.
     */
    private static void awaitTheTresOwnReconciliationsDone(RunningService service) {
        MeterRegistry meters = service.bean(MeterRegistry.class);
        JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
        await("the reconciler is done").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(meters.get("tre.processor.lag").tag("processingGroup", "tre-access-grants").gauge()
                            .value()).isZero();
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?",
                            Integer.class, GrantSweep.NEXT_ATTEMPT)).isZero();
                });
    }

    private static void awaitStatus(Dx dx, String project, String token, int status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (dx.post("/" + project + "/describe", token, "{}").status() != status) {
            assertThat(System.currentTimeMillis()).as("describe answers " + status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
