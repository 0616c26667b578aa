package org.tre.api.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The event store in the service's database (without Axon Server), as Axon's JDBC auto-configuration
 * builds it, but for how streaming processors read events after a gap. Axon asks for
 * {@code (index > ? AND index <= ?) OR index IN (gaps)}, and a gap is there whenever concurrent
 * commands commit out of order; H2 runs that OR as a walk of the whole table from its first event,
 * so every read of every processor grew with the store's size. The same rows, bounded by the lowest
 * gap and the batch's end (gaps are always below the token's index), are an index range scan on
 * H2 and PostgreSQL alike.
 */
@Configuration
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventStoreOnTheDatabase {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 ObjectProvider<PersistenceExceptionResolver> persistenceExceptions,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 ObjectProvider<EventSchema> schemas) {
        // Axon leaves out its schema and error resolver once an engine is defined: their defaults here.
        PersistenceExceptionResolver persistenceExceptionResolver = persistenceExceptions
                .getIfAvailable(JdbcSQLErrorCodesResolver::new);
        EventSchema eventSchema = schemas.getIfAvailable(() -> EventSchema.builder().build());
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .readEventDataWithGaps(EventStoreOnTheDatabase::readEventDataWithGaps)
                .build();
    }

    static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                   int batchSize, List<Long> gaps) throws SQLException {
        String index = schema.globalIndexColumn();
        long lowest = gaps.isEmpty() ? globalIndex + 1 : Math.min(globalIndex + 1, Collections.min(gaps));
        String sql = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + index + " >= ? AND " + index + " <= ? AND (" + index + " > ? OR " + index + " IN ("
                + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")) ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, lowest);
        statement.setLong(2, globalIndex + batchSize);
        statement.setLong(3, globalIndex);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 4, gaps.get(i));
        }
        return statement;
    }
}
