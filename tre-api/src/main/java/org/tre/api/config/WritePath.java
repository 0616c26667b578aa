package org.tre.api.config;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writers queue for an aggregate without holding what the aggregate's current writer needs.
 *
 * <p>Axon's command bus begins the transaction when the unit of work starts, and the aggregate's
 * lock is taken later, when the handler loads it. Were the connection taken with the transaction,
 * every queued writer would hold a pool connection while it waits, and the writer holding the lock
 * could find no connection left for what it still has to do.
 */
@Configuration
public class WritePath {

    /** Writers of one aggregate take turns in arrival order (OneWriterPerAggregate). */
    @Autowired
    void serveEachAggregateInArrivalOrder(CommandBus commandBus,
                                          @Value("${tre.command-turn-wait:10s}") Duration wait) {
        commandBus.registerHandlerInterceptor(new OneWriterPerAggregate(wait));
    }

    /** A transaction takes its pool connection at its first statement, so a wait for a lock takes none. */
    @Bean
    static BeanPostProcessor connectionsTakenAtFirstStatement() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource pool ? new LazyConnectionDataSourceProxy(pool) : bean;
            }
        };
    }

    /**
     * Snapshots are taken on a thread of their own after the command's commit, so no command waits
     * for one, nor holds its aggregate's lock while one is written. A snapshot is only a shortcut for
     * loading: when the queue is full one is skipped, and the aggregate's next trigger takes it.
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration axon,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(axon::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotThread())
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    public ExecutorService snapshotThread() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(256),
                runnable -> {
                    Thread thread = new Thread(runnable, "snapshotter");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.DiscardPolicy());
    }
}
