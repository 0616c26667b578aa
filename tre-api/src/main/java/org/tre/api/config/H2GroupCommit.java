package org.tre.api.config;

import org.h2.engine.SessionLocal;
import org.h2.mvstore.MVStore;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the embedded file database: a commit is written to the file before it returns, as
 * {@code WRITE_DELAY=0} asks, but the commits that arrive while one write is under way share the next
 * write instead of taking one each.
 *
 * <p>With no delay H2 writes a chunk at every commit, one after the other under its store lock, and
 * that write was about a quarter of a command's CPU under load. H2's delay batches them but answers before
 * the write, which an answered write cannot afford. Here H2 is told to write nothing on its own
 * (an auto-commit delay of -1, which starts no background writer either), and a connection's commit
 * returns once a write that began after the commit's changes were made has reached the file. The first
 * committer to find no write under way makes the write for everyone waiting; the others wait for it.
 * A write holds everything committed before it, so the file is always a prefix of the answered
 * commits and a crash loses only commits nobody was told of.
 *
 * <p>A write waits up to {@link #GATHERING} for the transactions that were open when it was due to
 * commit and join it, as PostgreSQL's {@code commit_delay} does: without that wait, on two cores, few
 * commits arrive during a write of a fraction of a millisecond. Transactions begun later (the side
 * effects a commit sets off, say) are not waited for, and with none open it writes at once.
 *
 * <p>Only a commit that changed something waits. A statement run in auto-commit mode (no transaction)
 * that may have changed something waits after it runs. A database opened with a delay of its own is
 * left to H2.
 */
final class H2GroupCommit extends DelegatingDataSource {

    /** H2's store setting that neither writes at a commit nor starts its background writer. */
    static final int NO_WRITES_OF_ITS_OWN = -1;

    /** How long a write waits at most for the transactions open when it was due. */
    static final Duration GATHERING = Duration.ofMillis(1);

    private final OpenTransactions openTransactions = new OpenTransactions();
    private volatile Writes writes = new Writes(null, openTransactions);

    /** The pool, with each connection's commits written in groups where it is an embedded H2 file. */
    H2GroupCommit(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return writtenInGroups(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return writtenInGroups(super.getConnection(username, password));
    }

    private Connection writtenInGroups(Connection connection) throws SQLException {
        SessionLocal session = EmbeddedH2.sessionOf(connection).orElse(null);
        if (session == null) {
            return connection;
        }
        MVStore store = EmbeddedH2.storeOf(session);
        if (store.getFileStore() == null || store.getAutoCommitDelay() > 0) {
            return connection;
        }
        // H2 applies the URL's WRITE_DELAY=0 again at each connection it opens, so this is asked at each.
        if (store.getAutoCommitDelay() == 0) {
            store.setAutoCommitDelay(NO_WRITES_OF_ITS_OWN);
        }
        return (Connection) Proxy.newProxyInstance(H2GroupCommit.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new CommitsWaitForTheirWrite(connection, session));
    }

    /** The writes of the session's store: a database closed and opened again has a new one. */
    private Writes writesOf(SessionLocal session) {
        MVStore store = EmbeddedH2.storeOf(session);
        Writes known = writes;
        if (known.store == store) {
            return known;
        }
        synchronized (this) {
            if (writes.store != store) {
                writes = new Writes(store, openTransactions);
            }
            return writes;
        }
    }

    /** The transactions under way on the connections, in the order they began. */
    static final class OpenTransactions {
        private final AtomicLong begun = new AtomicLong();
        private final ConcurrentSkipListSet<Long> open = new ConcurrentSkipListSet<>();

        long begin() {
            long transaction = begun.incrementAndGet();
            open.add(transaction);
            return transaction;
        }

        void end(long transaction) {
            open.remove(transaction);
        }

        /** How many transactions have begun so far: those of this number and below began before. */
        long begunSoFar() {
            return begun.get();
        }

        /** Whether a transaction that began at or before {@code mark} is still under way. */
        boolean anyBegunBy(long mark) {
            Long oldest = open.ceiling(Long.MIN_VALUE);
            return oldest != null && oldest <= mark;
        }
    }

    /** Whose turn it is to write, for one store. */
    static final class Writes {
        private final MVStore store;
        private final Write write;
        private final OpenTransactions openTransactions;
        private final long gatheringNanos;
        private final ReentrantLock lock = new ReentrantLock();
        /** Signalled when a write ends: whoever it covered returns, and someone takes the next one. */
        private final Condition writeEnded = lock.newCondition();
        /** Signalled when a transaction ends while a write gathers them; only the writer waits on it. */
        private final Condition transactionEnded = lock.newCondition();
        private long asked;
        private long written;
        private boolean writing;
        private volatile boolean gathering;

        Writes(MVStore store, OpenTransactions openTransactions) {
            this(store, () -> {
                store.commit();
                if (store.getPanicException() != null) {
                    throw new SQLException("The database failed before the commit was written",
                            store.getPanicException());
                }
            }, openTransactions, GATHERING);
        }

        Writes(MVStore store, Write write, OpenTransactions openTransactions, Duration gathering) {
            this.store = store;
            this.write = write;
            this.openTransactions = openTransactions;
            this.gatheringNanos = gathering.toNanos();
        }

        /** How many commits have asked for a write so far. */
        long asked() {
            lock.lock();
            try {
                return asked;
            } finally {
                lock.unlock();
            }
        }

        /** Returns once a write that began after this call has put the store's changes in the file. */
        void awaitWrite() throws SQLException {
            long upTo;
            lock.lock();
            try {
                long mine = ++asked;
                // The commit is made: its caller must not take it for failed, so waits are not interrupted.
                while (writing && written < mine) {
                    writeEnded.awaitUninterruptibly();
                }
                if (written >= mine) {
                    return;
                }
                writing = true;
                gatherOpenTransactions();
                upTo = asked;
            } finally {
                lock.unlock();
            }
            writeFor(upTo);
        }

        /** A transaction has ended: the write gathering the open ones may be due now. */
        void transactionEnded() {
            if (gathering) {
                lock.lock();
                try {
                    transactionEnded.signal();
                } finally {
                    lock.unlock();
                }
            }
        }

        /** Holding the lock, which waiting releases for the committers to ask meanwhile. */
        private void gatherOpenTransactions() {
            long due = openTransactions.begunSoFar();
            long left = gatheringNanos;
            gathering = true;
            try {
                while (left > 0 && openTransactions.anyBegunBy(due)) {
                    try {
                        left = transactionEnded.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } finally {
                gathering = false;
            }
        }

        /**
         * Without the lock, so that the commits made meanwhile queue for the next write. Not with the
         * thread marked interrupted: H2's file channel would close at the mark, and the database with it,
         * for every committer this write is for.
         */
        private void writeFor(long upTo) throws SQLException {
            boolean done = false;
            boolean interrupted = Thread.interrupted();
            try {
                write.run();
                done = true;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                lock.lock();
                try {
                    writing = false;
                    if (done) {
                        written = Math.max(written, upTo);
                    }
                    writeEnded.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Writes everything changed so far to the file. */
    interface Write {
        void run() throws SQLException;
    }

    private final class CommitsWaitForTheirWrite implements InvocationHandler {
        private final Connection connection;
        private final SessionLocal session;
        private boolean autoCommit;
        /** The transaction under way on this connection (OpenTransactions' number), 0 for none. */
        private long transaction;

        CommitsWaitForTheirWrite(Connection connection, SessionLocal session) throws SQLException {
            this.connection = connection;
            this.session = session;
            this.autoCommit = connection.getAutoCommit();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> {
                    boolean changed = session.hasPendingTransaction();
                    call(connection, method, args);
                    ended();
                    awaitWriteIf(changed);
                    return null;
                }
                case "setAutoCommit" -> {
                    boolean on = (boolean) args[0];
                    // Turning auto-commit on commits what is open.
                    boolean changed = !autoCommit && on && session.hasPendingTransaction();
                    call(connection, method, args);
                    if (autoCommit && !on && transaction == 0) {
                        transaction = openTransactions.begin();
                    } else if (on) {
                        ended();
                    }
                    autoCommit = on;
                    awaitWriteIf(changed);
                    return null;
                }
                case "rollback", "close" -> {
                    try {
                        return call(connection, method, args);
                    } finally {
                        if (args == null) {
                            ended();
                        }
                    }
                }
                case "createStatement", "prepareStatement", "prepareCall" -> {
                    Object statement = call(connection, method, args);
                    return autoCommit && !isQuery(args) ? writtenAfterEachRun(statement, method.getReturnType())
                            : statement;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    return call(connection, method, args);
                }
            }
        }

        private void ended() {
            if (transaction != 0) {
                openTransactions.end(transaction);
                transaction = 0;
                writesOf(session).transactionEnded();
            }
        }

        private void awaitWriteIf(boolean changed) throws SQLException {
            if (changed) {
                writesOf(session).awaitWrite();
            }
        }

        private Object writtenAfterEachRun(Object statement, Class<?> type) {
            return Proxy.newProxyInstance(H2GroupCommit.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        Object result = call(statement, method, args);
                        awaitWriteIf(mayHaveWritten(method, result) && connection.getAutoCommit());
                        return result;
                    });
        }
    }

    /** A statement prepared from a SELECT: in auto-commit mode it commits nothing worth a write. */
    private static boolean isQuery(Object[] args) {
        return args != null && args.length > 0 && args[0] instanceof String sql
                && sql.stripLeading().regionMatches(true, 0, "select", 0, 6);
    }

    /** Any run but a query's: {@code execute} answers true when its first result is rows. */
    private static boolean mayHaveWritten(Method method, Object result) {
        String name = method.getName();
        return name.startsWith("execute") && !name.equals("executeQuery")
                && !(name.equals("execute") && Boolean.TRUE.equals(result));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
