package org.tre.tre.dispensal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.messages.tre.DispensalQueueMessages.CreateDispensalQueueCommand;
import org.tre.messages.tre.DispensalQueueMessages.DispensalQueueCreatedEvent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A TRE's dispensal queue. It holds nothing yet: dispensals arrive with data access requests. It
 * exists from activation on so that their id, and the audit trail, are fixed from the start.
 */
@Aggregate
public class DispensalQueue {

    @AggregateIdentifier
    private String queueId;

    protected DispensalQueue() {
    }

    /**
     * Asked on every activation, and again by a provisioning retry after a lost answer: a queue that
     * exists already is left as it is, so it is created once whatever the saga knows.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateDispensalQueueCommand command) {
        if (queueId == null) {
            apply(new DispensalQueueCreatedEvent(command.queueId(), command.treId()));
        }
    }

    @EventSourcingHandler
    void on(DispensalQueueCreatedEvent event) {
        queueId = event.queueId();
    }
}
