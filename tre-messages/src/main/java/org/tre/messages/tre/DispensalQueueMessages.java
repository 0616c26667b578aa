package org.tre.messages.tre;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The dispensal queue activation creates for a TRE: where data access requests' dispensals will wait. */
public final class DispensalQueueMessages {

    private DispensalQueueMessages() {
    }

    public record CreateDispensalQueueCommand(@TargetAggregateIdentifier String queueId, String treId) {
    }

    public record DispensalQueueCreatedEvent(String queueId, String treId) {
    }
}
