package org.tre.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged jar ({@code target/tre-api.jar}) in a JVM of its own, started as an operator starts it
 * and killed as a machine kills it: {@link #kill()} sends SIGKILL, so nothing of the service runs
 * after it, no shutdown hook, no flush, no graceful stop. Only that tells what a crash keeps; a
 * Spring context closed inside the test JVM always shuts down in order.
 *
 * <p>Each start writes the process's console to its own file under {@code target/jar-logs}; a start
 * that fails shows its tail, and {@link JarProcessExtension} shows the tails when a test fails.
 */
public final class JarProcess implements AutoCloseable {

    public static final Path TARGET = targetDirectory();
    public static final Path JAR = TARGET.resolve("tre-api.jar");
    private static final Path LOGS = TARGET.resolve("jar-logs");
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    /** 128 + SIGKILL's number: how a JVM reports a child that SIGKILL ended. */
    public static final int KILLED = 128 + 9;
    /** 128 + SIGTERM's number. */
    public static final int STOPPED = 128 + 15;

    private static final Set<JarProcess> RUNNING = ConcurrentHashMap.newKeySet();
    private static final List<Path> STARTED_LOGS = Collections.synchronizedList(new ArrayList<>());

    static {
        // A test JVM that dies must not leave services running on the machine.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(j -> j.process.destroyForcibly())));
    }

    private final Config config;
    private final Process process;
    private final int port;
    private final Path log;

    private JarProcess(Config config, Process process, int port, Path log) {
        this.config = config;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A jar to start; {@code name} names its log files. */
    public static Config named(String name) {
        return new Config(name);
    }

    /** How a jar is started: the environment and the command-line properties it is given. */
    public static final class Config {
        private final String name;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> properties = new ArrayList<>();
        private final AtomicInteger starts = new AtomicInteger();

        private Config(String name) {
            this.name = name;
        }

        public Config env(String variable, Object value) {
            env.put(variable, String.valueOf(value));
            return this;
        }

        /** A Spring property, {@code key=value}, given on the command line. */
        public Config property(String keyAndValue) {
            properties.add(keyAndValue);
            return this;
        }

        /** Starts the jar and answers once its readiness probe says UP. */
        public JarProcess start() {
            if (!Files.isRegularFile(JAR)) {
                throw new IllegalStateException(JAR + " is missing: integration tests run after `mvn package`");
            }
            // Another build may take the port between the probe and the bind: then another port.
            for (int attempt = 1; ; attempt++) {
                int port = Ports.free();
                Path log = LOGS.resolve(name + "-" + starts.incrementAndGet() + ".log");
                Process process = launch(port, log);
                JarProcess jar = new JarProcess(this, process, port, log);
                RUNNING.add(jar);
                STARTED_LOGS.add(log);
                try {
                    jar.awaitReady();
                    return jar;
                } catch (PortTaken taken) {
                    RUNNING.remove(jar);
                    if (attempt == 3) {
                        throw new IllegalStateException(taken.getMessage() + "\n" + tail(log, 60));
                    }
                } catch (RuntimeException failure) {
                    jar.process.destroyForcibly();
                    RUNNING.remove(jar);
                    throw new IllegalStateException(failure.getMessage() + "\n" + tail(log, 80), failure);
                }
            }
        }

        private Process launch(int port, Path log) {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command()
                    .orElseThrow(() -> new IllegalStateException("The test JVM does not tell its java binary")));
            // Start-up dominates a test's time on a shared two-core machine, and C1 alone starts
            // sooner; what the tests prove does not depend on how the code is compiled.
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-jar");
            command.add(JAR.toString());
            command.add("--server.port=" + port);
            command.add("--server.address=127.0.0.1");
            command.add("--logging.level.org.tre.api.access=WARN");
            properties.forEach(property -> command.add("--" + property));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(TARGET.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Only what the test names: a developer's own TRE_ or SPRING_ variables would change the run.
            builder.environment().keySet().removeIf(key -> key.startsWith("TRE_") || key.startsWith("SPRING_"));
            builder.environment().putAll(env);
            try {
                Files.createDirectories(LOGS);
                return builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public int port() {
        return port;
    }

    public Dx dx() {
        return new Dx(port);
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * SIGKILL, and proof that it was one: the exit status is 137 and no process of that pid remains.
     * {@link Process#destroyForcibly()} is SIGKILL on Linux; the status shows it was not a SIGTERM (143).
     */
    public void kill() {
        long pid = process.pid();
        process.destroyForcibly();
        int status = awaitExit();
        RUNNING.remove(this);
        if (status != KILLED) {
            throw new AssertionError("The jar (pid " + pid + ") should have died of SIGKILL (exit status "
                    + KILLED + ") but ended with " + status + "\n" + tail(log, 40));
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new AssertionError("The jar (pid " + pid + ") is still alive after SIGKILL");
        }
    }

    /**
     * SIGTERM, and a wait for the graceful shutdown to finish (exit status 143): for reading the store
     * once everything the service did is on disk, not for simulating a crash.
     */
    public void stop() {
        process.destroy();
        int status = awaitExit();
        RUNNING.remove(this);
        if (status != STOPPED) {
            throw new AssertionError("The jar (pid " + process.pid() + ") should have stopped on SIGTERM (exit status "
                    + STOPPED + ") but ended with " + status + "\n" + tail(log, 40));
        }
    }

    /** Starts the jar again as it was started, on the same data, once this one is gone. */
    public JarProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("The jar (pid " + process.pid() + ") still runs: kill it first");
        }
        return config.start();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whatever it was doing: SIGKILL if it still runs, so no test leaves a service behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
        RUNNING.remove(this);
    }

    /** The last lines of the process's console, to see why a run went wrong. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return "---- last lines of " + log + " ----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The logs of every start so far, for {@link JarProcessExtension}; it clears them between tests. */
    static List<Path> startedLogs() {
        synchronized (STARTED_LOGS) {
            return List.copyOf(STARTED_LOGS);
        }
    }

    static void forgetLogs() {
        STARTED_LOGS.clear();
    }

    static void killAllRunning() {
        RUNNING.forEach(JarProcess::close);
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        HttpRequest probe = HttpRequest.newBuilder(readiness)
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                if (portTaken()) {
                    throw new PortTaken("Port " + port + " was taken before the jar could bind it");
                }
                throw new IllegalStateException("The jar exited with " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The web server binds late in the start.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(100);
        }
        throw new IllegalStateException("The jar was not ready within " + READY_WITHIN.toSeconds() + " s");
    }

    private boolean portTaken() {
        try {
            return Files.readString(log).contains("Port " + port + " was already in use");
        } catch (IOException e) {
            return false;
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("The jar (pid " + process.pid() + ") did not end within 30 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** tre-api/target, found from where this class was compiled to (target/test-classes). */
    private static Path targetDirectory() {
        try {
            Path classes = Path.of(JarProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class PortTaken extends RuntimeException {
        PortTaken(String message) {
            super(message);
        }
    }
}
