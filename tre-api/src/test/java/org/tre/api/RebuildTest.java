package org.tre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;
import org.tre.api.support.Scenario;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** Read models rebuilt from the event store answer exactly as the live ones did. */
class RebuildTest {

    private static final String OPERATOR = "rebuildOperatorToken0123456789";
    private static final String REGION = "aws:us-east-1";

    @TempDir
    Path dataDir;

    @Test
    void aRebuiltDescribeEqualsTheLiveOneForEveryEntityOfARichScenario() throws Exception {
        try (RunningService service = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR)) {
            Dx dx = service.dx();
            Map<String, Object> reads = scenario(dx);
            Map<String, JsonNode> before = settled(dx, reads);

            assertError(dx.post("/system/rebuildProjections", new Scenario(dx, OPERATOR).token("user-alice"), "{}"), 401, "PermissionDenied");
            assertError(dx.post("/system/rebuildProjections", OPERATOR, Dx.obj("processingGroups", List.of("nope"))),
                    422, "InvalidInput");
            JsonNode started = dx.post("/system/rebuildProjections", OPERATOR, "{}").expectOk().body();
            assertThat(started.get("processingGroups")).hasSizeGreaterThanOrEqualTo(6);
            long deadline = System.currentTimeMillis() + 60_000;
            JsonNode status = dx.post("/system/rebuildStatus", OPERATOR, "{}").expectOk().body();
            while (!"idle".equals(status.get("state").asText())) {
                assertThat(System.currentTimeMillis()).isLessThan(deadline);
                Thread.sleep(50);
                status = dx.post("/system/rebuildStatus", OPERATOR, "{}").expectOk().body();
            }
            assertThat(status.get("processed").asLong()).isEqualTo(status.get("total").asLong()).isPositive();

            Map<String, JsonNode> after = read(dx, reads);
            after.forEach((what, answer) -> assertThat(answer).as(what).isEqualTo(before.get(what)));
        }
    }

    @Test
    void theCommandLineSwitchRebuildsBeforeTheFirstRequest() throws Exception {
        Map<String, JsonNode> before;
        Map<String, Object> reads;
        try (RunningService service = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR)) {
            reads = scenario(service.dx());
            before = settled(service.dx(), reads);
            service.bean(org.springframework.jdbc.core.JdbcTemplate.class).update("DELETE FROM tre_view");
            assertError(service.dx().post("/tre-rebuilt/describe", OPERATOR, "{}"), 404, "ResourceNotFound");
        }
        try (RunningService service = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR,
                "rebuild-projections=tre-views")) {
            Map<String, JsonNode> after = read(service.dx(), reads);
            after.forEach((what, answer) -> assertThat(answer).as(what).isEqualTo(before.get(what)));
        }
    }

    /**
     * The reads once the side effects of the scenario (provisioning, grants) have all landed: they run
     * after the commands were answered, so the state to compare with is the one that stops changing.
     */
    private static Map<String, JsonNode> settled(Dx dx, Map<String, Object> reads) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        Map<String, JsonNode> last = read(dx, reads);
        while (true) {
            Thread.sleep(500);
            Map<String, JsonNode> now = read(dx, reads);
            if (now.equals(last)) {
                return now;
            }
            assertThat(System.currentTimeMillis()).as("the scenario's side effects settle").isLessThan(deadline);
            last = now;
        }
    }

    /** Builds users, an org, apps, projects, objects and an active TRE with a project; returns what to read. */
    private static Map<String, Object> scenario(Dx dx) {
        Scenario people = new Scenario(dx, OPERATOR);
        String alice = people.userWithToken("alice");
        String bob = people.userWithToken("bob");
        people.user("carol");
        dx.post("/org/new", alice, Dx.obj("handle", "rich", "name", "Rich")).expectOk();
        dx.post("/org-rich/setLicenses", OPERATOR, Dx.obj("billable", true, "permittedRegions", List.of(REGION),
                "licenses", Dx.obj("treManagement", true))).expectOk();
        dx.post("/org-rich/setMemberAccess", OPERATOR, Dx.obj("user-alice", Dx.obj("treManagement", true)))
                .expectOk();
        dx.post("/org-rich/invite", alice, Dx.obj("invitee", "user-bob", "projectAccess", "VIEW")).expectOk();
        dx.post("/org-rich/invite", alice, Dx.obj("invitee", "dora@example.org")).expectOk();
        dx.post("/app/new", alice, Dx.obj("name", "tool", "version", "1.0.0", "billTo", "org-rich", "published", true,
                "authorizedUsers", List.of("PUBLIC"))).expectOk();
        String data = Scenario.id(dx.post("/project/new", alice, Dx.obj("name", "data", "billTo", "org-rich", "tags",
                List.of("genomics"))));
        String show = Scenario.id(dx.post("/project/new", alice, Dx.obj("name", "show", "billTo", "org-rich")));
        dx.post("/" + data + "/invite", alice, Dx.obj("invitee", "user-carol", "level", "CONTRIBUTE")).expectOk();
        String file = Scenario.id(dx.post("/file/new", alice, Dx.obj("project", data, "name", "f.tsv", "content", "a\tb\n")));
        String record = Scenario.id(dx.post("/record/new", alice, Dx.obj("project", show, "name", "r")));
        dx.post("/project/new", alice, Dx.obj("name", "gone", "billTo", "org-rich")).expectOk();
        String tre = Scenario.id(dx.post("/tre/new", alice, Dx.obj("handle", "rebuilt", "name", "T", "description", "d",
                "summary", "s", "billTo", "org-rich", "region", REGION)));
        ok(dx, alice, tre, "setInventory", Dx.obj("file", Dx.obj("project", data, "id", file), "dataset", Dx.obj(),
                "showcase", Dx.obj("project", show, "id", record), "assays", List.of(), "version", "1.0.0"));
        ok(dx, alice, tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("restricted", true)));
        ok(dx, alice, tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "e", "name", "E", "description", ""));
        ok(dx, alice, tre, "addApplicationReviewers", Dx.obj("reviewStepId", "e", "users", List.of("user-carol")));
        ok(dx, alice, tre, "addAuthorizedUsers", Dx.obj("users", List.of("user-bob", "org-rich")));
        ok(dx, alice, tre, "activate", Dx.obj());
        String approved = Scenario.id(dx.post("/treApplication/new", bob, Dx.obj("tre", tre, "name", "Approved")));
        ok(dx, bob, approved, "update", Dx.obj("fields", List.of("age")));
        ok(dx, bob, approved, "submit", Dx.obj());
        ok(dx, people.token("user-carol"), approved, "approve", Dx.obj("reviewStepId", "e"));
        String treProject = people.requestProject(bob, approved, "analysis");
        String request = Scenario.id(dx.post("/treApplication/new", bob, Dx.obj("tre", tre, "name", "Study",
                "fields", List.of("age"))));
        ok(dx, bob, request, "addCollaborators", Dx.obj("users", List.of("user-alice")));
        ok(dx, bob, request, "createCohortMetadata", Dx.obj("cohort", Dx.obj("age", Dx.obj("min", 40))));
        ok(dx, bob, request, "submit", Dx.obj());
        ok(dx, people.token("user-carol"), request, "reject", Dx.obj("reviewStepId", "e", "comment", "Why?"));
        ok(dx, alice, tre, "deactivate", Dx.obj());
        Map<String, Object> reads = new LinkedHashMap<>();
        for (String user : List.of("user-alice", "user-bob", "user-carol", "user-admin")) {
            reads.put("/" + user + "/describe", Dx.obj());
        }
        reads.put("/org-rich/describe", Dx.obj("fields", Dx.obj("pricingModelsByRegion", true,
                "pendingTransfers", true, "userCreationFeaturesEnabled", true)));
        reads.put("/org-rich/findMembers", Dx.obj("describe", true));
        reads.put("/org-rich/findProjects", Dx.obj("describe", true));
        reads.put("/org-rich/findApps", Dx.obj("describe", true));
        for (String project : List.of(data, show, treProject)) {
            reads.put("/" + project + "/describe", Dx.obj());
        }
        reads.put("/" + file + "/describe", Dx.obj());
        reads.put("/" + record + "/describe", Dx.obj());
        reads.put("/" + tre + "/describe", Dx.obj());
        reads.put("/system/findTres", Dx.obj("describe", true));
        reads.put("/" + request + "/describe", Dx.obj());
        reads.put("/" + request + "/describeCohortMetadata", Dx.obj());
        reads.put("/system/findTreApplications", Dx.obj("describe", true));
        return reads;
    }

    /** As the operator, who sees every field, except the org's find routes, which are its ADMINs'. */
    private static Map<String, JsonNode> read(Dx dx, Map<String, Object> reads) {
        String alice = new Scenario(dx, OPERATOR).token("user-alice");
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        reads.forEach((route, input) -> answers.put(route, dx.post(route,
                route.startsWith("/org-rich/find") ? alice : OPERATOR, input).expectOk().body()));
        return answers;
    }

    private static void ok(Dx dx, String token, String tre, String verb, Object input) {
        dx.post("/" + tre + "/" + verb, token, input).expectOk();
    }
}
