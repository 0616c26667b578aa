package org.tre.tre.request;

import org.junit.jupiter.api.Test;
import org.tre.messages.request.RequestState;
import org.tre.messages.request.StepDecision;
import org.tre.messages.tre.TreState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.tre.request.RequestWorld.*;

/** The reviewer's queue and describe's approve/reject follow the rules a decision is checked by. */
class PendingStepsTest {

    private final TreForRequests.TreFacts tre = platform().tre(TRE).orElseThrow();

    private static Map<String, StepDecision> steps(StepDecision ethics, StepDecision science) {
        Map<String, StepDecision> steps = new LinkedHashMap<>();
        steps.put(ETHICS, ethics);
        steps.put(SCIENCE, science);
        return steps;
    }

    @Test
    void aReviewerAwaitsAPendingStepTheySitOn() {
        assertThat(PendingSteps.awaits(EVE, RequestState.in_review, steps(StepDecision.pending, StepDecision.pending),
                Set.of(CAROL), tre)).isTrue();
    }

    @Test
    void nobodyAwaitsADecidedStepOrAStepTheyDoNotSitOn() {
        assertThat(PendingSteps.awaits(EVE, RequestState.in_review, steps(StepDecision.approved,
                StepDecision.pending), Set.of(CAROL), tre)).isFalse();
    }

    @Test
    void aPartyAwaitsNothing() {
        assertThat(PendingSteps.awaits(HENRY, RequestState.in_review, steps(StepDecision.pending,
                StepDecision.pending), Set.of(CAROL, HENRY), tre)).isFalse();
    }

    @Test
    void aRoundEndedByARejectionAwaitsNobody() {
        assertThat(PendingSteps.awaits(FRANK, RequestState.in_revision, steps(StepDecision.rejected,
                StepDecision.pending), Set.of(CAROL), tre)).isFalse();
        assertThat(new TreForRequests.TreFacts(TRE, TreState.active, List.of(), List.of(), Map.of())
                .isReviewer(FRANK)).isFalse();
    }
}
