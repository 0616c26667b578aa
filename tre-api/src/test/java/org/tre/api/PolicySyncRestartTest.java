package org.tre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;
import org.tre.api.support.Scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy change is synchronized to every TRE project even when the service stops in the middle
 * and starts again: afterwards every project carries the policy, and none was changed twice.
 */
class PolicySyncRestartTest {

    private static final String OPERATOR = "restartOperatorToken0123456789";
    private static final int PROJECTS = 120;

    @TempDir
    Path dataDir;

    @Test
    void aSynchronizationStoppedHalfwayResumesAfterARestartAndFinishes() throws Exception {
        String tre;
        String admin;
        String member;
        List<String> projects = new ArrayList<>();
        try (RunningService first = start()) {
            Dx dx = first.dx();
            Scenario scenario = new Scenario(dx, OPERATOR);
            admin = scenario.userWithToken("alice");
            member = scenario.userWithToken("bob");
            String org = scenario.treOrg(admin, "user-alice", "hosting");
            tre = scenario.activeTre(admin, org, "resilient", "user-alice", List.of("user-bob")).id();
            String request = scenario.approvedRequest(member, admin, tre);
            for (int i = 0; i < PROJECTS; i++) {
                projects.add(scenario.requestProject(member, request, "p" + i));
            }

            scenario.ok(admin, tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("downloadRestricted", true)));
            JsonNode sync = policySync(dx, admin, tre);
            assertThat(sync.get("state").asText()).isEqualTo("syncing");
            assertThat(sync.get("pending").asLong()).isPositive();
        }

        try (RunningService second = start()) {
            Dx dx = second.dx();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!"idle".equals(policySync(dx, admin, tre).get("state").asText())) {
                assertThat(System.currentTimeMillis()).as("synchronization still running").isLessThan(deadline);
                Thread.sleep(100);
            }
            JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
            for (String project : projects) {
                JsonNode described = dx.post("/" + project + "/describe", member, "{}").expectOk().body();
                assertThat(described.get("downloadRestricted").asBoolean()).as(project).isTrue();
                Integer enforced = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE"
                        + " aggregateidentifier = ? AND payloadtype LIKE '%ProjectTreFlagsEnforcedEvent'",
                        Integer.class, project);
                assertThat(enforced).as("policy changes applied to " + project).isEqualTo(1);
            }
        }
    }

    private RunningService start() {
        return RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR,
                "tre.policy-sync.batch-size=3", "tre.rate-limit.per-second=100000", "tre.rate-limit.burst=100000");
    }

    private static JsonNode policySync(Dx dx, String admin, String tre) {
        return dx.post("/" + tre + "/describe", admin, Dx.obj("fields", Dx.obj("policySync", true))).expectOk().body()
                .get("policySync");
    }
}
