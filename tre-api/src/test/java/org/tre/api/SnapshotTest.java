package org.tre.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;
import org.tre.api.support.Scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Growing aggregates are snapshotted, and load from their snapshot correctly after a restart. */
class SnapshotTest {

    private static final String OPERATOR = "snapshotOperatorToken0123456789";

    @TempDir
    Path dataDir;

    @Test
    void aTreWithManyEventsIsSnapshottedAndStillObeysItsRulesAfterARestart() {
        String admin;
        try (RunningService service = start()) {
            Dx dx = service.dx();
            Scenario scenario = new Scenario(dx, OPERATOR);
            admin = scenario.userWithToken("alice");
            String org = scenario.treOrg(admin, "user-alice", "snaps");
            dx.post("/tre/new", admin, Dx.obj("handle", "snapshotted", "name", "S", "description", "d", "summary", "s",
                    "billTo", org, "region", Scenario.REGION)).expectOk();
            for (int i = 0; i < 12; i++) {
                dx.post("/tre-snapshotted/update", admin, Dx.obj("name", "Name " + i)).expectOk();
            }
            dx.post("/tre-snapshotted/addApplicationReviewStep", admin, Dx.obj("reviewStepId", "ethics",
                    "name", "Ethics", "description", "")).expectOk();
            // Snapshots are written on their own thread after the command's commit.
            JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM snapshotevententry WHERE aggregateidentifier = 'tre-snapshotted'",
                    Integer.class)).isPositive());
        }
        try (RunningService service = start()) {
            Dx dx = service.dx();
            // Rules that depend on state held before the snapshot still hold after loading from it.
            assertThat(dx.post("/tre-snapshotted/addApplicationReviewStep", admin, Dx.obj("reviewStepId", "ethics",
                    "name", "Again", "description", "")).errorType()).isEqualTo("InvalidInput");
            assertThat(dx.post("/tre-snapshotted/removeTreAdmins", admin, Dx.obj("users", List.of("user-alice")))
                    .errorType()).isEqualTo("InvalidInput");
            dx.post("/tre-snapshotted/update", admin, Dx.obj("name", "After restart")).expectOk();
            assertThat(dx.post("/tre-snapshotted/describe", admin, "{}").expectOk().body().get("name").asText())
                    .isEqualTo("After restart");
            assertThat(dx.post("/org-snaps/describe", admin, "{}").expectOk().body().get("level").asText())
                    .isEqualTo("ADMIN");
        }
    }

    private RunningService start() {
        return RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR, "tre.snapshot-every=5");
    }
}
