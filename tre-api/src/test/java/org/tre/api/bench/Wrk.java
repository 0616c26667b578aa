package org.tre.api.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk (one thread: the service needs the cores more than wrk) with bench/post.lua and reads the
 * line its done() prints. The timeout is far above any case's duration so that a slow answer is
 * measured as slow instead of dropped as a socket timeout, which wrk would leave out of its latencies.
 */
final class Wrk {

    /** {@code cpuTicks}: wrk's own utime+stime, so that the machine's other load can be told apart. */
    record Result(long requests, double seconds, long non2xx, long socketErrors, long timeouts,
                  double p50ms, double p90ms, double p99ms, double maxMs, long cpuTicks) {
        double perSecond() {
            return seconds > 0 ? requests / seconds : 0;
        }
    }

    private final Path script;
    private final Path log;

    Wrk(Path script, Path log) {
        this.script = script;
        this.log = log;
    }

    static String version() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("wrk").trim();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed (bench/run installs it with apt-get)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Result run(String baseUrl, String token, List<String> paths, String body, String tag, int clients,
               int seconds) throws IOException, InterruptedException {
        // Under a shell that, once wrk has exited, prints its own /proc stat: the cutime and cstime there
        // are wrk's CPU time.
        ProcessBuilder pb = new ProcessBuilder("sh", "-c",
                "wrk \"$@\"; status=$?; read -r stat < /proc/$$/stat; echo \"WRKCPU $stat\"; exit $status", "sh",
                "-t1", "-c" + clients, "-d" + seconds + "s", "--timeout", "60s", "--latency",
                "-s", script.toString(), baseUrl).redirectErrorStream(true);
        pb.environment().put("BENCH_TOKEN", token);
        pb.environment().put("BENCH_PATHS", String.join(",", paths));
        pb.environment().put("BENCH_BODY", body);
        pb.environment().put("BENCH_TAG", tag);
        Process wrk = pb.start();
        // wrk prints only at its end, far less than a pipe holds: reading after the wait cannot block it.
        if (!wrk.waitFor(seconds + 90L, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            wrk.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("wrk did not stop within " + (seconds + 90) + " s: " + tag);
        }
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(log, "### " + tag + " -c" + clients + " " + String.join(",", paths) + "\n" + out + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        String line = out.lines().filter(l -> l.startsWith("BENCH ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result (" + tag + "):\n" + out));
        Map<String, Long> v = new HashMap<>();
        for (String pair : line.substring(6).trim().split(" ")) {
            String[] kv = pair.split("=");
            v.put(kv[0], Long.parseLong(kv[1]));
        }
        return new Result(v.get("requests"), v.get("duration_us") / 1e6, v.get("non2xx"),
                v.get("connect") + v.get("read") + v.get("write"), v.get("timeout"),
                v.get("p50_us") / 1e3, v.get("p90_us") / 1e3, v.get("p99_us") / 1e3, v.get("max_us") / 1e3,
                childTicks(out));
    }

    /** cutime + cstime (fields 16 and 17) of the shell's stat line. */
    private static long childTicks(String out) {
        return out.lines().filter(l -> l.startsWith("WRKCPU ")).findFirst().map(line -> {
            String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }).orElse(0L);
    }
}
