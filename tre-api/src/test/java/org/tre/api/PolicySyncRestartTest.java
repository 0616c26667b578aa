package org.tre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;

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
    private static final String REGION = "aws:us-east-1";
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
            admin = token(dx, user(dx, "alice"));
            member = token(dx, user(dx, "bob"));
            dx.post("/org/new", admin, Dx.obj("handle", "hosting", "name", "Hosting")).expectOk();
            dx.post("/org-hosting/setLicenses", OPERATOR, Dx.obj("billable", true, "permittedRegions", List.of(REGION),
                    "licenses", Dx.obj("treManagement", true))).expectOk();
            dx.post("/org-hosting/setMemberAccess", OPERATOR, Dx.obj("user-alice", Dx.obj("treManagement", true)))
                    .expectOk();
            String data = id(dx.post("/project/new", admin, Dx.obj("name", "data", "billTo", "org-hosting")));
            String show = id(dx.post("/project/new", admin, Dx.obj("name", "show", "billTo", "org-hosting")));
            String file = id(dx.post("/file/new", admin, Dx.obj("project", data, "name", "f", "content", "x")));
            String record = id(dx.post("/record/new", admin, Dx.obj("project", show, "name", "r")));
            tre = id(dx.post("/tre/new", admin, Dx.obj("handle", "resilient", "name", "R", "description", "d",
                    "summary", "s", "billTo", "org-hosting", "region", REGION)));
            ok(dx, admin, tre, "setInventory", Dx.obj("file", Dx.obj("project", data, "id", file), "dataset", Dx.obj(),
                    "showcase", Dx.obj("project", show, "id", record), "assays", List.of(), "version", "1.0.0"));
            ok(dx, admin, tre, "setPolicies", Dx.obj());
            ok(dx, admin, tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "s", "name", "S", "description", ""));
            ok(dx, admin, tre, "addApplicationReviewers", Dx.obj("reviewStepId", "s", "users", List.of("user-alice")));
            ok(dx, admin, tre, "addAuthorizedUsers", Dx.obj("users", List.of("user-bob")));
            ok(dx, admin, tre, "activate", Dx.obj());
            for (int i = 0; i < PROJECTS; i++) {
                projects.add(id(dx.post("/project/new", member, Dx.obj("name", "p" + i, "tre", tre))));
            }

            ok(dx, admin, tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("downloadRestricted", true)));
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

    private static String user(Dx dx, String name) {
        return id(dx.post("/user/new", OPERATOR, Dx.obj("username", name, "email", name + "@example.org")));
    }

    private static String token(Dx dx, String userId) {
        return dx.post("/system/newAuthToken", OPERATOR, Dx.obj("user", userId)).expectOk().body()
                .get("access_token").asText();
    }

    private static void ok(Dx dx, String token, String tre, String verb, Object input) {
        dx.post("/" + tre + "/" + verb, token, input).expectOk();
    }

    private static String id(Dx.Response response) {
        return response.expectOk().body().get("id").asText();
    }
}
