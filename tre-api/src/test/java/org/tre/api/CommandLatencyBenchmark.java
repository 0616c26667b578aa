package org.tre.api;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;
import org.tre.api.support.Scenario;
import org.tre.directory.audit.AuditContext;
import org.tre.messages.Requester;
import org.tre.messages.tre.TreCommands.UpdateTreCommand;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints the latency of one command (an HTTP /tre-xxxx/update) on a TRE with 10 and with 10,000
 * prior events, with snapshots (every 100 events) and without. A benchmark, not a test: it asserts
 * nothing and is not part of the test run. Run it with
 * {@code mvn -B -q -pl tre-api -am test -Dtest=CommandLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CommandLatencyBenchmark {

    private static final String OPERATOR = "benchmarkOperatorToken0123456789";
    private static final int SAMPLES = 40;

    @TempDir
    Path dataDir;

    @Test
    void printLatencyByHistoryLength() {
        System.out.println("| snapshots | prior events | median ms | p90 ms |");
        System.out.println("|---|---|---|---|");
        for (boolean snapshots : new boolean[]{true, false}) {
            for (int prior : new int[]{10, 10_000}) {
                double[] ms = measure(snapshots, prior);
                System.out.printf("| %s | %d | %.2f | %.2f |%n", snapshots ? "every 100" : "off", prior, ms[0], ms[1]);
            }
        }
    }

    /**
     * The history is written with snapshots on (writing 10,000 events without them would itself load
     * the whole history 10,000 times); for the run without snapshots they are deleted and the service
     * started again with snapshotting off.
     */
    private double[] measure(boolean snapshots, int prior) {
        Path dir = dataDir.resolve((snapshots ? "snap" : "nosnap") + prior);
        String admin;
        try (RunningService setup = start(dir, 100)) {
            Dx dx = setup.dx();
            Scenario scenario = new Scenario(dx, OPERATOR);
            admin = scenario.userWithToken("alice");
            String org = scenario.treOrg(admin, "user-alice", "bench");
            dx.post("/tre/new", admin, Dx.obj("handle", "bench", "name", "B", "description", "d", "summary", "s",
                    "billTo", org, "region", Scenario.REGION)).expectOk();
            CommandGateway commands = setup.bean(CommandGateway.class);
            AuditContext.runAs("user-alice", "benchmark-setup", () -> {
                for (int i = 1; i < prior; i++) {
                    commands.sendAndWait(new UpdateTreCommand("tre-bench", "History " + i, null, null, null, null,
                            false, null, null, null, null, Requester.withFullScope("user-alice")));
                }
                return null;
            });
            if (!snapshots) {
                setup.bean(JdbcTemplate.class).update("DELETE FROM snapshotevententry");
            }
        }
        try (RunningService service = start(dir, snapshots ? 100 : Integer.MAX_VALUE)) {
            Dx dx = service.dx();
            for (int i = 0; i < 5; i++) {
                dx.post("/tre-bench/update", admin, Dx.obj("name", "Warm " + i)).expectOk();
            }
            double[] samples = new double[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                long start = System.nanoTime();
                dx.post("/tre-bench/update", admin, Dx.obj("name", "Sample " + i)).expectOk();
                samples[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(samples);
            return new double[]{samples[SAMPLES / 2], samples[SAMPLES * 9 / 10]};
        }
    }

    private static RunningService start(Path dir, int snapshotEvery) {
        return RunningService.start("tre.data-dir=" + dir, "TRE_ADMIN_TOKEN=" + OPERATOR,
                "tre.snapshot-every=" + snapshotEvery, "tre.rate-limit.per-second=1000000",
                "tre.rate-limit.burst=1000000", "logging.level.root=WARN");
    }
}
