package org.tre.tre.request;

import org.tre.messages.error.DxException;
import org.tre.messages.request.StepDecision;
import org.tre.tre.request.TreForRequests.TreFacts;

import java.util.Map;

/**
 * One round of review (DECISIONS.md §15): submit copies the TRE's steps, each pending; a reviewer
 * decides a step of the round that they sit on in the TRE now, once: a decision is final for its
 * round. The last approval approves the request; a rejection ends the round at once (the request's
 * state, in-revision, then refuses every further decision).
 */
public final class ReviewRound {

    private ReviewRound() {
    }

    /** An unknown step is InvalidInput: the caller named something the request does not have. */
    public static void requireStep(Map<String, StepDecision> steps, String reviewStepId, String requestId) {
        if (!steps.containsKey(reviewStepId)) {
            throw DxException.invalidInput("The review step " + reviewStepId + " is not a step of " + requestId);
        }
    }

    /** Checked against the TRE's reviewers at decision time, not at submission. */
    public static void requireReviewerOf(TreFacts tre, String reviewStepId, String userId) {
        if (tre == null || !tre.reviews(reviewStepId, userId)) {
            throw DxException.permissionDenied(userId + " is not a reviewer of the review step " + reviewStepId);
        }
    }

    public static void requirePending(Map<String, StepDecision> steps, String reviewStepId, int round) {
        if (steps.get(reviewStepId) != StepDecision.pending) {
            throw DxException.invalidState("The review step " + reviewStepId + " was already decided in round "
                    + round);
        }
    }

    /** Whether approving this step leaves none pending: the request is then approved. */
    public static boolean lastPending(Map<String, StepDecision> steps, String reviewStepId) {
        return steps.entrySet().stream().filter(step -> !step.getKey().equals(reviewStepId))
                .allMatch(step -> step.getValue() == StepDecision.approved);
    }
}
