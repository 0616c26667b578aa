package org.tre.api.config;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.tre.directory.workflow.Refusals;
import org.tre.messages.error.DxError;
import org.tre.messages.error.DxException;

/**
 * Under Axon Server the instance that handles a command is not the one that answers the request, and
 * Axon Server would hand a refusal back as a bare message, which the gateway could only answer with
 * InternalError. A refusal leaves its handler as an execution exception whose details are the
 * {@link DxError}, which DxErrors turns back into the same DNAnexus error; so does a command for an
 * entity that does not exist, which its aggregate's repository refuses before any handler runs.
 */
@Configuration
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
public class RefusalsAcrossInstances {

    /**
     * Commands' refusals are translated too, but registered by WritePath, outside the interceptors that
     * can refuse a command before its handler runs.
     */
    @Autowired
    void carryRefusals(QueryBus queries) {
        queries.registerHandlerInterceptor(queryRefusals());
    }

    public static MessageHandlerInterceptor<CommandMessage<?>> commandRefusals() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (DxException refusal) {
                throw new CommandExecutionException(refusal.getMessage(), null, DxError.of(refusal));
            } catch (AggregateNotFoundException missing) {
                // A command to an id that names nothing: the caller's ResourceNotFound, not the service's fault.
                DxException refusal = Refusals.notFound(missing);
                throw new CommandExecutionException(refusal.getMessage(), null, DxError.of(refusal));
            }
        };
    }

    public static MessageHandlerInterceptor<QueryMessage<?, ?>> queryRefusals() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (DxException refusal) {
                throw new QueryExecutionException(refusal.getMessage(), null, DxError.of(refusal));
            }
        };
    }
}
