package org.tre.api.config;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read after a gap answers the rows Axon's own statement answers, and H2 reads them by an index
 * range instead of from the table's first event.
 */
class EventStoreOnTheDatabaseTest {

    private final EventSchema schema = EventSchema.builder().build();
    private Connection connection;

    @BeforeEach
    void store() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:gaps;DB_CLOSE_DELAY=-1");
        connection.createStatement().execute("CREATE TABLE DomainEventEntry (globalIndex BIGINT PRIMARY KEY,"
                + " eventIdentifier VARCHAR(64), aggregateIdentifier VARCHAR(64), sequenceNumber BIGINT,"
                + " type VARCHAR(64), timeStamp VARCHAR(64), payloadType VARCHAR(64), payloadRevision VARCHAR(64),"
                + " payload BLOB, metaData BLOB)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (globalIndex,"
                + " eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType) VALUES"
                + " (?, ?, 'a', ?, 't', 'now', 'p')")) {
            for (long i = 1; i <= 2000; i++) {
                if (i == 1990 || i == 1995) {
                    continue;
                }
                insert.setLong(1, i);
                insert.setString(2, "e" + i);
                insert.setLong(3, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.createStatement().execute("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier,"
                + " aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType) VALUES"
                + " (1995, 'e1995', 'b', 1, 't', 'now', 'p')");
    }

    @AfterEach
    void close() throws SQLException {
        connection.createStatement().execute("DROP ALL OBJECTS");
        connection.close();
    }

    @Test
    void aReadAfterGapsAnswersWhatAxonsStatementAnswers() throws SQLException {
        for (List<Long> gaps : List.of(List.of(1990L, 1995L), List.of(1995L), List.of(3L, 1990L))) {
            assertThat(indexes(EventStoreOnTheDatabase.readEventDataWithGaps(connection, schema, 1996, 3, gaps)))
                    .as("gaps %s", gaps)
                    .isEqualTo(indexes(JdbcEventStorageEngineStatements.readEventDataWithGaps(connection, schema, 1996,
                            3, gaps)))
                    .contains(1997L, 1998L, 1999L)
                    .doesNotContain(2000L);
        }
    }

    @Test
    void h2ReadsTheRowsAfterAGapByAnIndexRange() throws SQLException {
        PreparedStatement read = EventStoreOnTheDatabase.readEventDataWithGaps(connection, schema, 1996, 3,
                List.of(1990L, 1995L));
        String sql = read.toString().replaceFirst("^[^:]*: ", "").replaceFirst(" \\{.*$", "");
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            List<Long> values = List.of(1990L, 1999L, 1996L, 1990L, 1995L);
            for (int i = 0; i < values.size(); i++) {
                explain.setLong(i + 1, values.get(i));
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                assertThat(plan.getString(1)).containsPattern("PRIMARY_KEY_\\w*: GLOBALINDEX >= ");
            }
        }
    }

    private static List<Long> indexes(PreparedStatement statement) throws SQLException {
        List<Long> found = new ArrayList<>();
        try (statement; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getLong("globalIndex"));
            }
        }
        return found;
    }
}
