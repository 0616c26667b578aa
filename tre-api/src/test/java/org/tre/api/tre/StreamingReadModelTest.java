package org.tre.api.tre;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tre.api.support.Dx;
import org.tre.api.support.StreamingTreReadModel;
import org.tre.api.support.TrePlatformTest;
import org.tre.query.tre.TreProjection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TRE read model on its own processor, as in the Axon Server deployment: what keeps a request's
 * answer consistent with its write, and a handle unique, when the read model is no longer written in
 * the command's transaction.
 */
@StreamingTreReadModel
class StreamingReadModelTest extends TrePlatformTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aRequestThatWroteAnswersOnlyOnceTheReadModelShowsTheWrite() throws Exception {
        StreamingEventProcessor readModel = processing
                .eventProcessor(TreProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        String handle = unique("waits").toLowerCase();
        readModel.shutDown();
        CompletableFuture<Dx.Response> created;
        try {
            created = CompletableFuture.supplyAsync(() -> dx().post("/tre/new", admin, newTre(handle)));
            // The command is stored (its handle claimed in its own transaction), the answer is held back.
            await(() -> count("tre_handle", handle) == 1);
            Thread.sleep(300);
            assertThat(created).isNotDone();
            assertThat(count("tre_view", handle)).isZero();
        } finally {
            readModel.start();
        }
        assertThat(created.get(10, TimeUnit.SECONDS).expectOk().body().get("id").asText()).isEqualTo("tre-" + handle);
        assertThat(count("tre_view", handle)).isEqualTo(1);
    }

    @Test
    void ofConcurrentCreationsWithOneHandleExactlyOneWinsAndTheReadModelKeepsUp() throws Exception {
        String handle = unique("race").toLowerCase();
        List<CompletableFuture<Dx.Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> dx().post("/tre/new", admin, newTre(handle))));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Dx.Response> attempt : attempts) {
            statuses.add(attempt.get(30, TimeUnit.SECONDS).status());
        }
        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 422);
        String after = unique("after").toLowerCase();
        assertThat(create("/tre/new", newTre(after))).isEqualTo("tre-" + after);
        assertThat(dx().post("/tre-" + after + "/describe", admin, "{}").expectOk().body().get("handle").asText())
                .isEqualTo(after);
    }

    private Object newTre(String handle) {
        return Dx.obj("handle", handle, "name", "Streaming", "description", "d", "summary", "s",
                "billTo", org, "region", REGION);
    }

    private int count(String table, String handle) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE handle = ?", Integer.class, handle);
        return n == null ? 0 : n;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
