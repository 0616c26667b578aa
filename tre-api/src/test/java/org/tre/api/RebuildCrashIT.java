package org.tre.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.JarProcess;
import org.tre.api.support.JarProcessExtension;
import org.tre.api.support.Scenario;
import org.tre.api.support.StoredEvents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild empties read models, then refills them batch by batch. Killed halfway, it must not leave
 * half-built tables that answer as if they were whole: the next start rebuilds again before it is
 * ready, and every user is back.
 */
@ExtendWith(JarProcessExtension.class)
class RebuildCrashIT {

    private static final String OPERATOR = "rebuildCrashOperatorToken0123456789";
    private static final int USERS = 1500;

    @TempDir
    Path dataDir;

    @Test
    void aRebuildKilledHalfwayIsRunAgainAtTheNextStartBeforeTheServiceIsReady() throws Exception {
        JarProcess jar = JarProcess.named("rebuild-crash")
                .env("TRE_DATA_DIR", dataDir)
                .env("TRE_ADMIN_TOKEN", OPERATOR)
                .property("tre.rate-limit.per-second=100000")
                .property("tre.rate-limit.burst=100000")
                .property("tre.rebuild.batch-size=10")
                .start();
        List<String> users = newUsers(jar.dx());

        jar.dx().post("/system/rebuildProjections", OPERATOR, Dx.obj("processingGroups", List.of("directory-users")))
                .expectOk();
        long processed = 0;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (processed < 200) {
            assertThat(System.nanoTime()).as("waiting for the rebuild to pass 200 events").isLessThan(deadline);
            processed = jar.dx().post("/system/rebuildStatus", OPERATOR, "{}").expectOk().body().get("processed").asLong();
        }
        jar.kill();
        assertThat(count("SELECT COUNT(*) FROM directory_user WHERE id LIKE 'user-usr%'"))
                .as("users in the read model right after the kill").isLessThan(USERS);
        assertThat(count("SELECT COUNT(*) FROM projection_rebuild")).as("unfinished rebuilds").isEqualTo(1);

        jar = jar.restart();
        Dx dx = jar.dx();
        for (String user : List.of(users.get(0), users.get(USERS / 2), users.get(USERS - 1))) {
            dx.post("/" + user + "/describe", OPERATOR, "{}").expectOk();
        }
        jar.stop();
        assertThat(count("SELECT COUNT(*) FROM directory_user WHERE id LIKE 'user-usr%'")).isEqualTo(USERS);
        assertThat(count("SELECT COUNT(*) FROM projection_rebuild")).as("unfinished rebuilds").isZero();
    }

    private List<String> newUsers(Dx dx) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String name = "usr" + i;
                made.add(clients.submit(() -> Scenario.id(dx.post("/user/new", OPERATOR,
                        Dx.obj("username", name, "email", name + "@example.org")))));
            }
            List<String> users = new ArrayList<>();
            for (Future<String> user : made) {
                users.add(user.get());
            }
            return users;
        } finally {
            clients.shutdownNow();
        }
    }

    private long count(String sql) {
        return StoredEvents.h2(dataDir).countOf(sql);
    }
}
