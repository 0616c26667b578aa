package org.tre.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** CPU time from /proc: of one process, of a process and everything below it, and of the machine. */
final class ProcStat {

    /** Clock ticks per second, as {@code getconf CLK_TCK} tells (the unit of /proc/<pid>/stat's times). */
    static final long CLK_TCK = clockTicks();

    private ProcStat() {
    }

    /** utime + stime of one process (all its threads), in clock ticks. */
    static long ticks(long pid) {
        long[] t = times(pid);
        return t[0] + t[1];
    }

    /**
     * utime + stime + cutime + cstime of a process and of every live descendant. A child that exited in
     * between was reaped into its parent's cutime/cstime, so every tick is counted once at any moment:
     * this is how PostgreSQL's backends (children of the postmaster) are summed.
     */
    static long treeTicks(long pid) {
        long[] own = times(pid);
        long sum = own[0] + own[1] + own[2] + own[3];
        var root = ProcessHandle.of(pid);
        if (root.isPresent()) {
            for (ProcessHandle child : (Iterable<ProcessHandle>) root.get().descendants()::iterator) {
                long[] t = times(child.pid());
                sum += t[0] + t[1] + t[2] + t[3];
            }
        }
        return sum;
    }

    /** The machine's busy and total ticks over all cores, from the first line of /proc/stat. */
    static long[] host() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException e) {
            return new long[]{0, 0};
        }
    }

    /** utime, stime, cutime, cstime (fields 14 to 17); zeros for a process that is gone. */
    private static long[] times(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return new long[]{Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                    Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (!getconf.waitFor(10, TimeUnit.SECONDS)) {
                getconf.destroyForcibly();
                throw new IllegalStateException("getconf CLK_TCK did not answer");
            }
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new IllegalStateException("getconf CLK_TCK failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double millis(long ticks) {
        return ticks * 1000.0 / CLK_TCK;
    }
}
