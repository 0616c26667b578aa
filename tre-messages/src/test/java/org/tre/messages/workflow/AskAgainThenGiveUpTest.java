package org.tre.messages.workflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tre.messages.workflow.AskAgainThenGiveUp.ASK_AGAIN;
import static org.tre.messages.workflow.AskAgainThenGiveUp.END;
import static org.tre.messages.workflow.AskAgainThenGiveUp.GIVE_UP;
import static org.tre.messages.workflow.AskAgainThenGiveUp.at;

class AskAgainThenGiveUpTest {

    @Test
    void aStepIsAskedAgainUntilItsAttemptsAreSpentThenGivenUpThenTheSagaEnds() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(passed -> at(passed, 3)))
                .containsExactly(ASK_AGAIN, ASK_AGAIN, GIVE_UP, END, END);
    }

    @Test
    void aStepAskedOnceIsGivenUpAtItsFirstDeadline() {
        assertThat(at(1, 1)).isEqualTo(GIVE_UP);
        assertThat(at(2, 1)).isEqualTo(END);
    }

    @Test
    void countsBelowOneAreAMistakeOfTheCaller() {
        assertThatThrownBy(() -> at(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> at(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
