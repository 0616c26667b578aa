package org.tre.tre.request;

import org.junit.jupiter.api.Test;
import org.tre.messages.request.RequestState;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.messages.request.StepDecision.approved;
import static org.tre.messages.request.StepDecision.pending;
import static org.tre.messages.request.StepDecision.rejected;

/** tre-api.md's priority table, row by row. */
class DecisionRuleTest {

    @Test
    void anyRejectedStepRejectsWhateverElseIsPendingOrApproved() {
        assertThat(DecisionRule.decisionOf(RequestState.in_revision, List.of(approved, rejected, pending)))
                .isEqualTo(rejected);
    }

    @Test
    void noRejectionButAPendingStepIsPending() {
        assertThat(DecisionRule.decisionOf(RequestState.in_review, List.of(approved, pending))).isEqualTo(pending);
    }

    @Test
    void everyStepApprovedIsApproved() {
        assertThat(DecisionRule.decisionOf(RequestState.approved, List.of(approved, approved))).isEqualTo(approved);
    }

    @Test
    void aDraftHasNoDecision() {
        assertThat(DecisionRule.decisionOf(RequestState.draft, List.of())).isNull();
    }
}
