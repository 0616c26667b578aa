package org.tre.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.RawHttp;
import org.tre.api.support.RunningService;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the service while requests are under way loses none that was answered with success; a stop
 * as an operator makes it (SIGTERM to the process) finishes the write under way and logs no warning or
 * error on the way down.
 */
class ShutdownTest {

    private static final String OPERATOR = "shutdownOperatorToken0123456789";
    /** A console line's level, as Spring Boot's default pattern prints it after the timestamp. */
    private static final Pattern LEVEL = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s");
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

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

    @Test
    void aStopBySigtermFinishesTheWriteUnderWayAndLogsNoWarningOrError() throws Exception {
        // Only a real process runs the JVM's shutdown hooks, where H2's own hook and Spring's race. Hikari
        // checks a connection used in the last half second before lending it again only after this long, so
        // a connection the database closed under it fails instead of being replaced quietly by one that opens
        // the database again: the race shows every time, not by chance.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dcom.zaxxer.hikari.aliveBypassWindowMs=600000",
                "-cp", System.getProperty("java.class.path"), TreApplication.class.getName(),
                "--server.port=0", "--tre.data-dir=" + dataDir, "--TRE_ADMIN_TOKEN=" + OPERATOR)
                .redirectErrorStream(true).start();
        List<String> log = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(process, log));
        reader.start();
        try {
            int port = awaitPort(log);
            Dx dx = new Dx(port);
            awaitReady(dx);
            for (int i = 0; i < 20; i++) {
                dx.post("/user/new", OPERATOR, Dx.obj("username", "stop" + i, "email", "stop" + i + "@example.org"))
                        .expectOk();
            }
            // A write under way when the stop comes holds the graceful shutdown open for as long as its body
            // takes, long enough for anything that closes too early to have closed.
            byte[] body = Dx.JSON.writeValueAsBytes(Dx.obj("username", "inflight", "email", "inflight@example.org"));
            String head = "POST /user/new HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + OPERATOR + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            try (RawHttp.Open inFlight = new RawHttp(port).open(head.getBytes(StandardCharsets.US_ASCII))) {
                inFlight.write(Arrays.copyOf(body, body.length - 1));
                Thread.sleep(500);
                int stopFrom = log.size();
                // SIGTERM, as an operator's stop sends it. Process.destroy() would also close this end of the
                // process's output, and with it the log of the shutdown.
                assertThat(process.toHandle().destroy()).isTrue();
                awaitLine(log, "Commencing graceful shutdown");
                Thread.sleep(2_000);
                inFlight.write(Arrays.copyOfRange(body, body.length - 1, body.length));
                RawHttp.Response answer = inFlight.answer(false);
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);

                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process stops").isTrue();
                reader.join(10_000);
                List<String> shutdown = log.subList(stopFrom, log.size());
                assertThat(shutdown).as("the log of the shutdown")
                        .anyMatch(line -> line.contains("Graceful shutdown complete"));
                assertThat(shutdown).as("warnings and errors in the log of the shutdown")
                        .filteredOn(line -> LEVEL.matcher(line).find() || line.contains("already closed")).isEmpty();
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private static void readLines(Process process, List<String> log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                log.add(line);
            }
        } catch (IOException closed) {
            // The process is gone; what it printed is in the list.
        }
    }

    private static void awaitLine(List<String> log, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (log.stream().noneMatch(line -> line.contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No line with '" + text + "':\n" + String.join("\n", log));
            }
            Thread.sleep(50);
        }
    }

    /** The port, once the application has started. */
    private static int awaitPort(List<String> log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (log.stream().anyMatch(line -> line.contains("Started " + TreApplication.class.getSimpleName()))) {
                for (String line : log) {
                    Matcher port = PORT.matcher(line);
                    if (port.find()) {
                        return Integer.parseInt(port.group(1));
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The service did not start:\n" + String.join("\n", log));
    }

    /** Ready once every startup runner is done, the operator's token installed among them. */
    private static void awaitReady(Dx dx) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (dx.exchange("GET", "/actuator/health/readiness", null, null, null, Map.of()).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The service did not become ready");
            }
            Thread.sleep(200);
        }
    }

    private RunningService start() {
        return RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + OPERATOR,
                "tre.rate-limit.per-second=100000", "tre.rate-limit.burst=100000");
    }
}
