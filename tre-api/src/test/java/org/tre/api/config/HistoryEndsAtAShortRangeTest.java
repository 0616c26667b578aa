package org.tre.api.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tre.api.config.EventStoreOnTheDatabase.HistoryEndsAtAShortRange;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An aggregate's history is read whole, in ranges a batch wide, and a short range ends the read. */
class HistoryEndsAtAShortRangeTest {

    private static final int BATCH = 100;

    private final Connection connection = open();
    private final AtomicInteger statements = new AtomicInteger();

    @AfterEach
    void close() throws SQLException {
        connection.createStatement().execute("DROP ALL OBJECTS");
        connection.close();
    }

    @Test
    void theWholeHistoryIsReadAcrossFullRanges() {
        JdbcEventStorageEngine store = store(new HistoryEndsAtAShortRange(builder()));
        append(store, "a", 250);
        append(store, "b", 3);

        assertThat(store.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(LongStream.range(0, 250).boxed().toList());
        assertThat(store.readEvents("a", 200).asStream().count()).isEqualTo(50);
        assertThat(store.readEvents("b").asStream().count()).isEqualTo(3);
    }

    @Test
    void aShortRangeEndsTheReadWithoutAskingAgain() {
        JdbcEventStorageEngine ours = store(new HistoryEndsAtAShortRange(builder()));
        append(ours, "a", 150);
        assertThat(statementsToRead(ours, "a")).isEqualTo(2);

        JdbcEventStorageEngine axons = store(builder().build());
        assertThat(statementsToRead(axons, "a")).as("Axon's engine, which asks until a range is empty")
                .isEqualTo(3);
    }

    @Test
    void aHistoryOfExactlyFullRangesEndsAtTheEmptyOneAfterThem() {
        JdbcEventStorageEngine store = store(new HistoryEndsAtAShortRange(builder()));
        append(store, "a", 2 * BATCH);

        assertThat(statementsToRead(store, "a")).isEqualTo(3);
        assertThat(store.readEvents("a").asStream().count()).isEqualTo(2 * BATCH);
    }

    private int statementsToRead(JdbcEventStorageEngine store, String aggregate) {
        statements.set(0);
        assertThat(store.readEvents(aggregate).asStream().count()).isPositive();
        return statements.get();
    }

    private JdbcEventStorageEngine store(JdbcEventStorageEngine engine) {
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        return engine;
    }

    private static void append(JdbcEventStorageEngine store, String aggregate, int events) {
        List<DomainEventMessage<?>> history = LongStream.range(0, events)
                .<DomainEventMessage<?>>mapToObj(n -> new GenericDomainEventMessage<>("Tre", aggregate, n, "event " + n))
                .toList();
        store.appendEvents(history);
    }

    private JdbcEventStorageEngine.Builder builder() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(countingStatements())
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(BATCH);
    }

    /** The one connection, kept open between calls, counting the statements prepared on it. */
    private ConnectionProvider countingStatements() {
        return () -> (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    if (method.getName().equals("prepareStatement")) {
                        statements.incrementAndGet();
                    }
                    return method.invoke(connection, args);
                });
    }

    private static Connection open() {
        try {
            return DriverManager.getConnection("jdbc:h2:mem:history;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
