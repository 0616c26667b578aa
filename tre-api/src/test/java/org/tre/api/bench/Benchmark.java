package org.tre.api.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;
import org.tre.api.support.EmbeddedPostgresSupport;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The service benchmark that bench/run starts (README.md, "Benchmark"). For the embedded default (H2
 * in file mode) and for PostgreSQL it starts the built jar as its own process, creates a user, an org
 * and 16 TREs over HTTP, and loads four routes with wrk at several client counts: answers per second,
 * p50/p99 latency, non-2xx answers, and the service's CPU per answer from /proc. Beside them, the
 * physical floor: raw insert-and-commit transactions on the same database and durability setting.
 * Markdown tables go to standard output, progress to standard error.
 */
public final class Benchmark {

    /** The operator token the service is started with (TRE_ADMIN_TOKEN, at least 32 characters). */
    private static final String ADMIN = "benchmarkOperatorToken-0123456789abcdef";
    /** Requests per second and burst per user: far above anything this machine can answer. */
    private static final long RATE_LIMIT = 1_000_000_000L;
    private static final int TRES = 16;
    private static final int PORT_LOW = 8200;
    private static final int PORT_HIGH = 8299;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(300);

    /** {@code key}: how BENCH_ROUTES names it. */
    record Route(String key, String name, List<String> paths, String body) {
    }

    /**
     * One measured window. {@code late}: answers the service logged for the case's requests after wrk's
     * window closed (requests in flight at its end, which wrk does not count), {@code lateNon2xx} of them
     * not 2xx; {@code slowestMs}: the slowest of all the case's answers, late ones included, by the
     * service's own measure (its access log); {@code stallSeconds}: how long after the window the service took to answer a probe quickly
     * again; {@code catchUpSeconds}: how long after the window the event processors took to reach the
     * store's head (the side effects of the window's commands done), which the sustained rate and the
     * CPU per answer include: a rate that leaves a growing backlog is not one the service can keep.
     */
    record Case(Route route, int clients, Wrk.Result wrk, double serviceCpuMs, double serviceCores,
                double dbCpuMs, double otherCores, long late, long lateNon2xx, long slowestMs, double stallSeconds,
                double catchUpSeconds, boolean caughtUp, double warmupStallSeconds, boolean quiet) {

        /** Answers per second of the window and the processors' catch-up after it. */
        double sustainedPerSecond() {
            double seconds = wrk.seconds() + catchUpSeconds;
            return seconds > 0 ? wrk.requests() / seconds : 0;
        }
    }

    record DatabaseRun(String name, List<String> settings, List<Case> cases, List<RawCommits.Result> raw) {
        Optional<Case> find(String route, int clients) {
            return cases.stream().filter(c -> c.route.name.equals(route) && c.clients == clients).findFirst();
        }

        Optional<RawCommits.Result> raw(int connections) {
            return raw.stream().filter(r -> r.connections() == connections).findFirst();
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("whoami", "whoami (no-op)", List.of("/system/whoami"), "{}"),
            new Route("describe", "describe", List.of("/tre-tre1/describe"), "{}"),
            new Route("update16", "update, 16 TREs", IntStream.rangeClosed(1, TRES).mapToObj(i -> "/tre-tre" + i + "/update")
                    .toList(), "{\"description\": \"{n}\"}"),
            new Route("update1", "update, 1 TRE", List.of("/tre-tre1/update"), "{\"description\": \"{n}\"}"));
    private static final String WHOAMI = ROUTES.get(0).name;
    private static final String UPDATE_16 = ROUTES.get(2).name;
    private static final String UPDATE_1 = ROUTES.get(3).name;

    private final int seconds = intEnv("BENCH_SECONDS", 5);
    private final int warmup = intEnv("BENCH_WARMUP", 2);
    private final int steadySlice = intEnv("BENCH_STEADY_SLICE", 5);
    private final int steadyLimit = intEnv("BENCH_STEADY_LIMIT", 180);
    private final double steadyGrowth = Double.parseDouble(env("BENCH_STEADY_GROWTH", "0.05"));
    private final List<Integer> clients = Arrays.stream(env("BENCH_CLIENTS", "1,16,32").split(","))
            .map(String::trim).map(Integer::parseInt).toList();
    private final List<String> databases = Arrays.stream(env("BENCH_DATABASES", "h2,postgres").split(","))
            .map(String::trim).toList();
    private final List<Route> routes = measured(env("BENCH_ROUTES", ROUTES.stream().map(Route::key)
            .collect(Collectors.joining(","))));
    private final Path root = Path.of(System.getProperty("bench.root", System.getProperty("user.dir")))
            .toAbsolutePath();
    private final Path jar = root.resolve("tre-api/target/tre-api.jar");
    private final Path runDir = root.resolve("tre-api/target/bench")
            .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    private final Wrk wrk = new Wrk(root.resolve("bench/post.lua"), runDir.resolve("wrk.log"));
    private final long startedAt = System.nanoTime();
    private int nextPort = intEnv("BENCH_PORT", PORT_LOW);
    private int runs;

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        new Benchmark().run();
        // zonky's and the HTTP client's threads must not keep the JVM.
        System.exit(0);
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -B -q package -DskipTests");
        }
        Files.createDirectories(runDir);
        String wrkVersion = Wrk.version();
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        List<DatabaseRun> done = new ArrayList<>();
        for (String database : databases) {
            switch (database) {
                case "h2" -> done.add(h2());
                case "postgres" -> done.add(postgres());
                default -> throw new IllegalArgumentException("BENCH_DATABASES: h2 or postgres, not " + database);
            }
        }
        print(wrkVersion, load, done);
    }

    // ---- the two databases ----

    private DatabaseRun h2() throws Exception {
        Path dir = runDir.resolve("h2");
        String rawUrl = h2Url(dir.resolve("raw-commit"));
        List<String> settings = new ArrayList<>(List.of("service database: " + h2Url(root.relativize(dir.resolve("data")))
                        + " (application.yml's URL)",
                "raw commits: a fresh file database with the same options, in this JVM (the jar's H2 version),"
                        + " deleted afterwards: " + h2Url(root.relativize(dir.resolve("raw-commit")))));
        progress("h2: raw insert-and-commit");
        List<RawCommits.Result> raw = rawCommits(new RawCommits(rawUrl, "sa", "", () -> 0));
        // Closed with its last connection; its file grows by some kilobytes a commit (gigabytes here).
        deleteTree(dir.resolve("raw-commit"));
        try (ServiceProcess service = startService(dir, List.of(), Map.of())) {
            return new DatabaseRun("H2 (embedded default)", settings, cases("h2", service, () -> -1, settings), raw);
        }
    }

    private DatabaseRun postgres() throws Exception {
        Path dir = runDir.resolve("postgres");
        Files.createDirectories(dir);
        int port = freePort();
        progress("postgres: starting PostgreSQL on 127.0.0.1:" + port);
        // zonky starts PostgreSQL for tests with fsync and synchronous_commit off; a real deployment
        // runs with both on (PostgreSQL's defaults), so the benchmark does too.
        try (EmbeddedPostgres postgres = EmbeddedPostgresSupport.builder().setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
                .start()) {
            String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
            List<String> settings = new ArrayList<>();
            long[] postmaster = new long[1];
            try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "postgres");
                 Statement s = c.createStatement()) {
                settings.add(single(s, "SELECT version()"));
                settings.add("fsync=" + single(s, "SHOW fsync") + ", synchronous_commit="
                        + single(s, "SHOW synchronous_commit") + ", wal_sync_method=" + single(s, "SHOW wal_sync_method")
                        + ", shared_buffers=" + single(s, "SHOW shared_buffers"));
                long backend = Long.parseLong(single(s, "SELECT pg_backend_pid()"));
                postmaster[0] = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                        .orElse(-1L);
                s.execute("CREATE DATABASE raw_commit");
                s.execute("CREATE DATABASE tre");
            }
            settings.add("service database: " + base + "tre; raw commits: " + base + "raw_commit (same server)");
            progress("postgres: raw insert-and-commit");
            List<RawCommits.Result> raw = rawCommits(new RawCommits(base + "raw_commit", "postgres", "postgres",
                    () -> ProcStat.treeTicks(postmaster[0])));
            Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", base + "tre",
                    "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres");
            try (ServiceProcess service = startService(dir, List.of("--spring.profiles.active=postgres"), env)) {
                return new DatabaseRun("PostgreSQL", settings,
                        cases("postgres", service, () -> ProcStat.treeTicks(postmaster[0]), settings),
                        raw);
            }
        }
    }

    /**
     * application.yml's spring.datasource.url with the data directory replaced: the service's own
     * options, WRITE_DELAY=0 among them, whatever they become.
     */
    private static String h2Url(Path database) throws IOException {
        try (InputStream in = Benchmark.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yml = new Yaml().load(in);
            String url = (String) child(child(yml, "spring"), "datasource").get("url");
            String prefix = "jdbc:h2:file:${tre.data-dir}/tre";
            if (!url.startsWith(prefix)) {
                throw new IllegalStateException("application.yml's datasource is no longer an H2 file: " + url);
            }
            return "jdbc:h2:file:" + database + "/tre" + url.substring(prefix.length());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    private List<RawCommits.Result> rawCommits(RawCommits raw) throws Exception {
        List<RawCommits.Result> results = new ArrayList<>();
        for (int connections : clients) {
            results.add(raw.run(connections, warmup, seconds));
        }
        return results;
    }

    // ---- the service and its cases ----

    private ServiceProcess startService(Path dir, List<String> args, Map<String, String> env) throws Exception {
        int port = freePort();
        List<String> all = new ArrayList<>(args);
        all.add("--tre.rate-limit.per-second=" + RATE_LIMIT);
        all.add("--tre.rate-limit.burst=" + RATE_LIMIT);
        progress(dir.getFileName() + ": starting the service on 127.0.0.1:" + port);
        Files.createDirectories(dir);
        return ServiceProcess.start(jar, port, dir.resolve("data"), ADMIN, all, env, dir.resolve("service.log"));
    }

    /** {@code notes}: where the warm-up's outcome is written, beside the run's settings. */
    private List<Case> cases(String db, ServiceProcess service, LongSupplier dbTicks, List<String> notes)
            throws Exception {
        progress(db + ": a user, an org and " + TRES + " TREs");
        String alice = setUp(service);
        service.awaitQuiet(Duration.ofSeconds(60));
        notes.add(warmUpUntilSteady(db, service, alice));
        List<Case> cases = new ArrayList<>();
        for (Route route : routes) {
            for (int c : clients) {
                service.drain(ADMIN, DRAIN_LIMIT);
                boolean quiet = service.awaitQuiet(Duration.ofSeconds(30));
                long warmupOffset = service.logSize();
                load(service, alice, route, c, warmup);
                // A warm-up can leave the service stalled; the measured window starts on a responsive one,
                // once the warm-up's last answers are logged (they are not the window's late answers).
                double warmupStall = service.drain(ADMIN, DRAIN_LIMIT);
                service.answersSince(warmupOffset, route.paths);
                progress(db + ": " + route.name + ", " + c + " client" + (c == 1 ? "" : "s"));
                long logOffset = service.logSize();
                long serviceBefore = ProcStat.ticks(service.pid());
                long dbBefore = dbTicks.getAsLong();
                long[] hostBefore = ProcStat.host();
                Wrk.Result result = load(service, alice, route, c, seconds);
                long windowEnd = System.nanoTime();
                long[] hostAfter = ProcStat.host();
                double windowServiceMs = ProcStat.millis(ProcStat.ticks(service.pid()) - serviceBefore);
                double windowDbMs = dbBefore < 0 ? Double.NaN : ProcStat.millis(dbTicks.getAsLong() - dbBefore);
                double stall = service.drain(ADMIN, DRAIN_LIMIT);
                boolean caughtUp = service.awaitQuiet(CATCH_UP_LIMIT);
                double catchUp = (System.nanoTime() - windowEnd) / 1e9;
                double serviceMs = ProcStat.millis(ProcStat.ticks(service.pid()) - serviceBefore);
                double dbMs = dbBefore < 0 ? Double.NaN : ProcStat.millis(dbTicks.getAsLong() - dbBefore);
                ServiceProcess.Answers logged = service.answersSince(logOffset, route.paths);
                double answers = result.requests();
                // The machine's busy time less the service's, the database's and wrk's: whatever else ran.
                double otherMs = ProcStat.millis(hostAfter[0] - hostBefore[0] - result.cpuTicks())
                        - windowServiceMs - (Double.isNaN(windowDbMs) ? 0 : windowDbMs);
                cases.add(new Case(route, c, result, serviceMs / answers, windowServiceMs / 1000 / result.seconds(),
                        dbMs / answers, Math.max(0, otherMs) / 1000 / result.seconds(),
                        Math.max(0, logged.total() - result.requests()),
                        Math.max(0, logged.non2xx() - result.non2xx()), logged.slowestMs(), stall, catchUp, caughtUp,
                        warmupStall, quiet));
            }
        }
        return cases;
    }

    /**
     * Loads the routes in turn, one slice each at 16 clients, until two rounds in a row raise no route's
     * rate by more than {@link #steadyGrowth} over its best earlier round, or {@link #steadyLimit} seconds
     * have gone. One such round is not enough: a route can pause between two steps of the compiler.
     * Under load on two cores the JIT compiler takes about a minute to compile the command path, and
     * the answers per second triple meanwhile: a case measured before that measures the compiler.
     * Returns the line the report gives of it.
     */
    private String warmUpUntilSteady(String db, ServiceProcess service, String alice) throws Exception {
        // The one-TRE update runs the very code of the 16-TRE one.
        List<Route> warmed = routes.stream().filter(route -> !route.name.equals(UPDATE_1)).toList();
        Map<String, Double> best = new LinkedHashMap<>();
        Map<String, Double> last = new LinkedHashMap<>();
        long start = System.nanoTime();
        int round = 0;
        int flatRounds = 0;
        while (flatRounds < 2 && (System.nanoTime() - start) / 1e9 < steadyLimit) {
            round++;
            boolean flat = round > 1;
            for (Route route : warmed) {
                double rate = load(service, alice, route, 16, steadySlice).perSecond();
                double before = best.getOrDefault(route.name, 0.0);
                flat &= rate <= before * (1 + steadyGrowth);
                best.put(route.name, Math.max(before, rate));
                last.put(route.name, rate);
            }
            flatRounds = flat ? flatRounds + 1 : 0;
            progress(db + ": warm-up round " + round + ": " + last.entrySet().stream()
                    .map(e -> e.getKey() + " " + num(e.getValue()) + "/s").collect(Collectors.joining(", ")));
        }
        service.drain(ADMIN, DRAIN_LIMIT);
        return String.format("warm-up: %d rounds of %d s per route at 16 clients, %.0f s; %s; its last round: %s",
                round, steadySlice, (System.nanoTime() - start) / 1e9,
                flatRounds >= 2 ? "steady (two rounds in a row where no route rose by more than "
                        + Math.round(steadyGrowth * 100) + " % over its best round)"
                        : "not steady within " + steadyLimit + " s (BENCH_STEADY_LIMIT)",
                last.entrySet().stream().map(e -> e.getKey() + " " + num(e.getValue()) + " answers/s")
                        .collect(Collectors.joining(", ")));
    }

    private Wrk.Result load(ServiceProcess service, String token, Route route, int clients, int duration)
            throws Exception {
        return wrk.run(service.baseUrl(), token, route.paths, route.body, "b" + (++runs), clients, duration);
    }

    /** The README's walk: Alice, her org acme with treManagement, and TREs tre1 to tre16. */
    private static String setUp(ServiceProcess s) throws Exception {
        s.post("/user/new", ADMIN, "{\"username\": \"alice\", \"email\": \"alice@example.org\", \"first\": \"Alice\"}");
        String alice = s.post("/system/newAuthToken", ADMIN, "{\"user\": \"user-alice\"}").get("access_token").asText();
        s.post("/org/new", alice, "{\"handle\": \"acme\", \"name\": \"Acme Research\"}");
        s.post("/org-acme/setLicenses", ADMIN, "{\"billable\": true, \"permittedRegions\": [\"aws:us-east-1\"],"
                + " \"licenses\": {\"treManagement\": true}}");
        s.post("/org-acme/setMemberAccess", ADMIN, "{\"user-alice\": {\"treManagement\": true}}");
        for (int i = 1; i <= TRES; i++) {
            s.post("/tre/new", alice, "{\"handle\": \"tre" + i + "\", \"name\": \"TRE " + i + "\", \"description\": \"d\","
                    + " \"summary\": \"s\", \"billTo\": \"org-acme\", \"region\": \"aws:us-east-1\"}");
        }
        return alice;
    }

    // ---- the report ----

    private void print(String wrkVersion, String loadBefore, List<DatabaseRun> done) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("## Benchmark ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(", commit ").append(git("rev-parse", "--short", "HEAD"))
                .append(git("status", "--porcelain").isBlank() ? "" : " (with uncommitted changes)").append("\n\n");
        out.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(cpuModel()).append("; load average before: ").append(loadBefore)
                .append(", after: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
        out.append("- load: ").append(wrkVersion).append(", one thread, keep-alive connections = clients, ")
                .append(warmup).append(" s warm-up then ").append(seconds).append(" s measured per case")
                .append(" (BENCH_SECONDS, BENCH_WARMUP); every request a POST with a bearer token\n");
        out.append("- the per-user rate limit is raised to ").append(RATE_LIMIT)
                .append("/s, burst ").append(RATE_LIMIT)
                .append(" (--tre.rate-limit.per-second, --tre.rate-limit.burst) so that it caps nothing\n");
        out.append("- service CPU: utime+stime of the service process from /proc/<pid>/stat, CLK_TCK=")
                .append(ProcStat.CLK_TCK).append("; cores = CPU seconds per wall second; db CPU: the")
                .append(" PostgreSQL server's processes; other processes: the machine's busy time (/proc/stat)")
                .append(" less the service's, the database's and wrk's, i.e. whatever else ran (0 on a quiet")
                .append(" machine)\n");
        out.append("- logs and wrk's own output: ").append(root.relativize(runDir)).append('\n');
        for (DatabaseRun run : done) {
            out.append("\n### ").append(run.name).append("\n\n");
            run.settings.forEach(s -> out.append("- ").append(s).append('\n'));
            out.append("\n| case | clients | answers/s | in window | caught up after s | p50 ms | p99 ms | non-2xx |")
                    .append(" socket errors | late answers (non-2xx) | slowest answer ms | stall after s |")
                    .append(" service CPU ms/answer | service cores | db CPU ms/answer | other processes, cores |\n")
                    .append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (Case c : run.cases) {
                Wrk.Result r = c.wrk;
                boolean none = r.requests() == 0;
                out.append("| ").append(c.route.name).append(c.quiet ? "" : " (†)").append(" | ").append(c.clients)
                        .append(" | ").append(num(c.sustainedPerSecond())).append(" | ").append(num(r.perSecond()))
                        .append(" | ").append(String.format("%.1f", c.catchUpSeconds)).append(c.caughtUp ? "" : " (‡)")
                        .append(" | ").append(none ? "–" : num(r.p50ms()))
                        .append(" | ").append(none ? "–" : num(r.p99ms())).append(" | ").append(r.non2xx())
                        .append(" | ").append(r.socketErrors() + r.timeouts()).append(" | ").append(c.late)
                        .append(c.late > 0 ? " (" + c.lateNon2xx + ")" : "").append(" | ").append(c.slowestMs)
                        .append(" | ").append(String.format("%.1f", c.stallSeconds)).append(" | ")
                        .append(none ? "–" : num(c.serviceCpuMs)).append(" | ")
                        .append(String.format("%.2f", c.serviceCores)).append(" | ")
                        .append(Double.isNaN(c.dbCpuMs) ? "in the service" : none ? "–" : num(c.dbCpuMs))
                        .append(" | ").append(String.format("%.2f", c.otherCores)).append(" |\n");
            }
            out.append("\nanswers/s: the window's answers over the window and the time the event processors then")
                    .append(" took to catch up with the store (caught up after), so that work a command leaves to")
                    .append(" them counts; in window: wrk's own rate; service and db CPU: from the window's start")
                    .append(" until the processors caught up; cores: the window's.\n");
            out.append("\nlate answers: given by the service (its access log) after wrk's window closed, to")
                    .append(" requests still in flight then (up to one per client is the normal cut-off), which")
                    .append(" wrk counts nowhere; slowest answer: of all the case's answers, late ones included,")
                    .append(" as the service's access log times them (wrk's p50 and p99 cover the window's answers")
                    .append(" only); stall after: seconds until the service answered a probe within 250 ms")
                    .append(" again.\n");
            for (Case c : run.cases) {
                if (c.warmupStallSeconds >= 1) {
                    out.append("- ").append(c.route.name).append(", ").append(c.clients)
                            .append(" clients: the service was stalled for ")
                            .append(String.format("%.1f", c.warmupStallSeconds))
                            .append(" s after its warm-up; the window began once it answered again\n");
                }
            }
            if (run.cases.stream().anyMatch(c -> !c.caughtUp)) {
                out.append("\n(‡) the event processors had not caught up ").append(CATCH_UP_LIMIT.toSeconds())
                        .append(" s after the window\n");
            }
            if (run.cases.stream().anyMatch(c -> !c.quiet)) {
                out.append("\n(†) the side-effect processors were still behind when this case began (30 s wait)\n");
            }
            out.append("\n| raw insert + commit | connections | commits/s | p50 ms | p99 ms | other processes, cores |\n")
                    .append("|---|--:|--:|--:|--:|--:|\n");
            for (RawCommits.Result r : run.raw) {
                out.append("| one row per transaction | ").append(r.connections()).append(" | ")
                        .append(num(r.perSecond())).append(" | ").append(num(r.p50ms())).append(" | ")
                        .append(num(r.p99ms())).append(" | ").append(String.format("%.2f", r.otherCores()))
                        .append(" |\n");
            }
        }
        out.append(ratios(done));
        System.out.print(out);
        System.out.flush();
        Files.writeString(runDir.resolve("report.md"), out.toString(), StandardCharsets.UTF_8);
        progress("done in " + (System.nanoTime() - startedAt) / 1_000_000_000 + " s; report in "
                + root.relativize(runDir.resolve("report.md")));
    }

    private String ratios(List<DatabaseRun> done) {
        StringBuilder out = new StringBuilder("\n### Ratios\n\nThroughput (answers/s, the processors' catch-up"
                + " included) divided by throughput, so that runs on a busier or quieter machine compare. Raw commit: at the same number of connections as clients.\n\n|"
                + " ratio | clients |");
        done.forEach(d -> out.append(' ').append(d.name).append(" |"));
        out.append("\n|---|--:|").append("--:|".repeat(done.size())).append('\n');
        for (String command : List.of(UPDATE_16, UPDATE_1)) {
            for (int c : clients) {
                ratioRow(out, command + " ÷ whoami", c, done,
                        d -> rate(d.find(command, c)) / rate(d.find(WHOAMI, c)));
            }
        }
        for (String command : List.of(UPDATE_16, UPDATE_1)) {
            for (int c : clients) {
                ratioRow(out, command + " ÷ raw commit", c, done,
                        d -> rate(d.find(command, c)) / d.raw(c).map(RawCommits.Result::perSecond).orElse(Double.NaN));
            }
        }
        if (clients.contains(1)) {
            for (int c : clients) {
                if (c == 1) {
                    continue;
                }
                for (Route route : routes) {
                    ratioRow(out, route.name + ": " + c + " ÷ 1 clients", c, done,
                            d -> rate(d.find(route.name, c)) / rate(d.find(route.name, 1)));
                }
                ratioRow(out, "raw commit: " + c + " ÷ 1 connections", c, done,
                        d -> d.raw(c).map(RawCommits.Result::perSecond).orElse(Double.NaN)
                                / d.raw(1).map(RawCommits.Result::perSecond).orElse(Double.NaN));
            }
        }
        return out.toString();
    }

    private static void ratioRow(StringBuilder out, String name, int clients, List<DatabaseRun> done,
                                 ToDoubleFunction<DatabaseRun> ratio) {
        out.append("| ").append(name).append(" | ").append(clients).append(" |");
        for (DatabaseRun d : done) {
            double r = ratio.applyAsDouble(d);
            out.append(' ').append(Double.isFinite(r) ? String.format(r < 0.01 ? "%.4f" : "%.3f", r) : "–")
                    .append(" |");
        }
        out.append('\n');
    }

    private static double rate(Optional<Case> c) {
        return c.map(Case::sustainedPerSecond).orElse(Double.NaN);
    }

    private static String num(double v) {
        if (v >= 100) {
            return String.format("%.0f", v);
        }
        return String.format(v >= 10 ? "%.1f" : "%.2f", v);
    }

    // ---- small things ----

    /** The next port of 8200-8299 (from BENCH_PORT) that nothing listens on. */
    private int freePort() {
        for (; nextPort <= PORT_HIGH; nextPort++) {
            try (ServerSocket socket = new ServerSocket(nextPort, 1, InetAddress.getLoopbackAddress())) {
                return nextPort++;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free port left in " + PORT_LOW + "-" + PORT_HIGH);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
            command.addAll(List.of(args));
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private void progress(String message) {
        System.err.printf("[bench %3ds] %s%n", (System.nanoTime() - startedAt) / 1_000_000_000, message);
    }

    /** The routes BENCH_ROUTES names (whoami, describe, update16, update1), in the benchmark's order. */
    private static List<Route> measured(String keys) {
        List<String> named = Arrays.stream(keys.split(",")).map(String::trim).toList();
        List<Route> chosen = ROUTES.stream().filter(route -> named.contains(route.key())).toList();
        if (chosen.size() != named.size()) {
            throw new IllegalArgumentException("BENCH_ROUTES: names of " + ROUTES.stream().map(Route::key).toList()
                    + ", not " + keys);
        }
        return chosen;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }
}
