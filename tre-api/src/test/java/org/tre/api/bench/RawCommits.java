package org.tre.api.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The physical floor: one row inserted and committed per transaction (autocommit off, a commit after
 * each insert), by N connections at once, on the database and durability setting the service uses.
 * The row is about the size of a small event (a 200-character payload).
 */
final class RawCommits {

    /** {@code otherCores}: what else kept the machine busy meanwhile (see the benchmark's header). */
    record Result(int connections, long commits, double seconds, double p50ms, double p99ms, double otherCores) {
        double perSecond() {
            return seconds > 0 ? commits / seconds : 0;
        }
    }

    private static final String PAYLOAD = "x".repeat(200);

    private final String url;
    private final String user;
    private final String password;
    private final LongSupplier databaseTicks;
    private final AtomicLong ids = new AtomicLong();

    /** {@code databaseTicks}: the CPU ticks of a database server apart from this JVM, or 0 for none. */
    RawCommits(String url, String user, String password, LongSupplier databaseTicks) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        this.databaseTicks = databaseTicks;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw_commit (id BIGINT PRIMARY KEY, payload VARCHAR(255) NOT NULL)");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** {@code warmup} seconds not counted, then {@code seconds} counted, on {@code connections} threads. */
    Result run(int connections, int warmup, int seconds) throws Exception {
        CyclicBarrier start = new CyclicBarrier(connections + 1);
        List<Worker> workers = new ArrayList<>();
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                Connection c = connect();
                open.add(c);
                c.setAutoCommit(false);
                workers.add(new Worker(c, start));
            }
            workers.forEach(Thread::start);
            long selfBefore = ProcStat.ticks(ProcessHandle.current().pid());
            long databaseBefore = databaseTicks.getAsLong();
            long[] hostBefore = ProcStat.host();
            long begin = System.nanoTime();
            long measureFrom = begin + warmup * 1_000_000_000L;
            long end = measureFrom + seconds * 1_000_000_000L;
            workers.forEach(w -> w.window(measureFrom, end));
            start.await();
            for (Worker w : workers) {
                w.join(seconds * 1000L + warmup * 1000L + 60_000L);
                if (w.isAlive()) {
                    w.interrupt();
                    throw new IllegalStateException("a raw-commit worker did not stop");
                }
                if (w.failure != null) {
                    throw w.failure;
                }
            }
            double elapsed = (System.nanoTime() - begin) / 1e9;
            long ownTicks = ProcStat.ticks(ProcessHandle.current().pid()) - selfBefore
                    + databaseTicks.getAsLong() - databaseBefore;
            double otherCores = Math.max(0, ProcStat.millis(ProcStat.host()[0] - hostBefore[0] - ownTicks))
                    / 1000 / elapsed;
            long commits = workers.stream().mapToLong(w -> w.count).sum();
            long[] all = new long[(int) commits];
            int at = 0;
            for (Worker w : workers) {
                System.arraycopy(w.latencies, 0, all, at, w.count);
                at += w.count;
            }
            Arrays.sort(all);
            return new Result(connections, commits, seconds, percentile(all, 50), percentile(all, 99), otherCores);
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    private static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, i)] / 1e6;
    }

    private final class Worker extends Thread {
        private final Connection connection;
        private final CyclicBarrier start;
        private long measureFrom;
        private long end;
        private long[] latencies = new long[4096];
        private int count;
        private Exception failure;

        Worker(Connection connection, CyclicBarrier start) {
            this.connection = connection;
            this.start = start;
            setDaemon(true);
        }

        void window(long measureFrom, long end) {
            this.measureFrom = measureFrom;
            this.end = end;
        }

        @Override
        public void run() {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO raw_commit (id, payload) VALUES (?, ?)")) {
                start.await();
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return;
                    }
                    insert.setLong(1, ids.incrementAndGet());
                    insert.setString(2, PAYLOAD);
                    insert.executeUpdate();
                    connection.commit();
                    long t1 = System.nanoTime();
                    // Counted only if it ran wholly inside the measured window.
                    if (t0 >= measureFrom && t1 <= end) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = t1 - t0;
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }
    }
}
