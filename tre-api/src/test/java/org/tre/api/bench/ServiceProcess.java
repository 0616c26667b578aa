package org.tre.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real jar, started as an operator would (java -jar) in its own process, on loopback only. */
final class ServiceProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The console's access line: {@code org.tre.api.access : POST /tre-tre1/update 200 3ms}. */
    private static final Pattern ACCESS = Pattern.compile("org\\.tre\\.api\\.access\\s*: (\\S+) (\\S+) (\\d{3}) (\\d+)ms");
    /** What {@link #drain} asks: needs the database (as every authenticated route) and is no case's route. */
    private static final String PROBE = "/user-alice/describe";

    /** Answers the service logged, how many of them were not 2xx, and the slowest one's time. */
    record Answers(long total, long non2xx, long slowestMs) {
    }

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(Path jar, int port, Path dataDir, String adminToken, List<String> args,
                                Map<String, String> env, Path log) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("TRE_ADMIN_TOKEN", adminToken);
        pb.environment().put("TRE_DATA_DIR", dataDir.toString());
        pb.environment().putAll(env);
        ServiceProcess service = new ServiceProcess(pb.start(), port, log);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        service.awaitReady(Duration.ofSeconds(180));
        return service;
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A POST that must answer 200; its JSON. */
    JsonNode post(String path, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Waits, at most {@code limit}, until no side-effect processor is behind the head of the event
     * store ({@code tre_processor_lag}), so that one case's leftovers do not run in the next. False if
     * the limit passed first.
     */
    boolean awaitQuiet(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String metrics = get("/actuator/prometheus").body();
                double lag = metrics.lines().filter(l -> l.startsWith("tre_processor_lag{"))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
                if (lag == 0) {
                    return true;
                }
            } catch (IOException slow) {
                // the gauge reads the database: a stalled service answers late
            }
            Thread.sleep(50);
        }
        return false;
    }

    /**
     * Seconds until the service answers a probe quickly (under 250 ms) again, at most {@code limit}: a
     * case can leave requests holding what others wait for (locks, pooled connections) past the end of
     * its window, and the next case must not inherit them.
     */
    double drain(String token, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            try {
                post(PROBE, token, "{}");
                if (System.nanoTime() - t0 < 250_000_000L) {
                    return (t0 - start) / 1e9;
                }
            } catch (IOException | RuntimeException notNow) {
                Thread.sleep(100);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Where the console log ends now: {@link #answersSince} counts from there. */
    long logSize() throws IOException {
        return Files.size(log);
    }

    /**
     * The answers to {@code paths} in the access lines logged since {@code offset}, once their number
     * has stopped growing for half a second (at most 30 s): the service's own count, late answers
     * included.
     */
    Answers answersSince(long offset, Collection<String> paths) throws IOException, InterruptedException {
        Answers last = count(offset, paths);
        long stableSince = System.nanoTime();
        long deadline = stableSince + 30_000_000_000L;
        while (System.nanoTime() - stableSince < 500_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(100);
            Answers now = count(offset, paths);
            if (now.total() != last.total()) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    private Answers count(long offset, Collection<String> paths) throws IOException {
        byte[] bytes;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            bytes = new byte[(int) Math.max(0, file.length() - offset)];
            file.seek(offset);
            file.readFully(bytes);
        }
        long total = 0;
        long non2xx = 0;
        long slowest = 0;
        Matcher m = ACCESS.matcher(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        while (m.find()) {
            if (paths.contains(m.group(2))) {
                total++;
                if (m.group(3).charAt(0) != '2') {
                    non2xx++;
                }
                slowest = Math.max(slowest, Long.parseLong(m.group(4)));
            }
        }
        return new Answers(total, non2xx, slowest);
    }

    private void awaitReady(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log
                        + ":\n" + tail());
            }
            try {
                if (get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within " + limit + "; see " + log);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM (the service shuts down gracefully), then SIGKILL if it has not stopped in 60 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
