package org.tre.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the service while requests are under way loses none that was answered with success. */
class ShutdownTest {

    private static final String OPERATOR = "shutdownOperatorToken0123456789";

    @TempDir
    Path dataDir;

    @Test
    void everyAcceptedCommandSurvivesAShutdownUnderLoad() throws Exception {
        List<String> accepted = new ArrayList<>();
        RunningService service = start();
        Dx dx = service.dx();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String name = "load" + i;
            calls.add(clients.submit(() -> {
                try {
                    Dx.Response response = dx.post("/user/new", OPERATOR, Dx.obj("username", name,
                            "email", name + "@example.org"));
                    return response.status() == 200 ? response.body().get("id").asText() : null;
                } catch (RuntimeException refused) {
                    return null;
                }
            }));
        }
        Thread.sleep(300);
        service.close();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<String> call : calls) {
            if (call.get() != null) {
                accepted.add(call.get());
            }
        }
        assertThat(accepted).isNotEmpty();

        try (RunningService again = start()) {
            for (String userId : accepted) {
                assertThat(again.dx().post("/" + userId + "/describe", OPERATOR, "{}").status()).as(userId)
                        .isEqualTo(200);
            }
        }
    }

    private RunningService start() {
        return RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR,
                "tre.rate-limit.per-second=100000", "tre.rate-limit.burst=100000");
    }
}
