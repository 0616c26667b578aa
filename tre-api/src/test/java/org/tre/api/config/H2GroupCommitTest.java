package org.tre.api.config;

import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.RunningService;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class H2GroupCommitTest {

    /** The embedded default's options. */
    private static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final int CLIENTS = 8;
    private static final int COMMITS_EACH = 200;

    @TempDir
    Path dir;

    private final H2GroupCommit.OpenTransactions openTransactions = new H2GroupCommit.OpenTransactions();
    private final AtomicInteger writes = new AtomicInteger();
    private final ExecutorService committers = Executors.newFixedThreadPool(CLIENTS);

    @AfterEach
    void stopCommitters() {
        committers.shutdownNow();
    }

    @Test
    void everyCommitThatReturnedIsInTheFileWhenTheProcessDiesRightAfter() throws Exception {
        try (Connection open = newDatabase()) {
            List<Integer> answered = commitConcurrently(connections(new H2GroupCommit(database())));
            dieWithoutWriting(open);
            assertThat(answered).hasSize(CLIENTS * COMMITS_EACH);
        }
        assertThat(rowsAfterRestart()).isEqualTo(CLIENTS * COMMITS_EACH);
    }

    @Test
    void commitsThatDoNotWaitForTheirWriteAreLostSoTheCheckAboveCanFail() throws Exception {
        try (Connection open = newDatabase()) {
            List<Connection> unwaited = connections(database());
            // What the group commit tells H2, once the URL's WRITE_DELAY=0 was applied for every connection.
            storeOf(open).setAutoCommitDelay(H2GroupCommit.NO_WRITES_OF_ITS_OWN);
            commitConcurrently(unwaited);
            dieWithoutWriting(open);
        }
        assertThat(rowsAfterRestart()).isLessThan(CLIENTS * COMMITS_EACH);
    }

    @Test
    void commitsArrivingDuringAWriteShareTheNextOne() throws Exception {
        CountDownLatch firstWriteBegun = new CountDownLatch(1);
        CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
        H2GroupCommit.Writes turns = new H2GroupCommit.Writes(null, () -> {
            if (writes.incrementAndGet() == 1) {
                firstWriteBegun.countDown();
                awaitLatch(firstWriteMayEnd);
            }
        }, openTransactions, Duration.ZERO);

        Future<?> first = committers.submit(() -> turn(turns));
        firstWriteBegun.await();
        List<Future<?>> duringIt = new ArrayList<>();
        for (int i = 1; i < CLIENTS; i++) {
            duringIt.add(committers.submit(() -> turn(turns)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> turns.asked() == CLIENTS);
        firstWriteMayEnd.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> each : duringIt) {
            each.get(10, TimeUnit.SECONDS);
        }

        assertThat(writes.get()).isEqualTo(2);
    }

    @Test
    void aWriteWaitsForTheTransactionsOpenWhenItWasDueToCommitAndJoinIt() throws Exception {
        H2GroupCommit.Writes turns = countedWrites(Duration.ofSeconds(30));
        long stillOpen = openTransactions.begin();

        Future<?> first = committers.submit(() -> turn(turns));
        await().atMost(Duration.ofSeconds(10)).until(() -> turns.asked() == 1);
        // The transaction open when the write was due commits and asks in its turn.
        Future<?> second = committers.submit(() -> turn(turns));
        await().atMost(Duration.ofSeconds(10)).until(() -> turns.asked() == 2);
        openTransactions.end(stillOpen);
        turns.transactionEnded();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        assertThat(writes.get()).isEqualTo(1);
    }

    @Test
    void aTransactionBegunAfterTheWriteWasDueIsNotWaitedFor() throws Exception {
        H2GroupCommit.Writes turns = countedWrites(Duration.ofSeconds(30));
        long before = openTransactions.begin();

        Future<?> first = committers.submit(() -> turn(turns));
        await().atMost(Duration.ofSeconds(10)).until(() -> turns.asked() == 1);
        openTransactions.begin();
        openTransactions.end(before);
        turns.transactionEnded();
        first.get(10, TimeUnit.SECONDS);

        assertThat(writes.get()).isEqualTo(1);
    }

    @Test
    void aWriteWaitsForOpenTransactionsOnlyUpToTheGatheringTime() throws Exception {
        H2GroupCommit.Writes turns = countedWrites(Duration.ofMillis(50));
        openTransactions.begin();

        committers.submit(() -> turn(turns)).get(10, TimeUnit.SECONDS);

        assertThat(writes.get()).isEqualTo(1);
    }

    @Test
    void aTransactionThatOnlyReadsWritesNothing() throws Exception {
        try (Connection open = newDatabase(); Connection connection = new H2GroupCommit(database()).getConnection()) {
            insertAndCommit(connection, 1);
            MVStore store = storeOf(open);
            long before = store.getCurrentVersion();

            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM answered")) {
                rows.next();
            }
            connection.commit();

            assertThat(store.getCurrentVersion()).isEqualTo(before);
        }
    }

    @Test
    void aStatementInAutoCommitModeIsWrittenBeforeItReturns() throws Exception {
        try (Connection open = newDatabase()) {
            try (Connection connection = new H2GroupCommit(database()).getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO answered VALUES (7)");
                statement.executeUpdate("INSERT INTO answered VALUES (8)");
            }
            assertThat(storeOf(open).getAutoCommitDelay()).isEqualTo(H2GroupCommit.NO_WRITES_OF_ITS_OWN);
            dieWithoutWriting(open);
        }
        assertThat(rowsAfterRestart()).isEqualTo(2);
    }

    @Test
    void aDatabaseWithADelayOfItsOwnIsLeftToH2() throws Exception {
        JdbcDataSource delayed = new JdbcDataSource();
        delayed.setURL("jdbc:h2:file:" + dir.resolve("delayed") + ";WRITE_DELAY=500");
        try (Connection connection = new H2GroupCommit(delayed).getConnection()) {
            assertThat(connection.isWrapperFor(JdbcConnection.class)).isTrue();
            assertThat(java.lang.reflect.Proxy.isProxyClass(connection.getClass())).isFalse();
        }
    }

    @Test
    void theEmbeddedDefaultWritesCommitsInGroups(@TempDir Path dataDir) throws Exception {
        try (RunningService service = RunningService.start("tre.data-dir=" + dataDir)) {
            try (Connection connection = service.bean(DataSource.class).getConnection()) {
                assertThat(storeOf(connection).getAutoCommitDelay()).isEqualTo(H2GroupCommit.NO_WRITES_OF_ITS_OWN);
            }
        }
    }

    private static List<Connection> connections(DataSource dataSource) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            connections.add(dataSource.getConnection());
        }
        return connections;
    }

    /** Each client commits its own rows on its own connection, and the ids of the commits that returned. */
    private static List<Integer> commitConcurrently(List<Connection> connections) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(connections.size());
        try {
            List<Future<List<Integer>>> each = new ArrayList<>();
            for (int client = 0; client < connections.size(); client++) {
                int first = client * COMMITS_EACH;
                Connection connection = connections.get(client);
                each.add(clients.submit(() -> {
                    List<Integer> answered = new ArrayList<>();
                    try (connection) {
                        for (int id = first; id < first + COMMITS_EACH; id++) {
                            insertAndCommit(connection, id);
                            answered.add(id);
                        }
                    }
                    return answered;
                }));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<List<Integer>> client : each) {
                answered.addAll(client.get());
            }
            return answered;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Writes that only count themselves, gathering the test's open transactions. */
    private H2GroupCommit.Writes countedWrites(Duration gathering) {
        return new H2GroupCommit.Writes(null, writes::incrementAndGet, openTransactions, gathering);
    }

    private static Void turn(H2GroupCommit.Writes turns) throws SQLException {
        turns.awaitWrite();
        return null;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void insertAndCommit(Connection connection, int id) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO answered VALUES (?)")) {
            insert.setInt(1, id);
            insert.executeUpdate();
        }
        connection.commit();
    }

    /** What a SIGKILL leaves: H2 closes the file with nothing more written. */
    private static void dieWithoutWriting(Connection open) throws SQLException {
        try (Statement statement = open.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        }
    }

    private int rowsAfterRestart() throws SQLException {
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM answered")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** A connection kept open for the test: H2 closes a database, writing it, with its last connection. */
    private Connection newDatabase() throws SQLException {
        Connection open = database().getConnection();
        try (Statement statement = open.createStatement()) {
            statement.execute("CREATE TABLE answered (id INT PRIMARY KEY)");
        }
        return open;
    }

    private JdbcDataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("db") + OPTIONS);
        dataSource.setUser("sa");
        return dataSource;
    }

    private static MVStore storeOf(Connection connection) throws SQLException {
        return EmbeddedH2.storeOf(connection);
    }
}
