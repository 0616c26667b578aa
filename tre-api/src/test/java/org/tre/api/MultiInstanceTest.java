package org.tre.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tre.api.support.Dx;
import org.tre.api.support.EmbeddedPostgresSupport;
import org.tre.api.support.RunningService;
import org.tre.api.support.Scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one PostgreSQL serve one API: a write through one is read through
 * the other at once, concurrent commands on one TRE lose no update (the loser is told), and no side
 * effect happens twice.
 */
class MultiInstanceTest {

    private static final String OPERATOR = "clusterOperatorToken0123456789";
    private static final String REGION = "aws:us-east-1";

    @TempDir
    Path dataDir;

    @Test
    void twoInstancesShareOnePostgresCorrectly() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgresSupport.start();
             RunningService a = instance(postgres, "node-a");
             RunningService b = instance(postgres, "node-b")) {
            Dx onA = a.dx();
            Dx onB = b.dx();
            String alice = new Scenario(onA, OPERATOR).userWithToken("alice");
            String bob = new Scenario(onB, OPERATOR).userWithToken("bob");
            onA.post("/org/new", alice, Dx.obj("handle", "shared", "name", "Shared")).expectOk();
            onB.post("/org-shared/setLicenses", OPERATOR, Dx.obj("billable", true, "permittedRegions", List.of(REGION),
                    "licenses", Dx.obj("treManagement", true))).expectOk();
            onA.post("/org-shared/setMemberAccess", OPERATOR, Dx.obj("user-alice", Dx.obj("treManagement", true)))
                    .expectOk();
            assertThat(onB.post("/org-shared/describe", alice, "{}").expectOk().body().get("treManagement")
                    .asBoolean()).isTrue();

            String data = Scenario.id(onB.post("/project/new", alice, Dx.obj("name", "data", "billTo", "org-shared")));
            String show = Scenario.id(onA.post("/project/new", alice, Dx.obj("name", "show", "billTo", "org-shared")));
            String file = Scenario.id(onB.post("/file/new", alice, Dx.obj("project", data, "name", "f", "content", "x")));
            String record = Scenario.id(onA.post("/record/new", alice, Dx.obj("project", show, "name", "r")));
            String tre = Scenario.id(onA.post("/tre/new", alice, Dx.obj("handle", "clustered", "name", "C", "description", "d",
                    "summary", "s", "billTo", "org-shared", "region", REGION)));
            onB.post("/" + tre + "/setInventory", alice, Dx.obj("file", Dx.obj("project", data, "id", file),
                    "dataset", Dx.obj(), "showcase", Dx.obj("project", show, "id", record), "assays", List.of(),
                    "version", "1.0.0")).expectOk();
            onA.post("/" + tre + "/setPolicies", alice, Dx.obj()).expectOk();
            onB.post("/" + tre + "/addApplicationReviewStep", alice, Dx.obj("reviewStepId", "e", "name", "E",
                    "description", "")).expectOk();
            onA.post("/" + tre + "/addApplicationReviewers", alice, Dx.obj("reviewStepId", "e",
                    "users", List.of("user-alice"))).expectOk();
            onB.post("/" + tre + "/addAuthorizedUsers", alice, Dx.obj("users", List.of("user-bob"))).expectOk();
            onA.post("/" + tre + "/activate", alice, "{}").expectOk();

            long deadline = System.currentTimeMillis() + 30_000;
            while (onB.post("/" + show + "/describe", bob, "{}").status() != 200
                    || !onB.post("/" + tre + "/describe", alice, "{}").expectOk().body().has("workingProject")) {
                assertThat(System.currentTimeMillis()).as("side effects within 30 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            Thread.sleep(1_000);
            JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
            assertThat(events(jdbc, tre, "TreProvisionedEvent")).isEqualTo(1);
            assertThat(events(jdbc, "user-tre_clustered_robot", "UserCreatedEvent")).isEqualTo(1);
            Integer bobGrants = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?"
                    + " AND payloadtype LIKE '%ProjectAccessGrantedEvent'", Integer.class, show);
            assertThat(bobGrants).as("grants on the showcase: alice's own, alice's and bob's from the TRE").isEqualTo(3);

            int updatesBefore = events(jdbc, tre, "TreUpdatedEvent");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Callable<Dx.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Dx via = i % 2 == 0 ? onA : onB;
                String name = "Name " + i;
                calls.add(() -> via.post("/" + tre + "/update", alice, Dx.obj("name", name)));
            }
            int accepted = 0;
            try {
                for (Future<Dx.Response> response : pool.invokeAll(calls)) {
                    Dx.Response answer = response.get();
                    assertThat(answer.status()).as(answer.raw().body()).isIn(200, 422);
                    if (answer.status() == 200) {
                        accepted++;
                    } else {
                        assertThat(answer.errorType()).isEqualTo("InvalidState");
                    }
                }
            } finally {
                pool.shutdown();
            }
            assertThat(accepted).isPositive();
            assertThat(events(jdbc, tre, "TreUpdatedEvent") - updatesBefore).isEqualTo(accepted);
            JsonNode fromA = onA.post("/" + tre + "/describe", alice, "{}").expectOk().body();
            JsonNode fromB = onB.post("/" + tre + "/describe", alice, "{}").expectOk().body();
            assertThat(fromA).isEqualTo(fromB);
        }
    }

    private RunningService instance(EmbeddedPostgres postgres, String node) {
        return RunningService.start("spring.profiles.active=postgres",
                "spring.datasource.url=" + EmbeddedPostgresSupport.jdbcUrl(postgres),
                "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                "tre.data-dir=" + dataDir.resolve(node), "TRE_ADMIN_TOKEN=" + OPERATOR, "tre.node-id=" + node,
                "db-scheduler.scheduler-name=" + node, "tre.rate-limit.per-second=100000",
                "tre.rate-limit.burst=100000");
    }

    private static int events(JdbcTemplate jdbc, String aggregate, String type) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND payloadtype LIKE ?", Integer.class, aggregate, "%" + type);
        return n == null ? 0 : n;
    }
}
