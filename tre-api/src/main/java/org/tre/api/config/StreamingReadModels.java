package org.tre.api.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tre.api.roles.Role;
import org.tre.api.roles.Roles;
import org.tre.directory.audit.AuditContext;
import org.tre.query.tre.TreProjection;
import org.tre.tre.access.TreAccessReconciler;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Where the TRE read model is not written in the command's transaction ({@code tre.read-models:
 * streaming}, which Axon Server needs: the query role never sees TRE events published locally), it
 * follows the store on its own processor, and read-your-writes is kept by waiting for it: a request
 * that sent a command answers once the read model has reached the store's head, and the grant
 * reconciler, which reads the TRE read model, handles an event only once the read model has.
 *
 * <p>Positions are read from the token store's table, not from a local processor: in the split
 * deployment the processor runs in another instance.
 */
@Configuration
public class StreamingReadModels {

    public static final String PROPERTY = "tre.read-models";
    public static final String STREAMING = "streaming";

    private static final Logger LOG = LoggerFactory.getLogger(StreamingReadModels.class);
    private static final String TRE_READ_MODEL = TreProjection.PROCESSING_GROUP;
    /** As the side-effect processors' batch-size (application.yml): one transaction for what is there. */
    private static final int BATCH_SIZE = 100;
    private static final ThreadLocal<Boolean> WROTE = new ThreadLocal<>();

    private final boolean streaming;
    private final Roles roles;
    private final Duration timeout;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StreamingReadModels(Environment environment, @Lazy EventStore events, JdbcTemplate jdbc,
                               @Lazy Serializer serializer,
                               @Value("${tre.read-models-catch-up-timeout:10s}") Duration timeout) {
        String mode = environment.getProperty(PROPERTY, "in-transaction");
        if (!mode.equals(STREAMING) && !mode.equals("in-transaction")) {
            throw new IllegalArgumentException(PROPERTY + ": '" + mode + "' is neither in-transaction nor streaming");
        }
        this.streaming = mode.equals(STREAMING);
        this.roles = Roles.of(environment);
        this.events = events;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.timeout = timeout;
    }

    public boolean streaming() {
        return streaming;
    }

    /** The TRE read model on a tracking processor of its own, started only where the query role runs. */
    @Bean
    public ConfigurerModule treReadModelProcessor() {
        return configurer -> {
            if (!streaming) {
                return;
            }
            configurer.eventProcessing()
                    .registerEventHandler(c -> new EveryEventMovesTheReadModel())
                    .registerTrackingEventProcessor(TRE_READ_MODEL)
                    .registerTrackingEventProcessorConfiguration(TRE_READ_MODEL, c ->
                            TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(BATCH_SIZE)
                                    .andAutoStart(roles.has(Role.query)))
                    .registerHandlerInterceptor(TreAccessReconciler.PROCESSING_GROUP,
                            c -> reconcileAfterTheReadModel());
        };
    }

    /**
     * The read model's position is what requests wait on. A processor that meets only events it does
     * not handle stores its position late (after its wait for more events, up to a second): handling
     * every event, if only to ignore it, stores the position as soon as each batch is done.
     */
    @ProcessingGroup(TRE_READ_MODEL)
    static final class EveryEventMovesTheReadModel {
        @EventHandler
        void on(Object eventOfAnotherContext) {
            // Nothing to project: the TRE read model's handlers take the TRE's events.
        }
    }

    /** Marks the request thread that sends a command, so its request knows to wait. */
    @Configuration
    static class CommandsSent {
        @Autowired
        void noteCommandsSent(CommandBus commandBus) {
            commandBus.registerDispatchInterceptor(new MessageDispatchInterceptor<CommandMessage<?>>() {
                @Override
                public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                        List<? extends CommandMessage<?>> messages) {
                    return (index, command) -> {
                        if (AuditContext.current() != null) {
                            WROTE.set(Boolean.TRUE);
                        }
                        return command;
                    };
                }
            });
        }
    }

    /** Runs a request's work; if it sent a command, returns only once the read model shows it. */
    public <T> T answerAfterItsWrites(Supplier<T> work) {
        if (!streaming) {
            return work.get();
        }
        WROTE.remove();
        try {
            return work.get();
        } finally {
            if (Boolean.TRUE.equals(WROTE.get())) {
                WROTE.remove();
                awaitHead();
            }
        }
    }

    /** The write has succeeded whatever happens here: a failure to wait is logged, never answered. */
    private void awaitHead() {
        try {
            awaitReadModelAt(StorePositions.head(events));
        } catch (RuntimeException e) {
            LOG.warn("Could not wait for the TRE read model: {}", e.toString());
        }
    }

    private MessageHandlerInterceptor<EventMessage<?>> reconcileAfterTheReadModel() {
        return (unitOfWork, chain) -> {
            if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked) {
                awaitReadModelAt(StorePositions.of(tracked.trackingToken()));
            }
            return chain.proceed();
        };
    }

    /**
     * Waits until every segment of the TRE read model has passed {@code position}. A read model that
     * does not get there in time is logged and the caller goes on: the write itself has succeeded.
     */
    void awaitReadModelAt(OptionalLong position) {
        if (position.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (readModelPosition() < position.getAsLong()) {
            if (System.nanoTime() > deadline) {
                LOG.warn("The TRE read model did not reach position {} within {}; answering anyway",
                        position.getAsLong(), timeout);
                return;
            }
            sleep(pause);
            pause = Math.min(pause * 2, 50);
        }
    }

    /** The slowest segment's position; -1 before the processor has stored a token. */
    long readModelPosition() {
        List<OptionalLong> positions = jdbc.query(
                "SELECT token, tokentype FROM tokenentry WHERE processorname = ?",
                (rs, n) -> StorePositions.of(token(rs.getBytes("token"), rs.getString("tokentype"))), TRE_READ_MODEL);
        long slowest = positions.isEmpty() ? -1 : Long.MAX_VALUE;
        for (OptionalLong position : positions) {
            slowest = Math.min(slowest, position.orElse(-1));
        }
        return slowest;
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        SerializedType serializedType = new SimpleSerializedType(type, null);
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, serializedType));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the TRE read model", e);
        }
    }
}
