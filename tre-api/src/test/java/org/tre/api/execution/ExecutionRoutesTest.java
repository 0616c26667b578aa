package org.tre.api.execution;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.TrePlatformTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * Applets and jobs over HTTP (DECISIONS.md §16): a run in an ordinary project answers a job that
 * stays runnable until terminated; in a TRE project each execution restriction of tre-api.md refuses
 * the run naming itself, and the TRE's history keeps the attempt.
 */
class ExecutionRoutesTest extends TrePlatformTest {

    private String tre;

    @Test
    void aRunInAnOrdinaryProjectAnswersAJobThatStaysRunnableUntilTerminated() {
        String project = create("/project/new", Dx.obj("name", "analysis", "billTo", org, "region", REGION));
        String applet = applet(admin, project, Dx.obj());
        JsonNode described = dx().post("/" + applet + "/describe", admin, "{}").expectOk().body();
        assertThat(described.get("class").asText()).isEqualTo("applet");
        assertThat(described.get("project").asText()).isEqualTo(project);
        assertThat(described.get("state").asText()).isEqualTo("closed");
        assertThat(described.get("inputSpec").get(0).get("name").asText()).isEqualTo("n");
        assertThat(described.get("runSpec").get("interpreter").asText()).isEqualTo("bash");
        assertThat(dx().post("/" + applet + "/describe", admin, Dx.obj("fields", Dx.obj("name", true))).expectOk()
                .body().fieldNames()).toIterable().containsExactly("id", "name");
        assertError(dx().post("/" + applet + "/describe", outsider, "{}"), 401, "PermissionDenied");

        String job = dx().post("/" + applet + "/run", admin, Dx.obj("project", project, "input", Dx.obj("n", 3),
                "singleContext", false, "name", "first")).expectOk().body().get("id").asText();
        assertThat(job).matches("job-[0-9A-Za-z]{24}");
        JsonNode described1 = dx().post("/" + job + "/describe", admin, "{}").expectOk().body();
        assertThat(described1.get("state").asText()).isEqualTo("runnable");
        assertThat(described1.get("singleContext").asBoolean()).isTrue();
        assertThat(described1.get("applet").asText()).isEqualTo(applet);
        assertThat(described1.get("launchedBy").asText()).isEqualTo(whoami(admin));
        assertThat(described1.get("input").get("n").asInt()).isEqualTo(3);
        assertThat(described1.get("name").asText()).isEqualTo("first");
        assertThat(described1.get("parentJob").isNull()).isTrue();
        assertThat(described1.has("allowSSH")).isFalse();
        assertThat(described1.has("workspace")).isFalse();
        assertError(dx().post("/" + job + "/describe", outsider, "{}"), 401, "PermissionDenied");

        JsonNode found = dx().post("/system/findExecutions", admin, Dx.obj("project", project, "describe", true))
                .expectOk().body().get("results");
        assertThat(found).extracting(r -> r.get("id").asText()).containsExactly(job);
        assertThat(found.get(0).get("describe").get("state").asText()).isEqualTo("runnable");
        assertThat(dx().post("/system/findExecutions", outsider, Dx.obj("project", project)).expectOk().body()
                .get("results")).isEmpty();

        assertError(dx().post("/" + job + "/terminate", outsider, "{}"), 401, "PermissionDenied");
        dx().post("/" + job + "/terminate", admin, "{}").expectOk();
        dx().post("/" + job + "/terminate", admin, "{}").expectOk();
        assertThat(dx().post("/" + job + "/describe", admin, "{}").expectOk().body().get("state").asText())
                .isEqualTo("terminated");
        assertError(dx().post("/" + job + "/update", admin, Dx.obj("allowSSH", List.of("1.2.3.4"))), 422,
                "InvalidState");
        assertThat(dx().post("/system/findExecutions", admin, Dx.obj("project", project, "state", "runnable"))
                .expectOk().body().get("results")).isEmpty();
    }

    @Test
    void theSameNonceAnswersTheSameJobAndAnotherInputAnotherOne() {
        String project = create("/project/new", Dx.obj("name", "analysis", "billTo", org, "region", REGION));
        String applet = applet(admin, project, Dx.obj());
        Object run = Dx.obj("project", project, "input", Dx.obj("n", 1), "nonce", "n-1");
        String first = dx().post("/" + applet + "/run", admin, run).expectOk().body().get("id").asText();
        assertThat(dx().post("/" + applet + "/run", admin, run).expectOk().body().get("id").asText()).isEqualTo(first);
        // The answer's record lost (as in a crash before it was kept): the job's id still names the first job.
        jdbc.update("DELETE FROM api_nonce");
        assertThat(dx().post("/" + applet + "/run", admin, run).expectOk().body().get("id").asText()).isEqualTo(first);
        assertThat(dx().post("/system/findExecutions", admin, Dx.obj("project", project)).expectOk().body()
                .get("results")).hasSize(1);
    }

    @Test
    void aRunIsRefusedInTheOrderOfSectionOne() {
        String project = create("/project/new", Dx.obj("name", "analysis", "billTo", org, "region", REGION));
        String applet = applet(admin, project, Dx.obj());
        assertError(dx().post("/" + applet + "/run", admin, Dx.obj("input", Dx.obj("n", 1))), 422, "InvalidInput");
        assertError(dx().post("/" + applet + "/run", admin, Dx.obj("project", project, "input", "n")), 422,
                "InvalidInput");
        assertError(dx().post("/applet-BBBBBBBBBBBBBBBBBBBBBBBB/run", admin, Dx.obj("project", project, "input",
                Dx.obj())), 404, "ResourceNotFound");
        assertError(dx().post("/" + applet + "/run", outsider, Dx.obj("project", project, "input", Dx.obj("n", 1))),
                401, "PermissionDenied");
        assertError(dx().post("/" + applet + "/run", admin, Dx.obj("project", project, "input", Dx.obj())), 422,
                "InvalidInput");
        assertError(dx().post("/" + applet + "/run", admin, Dx.obj("project", project, "input", Dx.obj("n", "x"))),
                422, "InvalidInput");
        assertError(dx().post("/" + applet + "/run", admin, Dx.obj("project", project, "input", Dx.obj("n", 1,
                "other", 2))), 422, "InvalidInput");
        dx().post("/" + project + "/invite", admin, Dx.obj("invitee", whoami(outsider), "level", "UPLOAD")).expectOk();
        assertError(dx().post("/" + applet + "/run", outsider, Dx.obj("project", project, "input", Dx.obj("n", 1))),
                401, "PermissionDenied");
        assertError(dx().post("/applet/new", admin, Dx.obj("project", project, "dxapi", "1.0.0", "runSpec",
                Dx.obj(), "inputSpec", List.of(Dx.obj("class", "int")))), 422, "InvalidInput");
        assertError(dx().post("/applet/new", admin, Dx.obj("project", project, "dxapi", "1.0.0", "runSpec",
                Dx.obj(), "access", Dx.obj("allProjects", "EVERYTHING"))), 422, "InvalidInput");
        assertError(dx().post("/applet/new", outsider, Dx.obj("project", dataProject, "dxapi", "1.0.0", "runSpec",
                Dx.obj())), 401, "PermissionDenied");
        assertThat(dx().post("/system/findExecutions", admin, Dx.obj("project", project)).expectOk().body()
                .get("results")).isEmpty();
    }

    @Test
    void inATreProjectEachExecutionRestrictionRefusesTheRunNamingItAndTheTreRecordsTheAttempt() {
        String request = approvedRequest(tre = anActiveTre(), authorized, reviewer, "ethics");
        String project = requestProject(authorized, request, "analysis");
        Map<String, Object> refusals = Map.of(
                "allowSSH", List.of(Dx.obj(), Dx.obj("allowSSH", List.of("10.0.0.1"))),
                "httpsApp", List.of(Dx.obj("httpsApp", Dx.obj("ports", List.of(443), "shared_access", "VIEW")),
                        Dx.obj()),
                "allProjects", List.of(Dx.obj("access", Dx.obj("allProjects", "UPLOAD")), Dx.obj()),
                "projectCreation", List.of(Dx.obj("access", Dx.obj("projectCreation", true)), Dx.obj()));
        for (var refusal : refusals.entrySet()) {
            List<?> parts = (List<?>) refusal.getValue();
            String applet = applet(authorized, project, parts.get(0));
            Map<String, Object> run = new java.util.LinkedHashMap<>(Map.of("project", project, "input",
                    Dx.obj("n", 1)));
            run.putAll(Dx.JSON.convertValue(parts.get(1), Map.class));
            Dx.Response refused = dx().post("/" + applet + "/run", authorized, run);
            assertError(refused, 401, "PermissionDenied");
            assertThat(refused.errorMessage()).as(refusal.getKey()).contains("'" + refusal.getKey() + "'");
        }
        String viewOnly = applet(authorized, project, Dx.obj("access", Dx.obj("allProjects", "VIEW", "network",
                List.of("*"))));
        String job = dx().post("/" + viewOnly + "/run", authorized, Dx.obj("project", project, "input", Dx.obj("n", 1),
                "singleContext", false)).expectOk().body().get("id").asText();
        assertThat(dx().post("/" + job + "/describe", authorized, "{}").expectOk().body().get("singleContext")
                .asBoolean()).isTrue();
        Dx.Response ssh = dx().post("/" + job + "/update", authorized, Dx.obj("allowSSH", List.of("10.0.0.1")));
        assertError(ssh, 401, "PermissionDenied");
        assertThat(ssh.errorMessage()).contains("'allowSSH'");

        String outside = applet(admin, dataProject, Dx.obj());
        dx().post("/" + dataProject + "/invite", admin, Dx.obj("invitee", whoami(authorized), "level", "CONTRIBUTE"))
                .expectOk();
        Dx.Response crossing = dx().post("/" + outside + "/run", authorized, Dx.obj("project", project, "input",
                Dx.obj("n", 1)));
        assertError(crossing, 401, "PermissionDenied");
        assertThat(crossing.errorMessage()).contains("'sameRequest'");
        Dx.Response leaving = dx().post("/" + viewOnly + "/run", authorized, Dx.obj("project", dataProject, "input",
                Dx.obj("n", 1)));
        assertError(leaving, 401, "PermissionDenied");
        assertThat(leaving.errorMessage()).contains("'sameRequest'");
        String otherProject = requestProject(authorized, approvedRequest(tre, authorized, reviewer, "ethics"), "other");
        Dx.Response otherRequest = dx().post("/" + viewOnly + "/run", authorized, Dx.obj("project", otherProject,
                "input", Dx.obj("n", 1)));
        assertError(otherRequest, 401, "PermissionDenied");
        assertThat(otherRequest.errorMessage()).contains("'sameRequest'");

        JsonNode history = dx().post("/" + tre + "/history", admin, Dx.obj("types",
                List.of("TreExecutionRefusedEvent"))).expectOk().body().get("results");
        assertThat(history).extracting(e -> e.get("data").get("restriction").asText())
                .containsExactlyInAnyOrder("allowSSH", "httpsApp", "allProjects", "projectCreation", "allowSSH",
                        "sameRequest", "sameRequest", "sameRequest");
        JsonNode first = history.get(0);
        assertThat(first.get("userId").asText()).isEqualTo(whoami(authorized));
        assertThat(first.get("data").get("userId").asText()).isEqualTo(whoami(authorized));
        assertThat(first.get("data").get("projectId").asText()).isEqualTo(project);
        assertThat(first.get("data").get("executable").asText()).startsWith("applet-");
        assertThat(first.get("data").get("action").asText()).isEqualTo("run");
        assertThat(first.get("data").get("jobId").isNull()).isTrue();
        assertThat(history).filteredOn(e -> e.get("data").get("action").asText().equals("update"))
                .extracting(e -> e.get("data").get("jobId").asText()).containsExactly(job);
    }

    @Test
    void aRefusedRunAskedAgainWithItsNonceIsRecordedOnce() {
        String request = approvedRequest(tre = anActiveTre(), authorized, reviewer, "ethics");
        String project = requestProject(authorized, request, "analysis");
        String applet = applet(authorized, project, Dx.obj());
        Object run = Dx.obj("project", project, "input", Dx.obj("n", 1), "allowSSH", List.of("10.0.0.1"),
                "nonce", "retry");
        assertError(dx().post("/" + applet + "/run", authorized, run), 401, "PermissionDenied");
        assertError(dx().post("/" + applet + "/run", authorized, run), 401, "PermissionDenied");
        assertThat(dx().post("/" + tre + "/history", admin, Dx.obj("types", List.of("TreExecutionRefusedEvent")))
                .expectOk().body().get("results")).hasSize(1);
    }
}
