package org.tre.api;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;
import org.tre.api.support.Scenario;
import org.tre.directory.audit.AuditContext;
import org.tre.messages.project.ProjectCommands.RevokeProjectAccessCommand;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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

            AuditContext.runAs("user-admin", "test-lost-grant", () -> service.bean(CommandGateway.class)
                    .sendAndWait(new RevokeProjectAccessCommand(show, "user-bob", tre.id())));
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
}
