package org.tre.api;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;
import org.tre.directory.audit.AuditContext;
import org.tre.messages.project.ProjectCommands.RevokeProjectAccessCommand;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A TRE grant lost outside the TRE's own changes comes back with the next sweep. */
class GrantSweepTest {

    private static final String OPERATOR = "sweepOperatorToken0123456789";
    private static final String REGION = "aws:us-east-1";

    @TempDir
    Path dataDir;

    @Test
    void theSweepRestoresAGrantTheTreShouldHaveGiven() throws Exception {
        try (RunningService service = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR,
                "tre.side-effects.grant-sweep-every=PT1S")) {
            Dx dx = service.dx();
            String alice = token(dx, user(dx, "alice"));
            String bob = token(dx, user(dx, "bob"));
            dx.post("/org/new", alice, Dx.obj("handle", "sweep", "name", "Sweep")).expectOk();
            dx.post("/org-sweep/setLicenses", OPERATOR, Dx.obj("billable", true, "permittedRegions", List.of(REGION),
                    "licenses", Dx.obj("treManagement", true))).expectOk();
            dx.post("/org-sweep/setMemberAccess", OPERATOR, Dx.obj("user-alice", Dx.obj("treManagement", true)))
                    .expectOk();
            String data = id(dx.post("/project/new", alice, Dx.obj("name", "data", "billTo", "org-sweep")));
            String show = id(dx.post("/project/new", alice, Dx.obj("name", "show", "billTo", "org-sweep")));
            String file = id(dx.post("/file/new", alice, Dx.obj("project", data, "name", "f", "content", "x")));
            String record = id(dx.post("/record/new", alice, Dx.obj("project", show, "name", "r")));
            String tre = id(dx.post("/tre/new", alice, Dx.obj("handle", "swept", "name", "S", "description", "d",
                    "summary", "s", "billTo", "org-sweep", "region", REGION)));
            dx.post("/" + tre + "/setInventory", alice, Dx.obj("file", Dx.obj("project", data, "id", file),
                    "dataset", Dx.obj(), "showcase", Dx.obj("project", show, "id", record), "assays", List.of(),
                    "version", "1.0.0")).expectOk();
            dx.post("/" + tre + "/setPolicies", alice, "{}").expectOk();
            dx.post("/" + tre + "/addApplicationReviewStep", alice, Dx.obj("reviewStepId", "e", "name", "E",
                    "description", "")).expectOk();
            dx.post("/" + tre + "/addApplicationReviewers", alice, Dx.obj("reviewStepId", "e",
                    "users", List.of("user-alice"))).expectOk();
            dx.post("/" + tre + "/addAuthorizedUsers", alice, Dx.obj("users", List.of("user-bob"))).expectOk();
            dx.post("/" + tre + "/activate", alice, "{}").expectOk();
            awaitStatus(dx, show, bob, 200);

            AuditContext.runAs("user-admin", "test-lost-grant", () -> service.bean(CommandGateway.class)
                    .sendAndWait(new RevokeProjectAccessCommand(show, "user-bob", tre)));
            assertThat(dx.post("/" + show + "/describe", bob, "{}").status()).isEqualTo(401);
            awaitStatus(dx, show, bob, 200);
        }
    }

    private static void awaitStatus(Dx dx, String project, String token, int status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (dx.post("/" + project + "/describe", token, "{}").status() != status) {
            assertThat(System.currentTimeMillis()).as("describe answers " + status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String user(Dx dx, String name) {
        return id(dx.post("/user/new", OPERATOR, Dx.obj("username", name, "email", name + "@example.org")));
    }

    private static String token(Dx dx, String userId) {
        return dx.post("/system/newAuthToken", OPERATOR, Dx.obj("user", userId)).expectOk().body()
                .get("access_token").asText();
    }

    private static String id(Dx.Response response) {
        return response.expectOk().body().get("id").asText();
    }
}
