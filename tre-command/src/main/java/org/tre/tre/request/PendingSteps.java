package org.tre.tre.request;

import org.tre.messages.request.RequestState;
import org.tre.messages.request.StepDecision;
import org.tre.tre.request.TreForRequests.TreFacts;

import java.util.Map;
import java.util.Set;

/**
 * A reviewer's share of a round: the pending steps they sit on in the TRE now, on a request they are
 * no party to. It decides describe's approve and reject and the reviewer's queue
 * ({@code awaitingMyReview}) by the rules the decisions are checked by.
 */
public final class PendingSteps {

    private PendingSteps() {
    }

    /** Only a request in review awaits anyone: a rejection ends the round, its other steps pending for nobody. */
    public static boolean awaits(String userId, RequestState state, Map<String, StepDecision> steps,
                                 Set<String> parties, TreFacts tre) {
        if (state != RequestState.in_review || tre == null || !SeparationOfDuties.mayDecide(parties, userId)) {
            return false;
        }
        return steps.entrySet().stream().anyMatch(step -> step.getValue() == StepDecision.pending
                && tre.reviews(step.getKey(), userId));
    }
}
