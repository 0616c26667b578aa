package org.tre.query.tre;

import org.axonframework.eventhandling.EventMessage;
import org.tre.messages.tre.TreEvents.DispensedObject;
import org.tre.messages.tre.TreEvents.TreDispensalFailedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalFinishedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalStartedEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the TRE dispensed, as it stood at a moment: for each dispensal that had started, into which
 * project of which request, from which inventory version, under which policies, which objects, and at
 * whose request. Folded from the TRE's own events, so the answer to "what did project X receive" is
 * the store's, not a table's that a rebuild could have reshaped.
 */
public final class TreDispensals {

    /** One dispensal; {@code finished}, {@code failureReason} and {@code failureMessage} null while it runs. */
    public record Dispensal(String job, String treApplication, String project, String state, String inventoryVersion,
                            Map<String, Boolean> policies, List<DispensedObject> objects, String requestedBy,
                            long started, Long finished, String failureReason, String failureMessage) {

        Dispensal ended(String endState, long at, String reason, String message) {
            return new Dispensal(job, treApplication, project, endState, inventoryVersion, policies, objects,
                    requestedBy, started, at, reason, message);
        }
    }

    private TreDispensals() {
    }

    /** {@code history}: the TRE's events, oldest first; only those up to {@code at} (epoch ms) count. */
    public static List<Dispensal> asOf(Iterable<? extends EventMessage<?>> history, long at) {
        Map<String, Dispensal> byJob = new LinkedHashMap<>();
        for (EventMessage<?> event : history) {
            long when = event.getTimestamp().toEpochMilli();
            if (when > at) {
                break;
            }
            Object payload = event.getPayload();
            if (payload instanceof TreDispensalStartedEvent started) {
                byJob.put(started.jobId(), new Dispensal(started.jobId(), started.requestId(), started.projectId(),
                        "running", started.inventoryVersion(), started.policies(), started.objects(),
                        started.requestedBy(), when, null, null, null));
            } else if (payload instanceof TreDispensalFinishedEvent finished) {
                byJob.computeIfPresent(finished.jobId(), (job, running) -> running.ended("done", when, null, null));
            } else if (payload instanceof TreDispensalFailedEvent failed) {
                byJob.computeIfPresent(failed.jobId(), (job, running) ->
                        running.ended("failed", when, failed.failureReason(), failed.failureMessage()));
            }
        }
        return new ArrayList<>(byJob.values());
    }
}
