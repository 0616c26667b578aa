package org.tre.api.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator watches: health, readiness, Prometheus metrics with processor lag, JSON logs. */
class OperationsTest {

    private static final String OPERATOR = "operationsOperatorToken0123456789";

    @TempDir
    Path dataDir;

    @Test
    void healthReadinessMetricsAndJsonLogsAreThere() throws Exception {
        try (RunningService service = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR,
                "logging.level.org.tre.api.access=INFO")) {
            Dx dx = service.dx();
            JsonNode health = dx.exchange("GET", "/actuator/health", null, null, null, Map.of()).body();
            assertThat(health.get("status").asText()).isEqualTo("UP");
            JsonNode readiness = dx.exchange("GET", "/actuator/health/readiness", null, null, null, Map.of()).body();
            assertThat(readiness.get("status").asText()).isEqualTo("UP");

            Dx.Response created = dx.post("/user/new", OPERATOR, Dx.obj("username", "olive",
                    "email", "olive@example.org")).expectOk();
            String prometheus = dx.exchange("GET", "/actuator/prometheus", null, null, null, Map.of()).raw().body();
            assertThat(prometheus).contains("tre_processor_lag{").contains("processingGroup=\"tre-access-grants\"");

            List<String> log = Files.readAllLines(dataDir.resolve("logs/tre.log"));
            String line = log.stream().filter(l -> l.contains(created.header("X-Request-ID"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no log line of the request"));
            JsonNode json = Dx.JSON.readTree(line);
            assertThat(json.get("requestId").asText()).isEqualTo(created.header("X-Request-ID"));
            assertThat(json.get("userId").asText()).isEqualTo("user-admin");
            assertThat(String.join("\n", log)).doesNotContain(OPERATOR);
        }
    }
}
