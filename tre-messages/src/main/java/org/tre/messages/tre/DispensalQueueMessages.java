package org.tre.messages.tre;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * A TRE's dispensal queue (DECISIONS.md §15 "Dispensal"): created at activation, it holds the TRE's
 * dispensal jobs in the order they were asked for and lets one run at a time.
 */
public final class DispensalQueueMessages {

    private DispensalQueueMessages() {
    }

    public record CreateDispensalQueueCommand(@TargetAggregateIdentifier String queueId, String treId) {
    }

    public record DispensalQueueCreatedEvent(String queueId, String treId) {
    }

    /** A job joins the end of the queue; asked again, it stays where it is. */
    public record QueueDispensalCommand(@TargetAggregateIdentifier String queueId, String treId, String jobId,
                                        String requestId, String projectId, List<String> fields, String cohort,
                                        String requestedBy) {
    }

    public record DispensalQueuedEvent(String queueId, String treId, String jobId, String requestId,
                                       String projectId, List<String> fields, String cohort, String requestedBy) {
    }

    /** The job heads the queue and nothing else of the TRE runs: it may start now. */
    public record DispensalStartedEvent(String queueId, String treId, String jobId, String requestId,
                                        String projectId, List<String> fields, String cohort, String requestedBy) {
    }

    /** The job ended (done or failed, as the TRE recorded it): the next one starts. */
    public record LeaveDispensalQueueCommand(@TargetAggregateIdentifier String queueId, String jobId) {
    }

    public record DispensalLeftQueueEvent(String queueId, String treId, String jobId) {
    }
}
