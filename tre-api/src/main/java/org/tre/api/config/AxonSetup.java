package org.tre.api.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tre.directory.audit.AuditContext;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** How the Axon parts are wired for the embedded default: one JVM, one database, one transaction. */
@Configuration
public class AxonSetup {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Keeps Axon's correlation and trace ids beside ours: defining any provider replaces the default. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Copies who asked and which request onto every message a handled message causes. */
    @Bean
    public CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(AuditContext.USER_ID, AuditContext.REQUEST_ID);
    }

    /**
     * Projections run in the command's transaction, so describe shows a command's effect as soon as
     * its response is sent, and a projection that fails (a unique key, say) rolls the command back
     * instead of being logged and skipped.
     */
    @Bean
    public ConfigurerModule subscribingProjections() {
        return configurer -> configurer.eventProcessing()
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** Adds {@code userId} and {@code requestId} to commands sent while serving a request. */
    @Configuration
    static class AuditMetadataRegistration {
        @Autowired
        void stampCommandsWithTheirRequest(CommandBus commandBus) {
            commandBus.registerDispatchInterceptor(new AuditMetadata());
        }
    }

    static final class AuditMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                AuditContext.Actor actor = AuditContext.current();
                if (actor == null || command.getMetaData().containsKey(AuditContext.USER_ID)) {
                    return command;
                }
                Map<String, Object> audit = new HashMap<>();
                audit.put(AuditContext.USER_ID, actor.userId());
                audit.put(AuditContext.REQUEST_ID, actor.requestId());
                return command.andMetaData(audit);
            };
        }
    }
}
