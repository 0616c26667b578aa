package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tre.directory.workflow.WorkflowOutcomes;
import org.tre.directory.workflow.WorkflowOutcomes.WorkflowOutcome;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import java.time.Duration;
import java.util.Optional;

/**
 * Routes whose DNAnexus answer is the result of a workflow (removeMember, clone, removeObjects, and
 * /user/new when invites were waiting for the email) send the command that starts it and wait here, bounded, for its outcome in the read model. The outcome
 * table is written wherever the workflow ends and read from the shared database, so the wait works
 * the same in one JVM and across the roles of an Axon Server deployment. Only the request's own
 * thread waits; no handler thread does. A workflow's outcome is recorded by its second deadline,
 * sooner than this wait, so an answer comes unless the service itself is stuck.
 */
@Component
public class WorkflowAnswers {

    private static final long LONGEST_PAUSE_MILLIS = 20;

    private final WorkflowOutcomes outcomes;
    private final Duration timeout;

    public WorkflowAnswers(WorkflowOutcomes outcomes,
                           @Value("${tre.workflows.answer-timeout:PT30S}") Duration timeout) {
        this.outcomes = outcomes;
        this.timeout = timeout;
    }

    /** The workflow's answer; its refusal is thrown as the DNAnexus error it names. */
    public JsonNode await(String workflowId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (true) {
            Optional<WorkflowOutcome> outcome = outcomes.find(workflowId);
            if (outcome.isPresent()) {
                if (outcome.get().refusal() != null) {
                    throw outcome.get().refusal().toException();
                }
                return outcome.get().answer();
            }
            if (System.nanoTime() > deadline) {
                throw new DxException(ErrorType.ServiceUnavailable, "The request is still being carried out ("
                        + workflowId + "); its outcome will be in the history");
            }
            sleep(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DxException(ErrorType.ServiceUnavailable, "Interrupted while waiting for the outcome");
        }
    }
}
