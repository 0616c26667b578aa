package org.tre.tre.dispensal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.messages.tre.DispensalQueueMessages.CreateDispensalQueueCommand;
import org.tre.messages.tre.DispensalQueueMessages.DispensalLeftQueueEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalQueueCreatedEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalQueuedEvent;
import org.tre.messages.tre.DispensalQueueMessages.DispensalStartedEvent;
import org.tre.messages.tre.DispensalQueueMessages.LeaveDispensalQueueCommand;
import org.tre.messages.tre.DispensalQueueMessages.QueueDispensalCommand;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A TRE's dispensal queue (DECISIONS.md §15): first in, first out, one job running at a time. The
 * order is decided here alone, so two dispensals of one TRE never run together whichever instance
 * asks. A job is started by the event that puts it at the head of an idle queue; what it copies, and
 * from which inventory version, the TRE records when the job's saga asks it.
 */
@Aggregate(cache = "aggregateCache")
public class DispensalQueue {

    @AggregateIdentifier
    private String queueId;
    private String treId;
    private String running;
    private final Deque<DispensalQueuedEvent> waiting = new ArrayDeque<>();
    /** Every job that ever joined: a job asked to join again stays where it is, or stays gone. */
    private final Set<String> known = new HashSet<>();

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

    /** A queue whose provisioning was lost is made by its first job, so no dispensal waits on it. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(QueueDispensalCommand command) {
        if (queueId == null) {
            apply(new DispensalQueueCreatedEvent(command.queueId(), command.treId()));
        }
        if (known.contains(command.jobId())) {
            return;
        }
        apply(new DispensalQueuedEvent(queueId, treId, command.jobId(), command.requestId(), command.projectId(),
                command.fields(), command.cohort(), command.requestedBy()));
        startNextIfIdle();
    }

    /** The running job ended, or a waiting one was given up: the next starts. Repeated, nothing changes. */
    @CommandHandler
    public void handle(LeaveDispensalQueueCommand command) {
        boolean isRunning = command.jobId().equals(running);
        boolean isWaiting = waiting.stream().anyMatch(job -> job.jobId().equals(command.jobId()));
        if (!isRunning && !isWaiting) {
            return;
        }
        apply(new DispensalLeftQueueEvent(queueId, treId, command.jobId()));
        startNextIfIdle();
    }

    private void startNextIfIdle() {
        if (running == null && !waiting.isEmpty()) {
            DispensalQueuedEvent next = waiting.peekFirst();
            apply(new DispensalStartedEvent(queueId, treId, next.jobId(), next.requestId(), next.projectId(),
                    next.fields(), next.cohort(), next.requestedBy()));
        }
    }

    @EventSourcingHandler
    void on(DispensalQueueCreatedEvent event) {
        queueId = event.queueId();
        treId = event.treId();
    }

    @EventSourcingHandler
    void on(DispensalQueuedEvent event) {
        known.add(event.jobId());
        waiting.addLast(event);
    }

    @EventSourcingHandler
    void on(DispensalStartedEvent event) {
        waiting.removeIf(job -> job.jobId().equals(event.jobId()));
        running = event.jobId();
    }

    @EventSourcingHandler
    void on(DispensalLeftQueueEvent event) {
        if (event.jobId().equals(running)) {
            running = null;
        } else {
            waiting.removeIf(job -> job.jobId().equals(event.jobId()));
        }
    }
}
