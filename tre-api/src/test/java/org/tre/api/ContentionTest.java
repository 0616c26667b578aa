package org.tre.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;
import org.tre.api.support.Scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers on one aggregate, on a pool of three connections that gives up after a quarter of a second:
 * writers that wait for their turn hold no connection, and the writer whose turn it is never needs a
 * second one, so every write is answered with success and none is lost.
 */
class ContentionTest {

    private static final String OPERATOR = "contentionOperatorToken0123456789";
    private static final int WRITERS = 32;
    private static final int WRITES_EACH = 10;

    @TempDir
    static Path dataDir;
    private static RunningService service;
    private static Dx dx;
    private static String admin;
    private static String org;

    @BeforeAll
    static void start() {
        service = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR,
                "spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.connection-timeout=250",
                "tre.snapshot-every=20", "tre.rate-limit.per-second=100000", "tre.rate-limit.burst=100000");
        dx = service.dx();
        Scenario scenario = new Scenario(dx, OPERATOR);
        admin = scenario.userWithToken("alice");
        org = scenario.treOrg(admin, "user-alice", "contended");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void concurrentWritersOfOneTreAreAllServedAndNoneIsLost() throws Exception {
        String tre = Scenario.id(dx.post("/tre/new", admin, Dx.obj("handle", "contended", "name", "C",
                "description", "d", "summary", "s", "billTo", org, "region", Scenario.REGION)));
        Map<Integer, Integer> statuses = writeConcurrently(n -> dx.post("/" + tre + "/update", admin,
                Dx.obj("description", "write " + n)).status());
        assertThat(statuses).containsOnlyKeys(200);
        long updates = historyCount(tre, "TreUpdatedEvent");
        assertThat(updates).isEqualTo(WRITERS * WRITES_EACH);
    }

    @Test
    void concurrentWritersOfOneProjectAndOneOrgAreAllServed() throws Exception {
        String project = Scenario.id(dx.post("/project/new", admin, Dx.obj("name", "shared", "billTo", org)));
        Map<Integer, Integer> statuses = writeConcurrently(n -> n % 2 == 0
                ? dx.post("/" + project + "/update", admin, Dx.obj("name", "name " + n)).status()
                : dx.post("/" + org + "/update", admin, Dx.obj("name", "name " + n)).status());
        assertThat(statuses).containsOnlyKeys(200);
        assertThat(historyCount(org, "OrgUpdatedEvent")).isGreaterThanOrEqualTo(WRITERS * WRITES_EACH / 2);
    }

    private interface Write {
        int send(int n) throws Exception;
    }

    /** Answers how many writes got each HTTP status. */
    private static Map<Integer, Integer> writeConcurrently(Write write) throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger numbers = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < WRITES_EACH; i++) {
                        statuses.merge(write.send(numbers.incrementAndGet()), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
        return statuses;
    }

    private static long historyCount(String entity, String type) {
        return dx.post("/" + entity + "/history", admin, Dx.obj("types", List.of(type))).expectOk().body()
                .get("results").size();
    }
}
