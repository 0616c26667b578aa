package org.tre.tre.request;

import org.tre.messages.request.RequestState;
import org.tre.messages.request.StepDecision;

import java.util.Collection;

/**
 * tre-api.md "Data Access Request Review Steps", its priority table: any step rejected → rejected;
 * else any step pending → pending; else (every step approved) → approved. A draft, never submitted,
 * has no decision (null).
 */
public final class DecisionRule {

    private DecisionRule() {
    }

    public static StepDecision decisionOf(RequestState state, Collection<StepDecision> steps) {
        if (state == RequestState.draft) {
            return null;
        }
        if (steps.contains(StepDecision.rejected)) {
            return StepDecision.rejected;
        }
        if (steps.contains(StepDecision.pending)) {
            return StepDecision.pending;
        }
        return StepDecision.approved;
    }
}
