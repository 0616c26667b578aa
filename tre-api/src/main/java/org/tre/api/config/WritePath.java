package org.tre.api.config;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Writers of one aggregate take turns in arrival order (OneWriterPerAggregate), inside the
     * translation of refusals for Axon Server where it applies (commandHandling says why in that order).
     * Both are registered here, in one place, because a command bus calls its handler interceptors in the
     * order they were registered, and two configurations would register in whatever order Spring made them.
     */
    @Autowired
    void serveEachAggregateInArrivalOrder(CommandBus commandBus,
                                          @Value("${axon.axonserver.enabled:false}") boolean acrossInstances,
                                          @Value("${tre.command-turn-wait:10s}") Duration wait,
                                          CommandTargetResolver targets) {
        commandHandling(acrossInstances, wait, targets).forEach(commandBus::registerHandlerInterceptor);
    }

    /**
     * The interceptors a command's handling passes, outermost first. Where Axon Server carries the answer
     * to another instance, the translation of refusals (RefusalsAcrossInstances) comes first, so that it
     * also catches the refusals the interceptors after it make: a turn not granted within the wait is
     * ServiceUnavailable, and outside the translation it would reach the gateway as a bare message,
     * answered InternalError, which clients report as the service's fault instead of retrying it.
     */
    static List<MessageHandlerInterceptor<? super CommandMessage<?>>> commandHandling(
            boolean acrossInstances, Duration wait, CommandTargetResolver targets) {
        List<MessageHandlerInterceptor<? super CommandMessage<?>>> chain = new ArrayList<>();
        if (acrossInstances) {
            chain.add(RefusalsAcrossInstances.commandRefusals());
        }
        chain.add(new OneWriterPerAggregate(wait, targets));
        return List.copyOf(chain);
    }

    /** How Axon's aggregate command handlers find a command's aggregate (Axon takes it as a component). */
    @Bean
    public static CommandTargetResolver commandTargets() {
        return new CommandTargets();
    }

    /**
     * A transaction takes its pool connection at its first statement, so a wait for a lock takes none;
     * on the embedded database, commits are written in groups (H2GroupCommit).
     */
    @Bean
    static BeanPostProcessor connectionsTakenAtFirstStatement() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof HikariDataSource pool)) {
                    return bean;
                }
                String url = pool.getJdbcUrl();
                return new LazyConnectionDataSourceProxy(url != null && url.startsWith("jdbc:h2:")
                        ? new H2GroupCommit(pool) : pool);
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
