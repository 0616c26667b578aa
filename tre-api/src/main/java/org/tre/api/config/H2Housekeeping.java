package org.tre.api.config;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * H2's housekeeping for the embedded database, which its {@code WRITE_DELAY=0} turns off. H2 writes
 * each commit (or each group of them, H2GroupCommit) as a new chunk at the file's free space, and only
 * its background writer rewrites the live pages out of chunks that have become mostly dead, so that
 * their space can be reused. With every commit written before it returns, which an answered write
 * needs, H2 starts no background writer:
 * chunks that keep a few live pages are never freed, the file grew by about 30 KB a command without
 * end, and each commit got slower as H2 searched a growing file for free space. This rewrites on a
 * thread of its own, with H2's own thresholds under load, and changes nothing of when a commit is
 * written. Where H2's writer runs (a delay set) or there is no file (in memory), it does nothing.
 */
@Component
@ConditionalOnClass(MVStore.class)
public class H2Housekeeping implements SmartLifecycle {

    static final Duration EVERY = Duration.ofMillis(200);
    /** Below this share of live data across the chunks, some are rewritten (H2's 90 % squared, under load). */
    static final int TARGET_FILL_RATE = 81;
    /** At most this much live data rewritten a turn, the quarter of H2's commit buffer that its writer takes under load. */
    static final int WRITE_LIMIT = 4 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private ScheduledExecutorService thread;

    public H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void start() {
        fileStoreWithoutWriter().ifPresent(store -> {
            thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, "h2-housekeeping");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(() -> rewrite(store), EVERY.toMillis(), EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    static void rewrite(MVStore store) {
        try {
            if (store.isClosed()) {
                return;
            }
            store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
        } catch (MVStoreException | IllegalStateException closing) {
            LOG.debug("H2 housekeeping skipped: {}", closing.toString());
        }
    }

    /** The embedded file database's store, if H2 runs no writer of its own for it. */
    private Optional<MVStore> fileStoreWithoutWriter() {
        try (Connection connection = dataSource.getConnection()) {
            return EmbeddedH2.sessionOf(connection).map(EmbeddedH2::storeOf)
                    .filter(store -> store.getFileStore() != null && store.getAutoCommitDelay() <= 0);
        } catch (SQLException notEmbedded) {
            LOG.debug("No embedded H2 store to keep: {}", notEmbedded.toString());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
