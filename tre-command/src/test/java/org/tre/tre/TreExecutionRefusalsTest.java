package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.tre.messages.execution.ExecutionRestriction;
import org.tre.messages.tre.TreCommands.RecordExecutionRefusalCommand;
import org.tre.messages.tre.TreEvents.TreExecutionRefusedEvent;

import static org.tre.tre.support.TreWorld.*;

/**
 * A run a TRE execution restriction refused is kept in the TRE's history (DECISIONS.md §16): who,
 * which project, which executable, which restriction; once per job id, whatever the TRE's state.
 */
class TreExecutionRefusalsTest {

    private static final String JOB = "job-0123456789BFGJKPQVXYZb";
    private static final String OTHER_JOB = "job-0123456789BFGJKPQVXYZc";
    private static final String PROJECT = "project-00000000000000000000000a";
    private static final String APPLET = "applet-00000000000000000000000a";

    private FixtureConfiguration<Tre> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        fixture.registerInjectableResource(directory());
    }

    /** A refused run: the attempt's id is the id the job would have had, and no job exists. */
    private static RecordExecutionRefusalCommand refusal(String attemptId, ExecutionRestriction restriction) {
        return new RecordExecutionRefusalCommand(TRE, attemptId, "run", null, CAROL, PROJECT, APPLET, "aligner",
                restriction);
    }

    private static TreExecutionRefusedEvent refused(String attemptId, ExecutionRestriction restriction) {
        return new TreExecutionRefusedEvent(TRE, attemptId, "run", null, CAROL, PROJECT, APPLET, "aligner",
                restriction);
    }

    @Test
    void aRefusedRunIsRecordedInTheTresHistory() {
        fixture.given(active())
                .when(refusal(JOB, ExecutionRestriction.allowSSH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(refused(JOB, ExecutionRestriction.allowSSH));
    }

    @ParameterizedTest
    @EnumSource(ExecutionRestriction.class)
    void aRefusalIsRecordedWithTheRestrictionThatRefused(ExecutionRestriction restriction) {
        fixture.given(active())
                .when(refusal(JOB, restriction))
                .expectEvents(refused(JOB, restriction));
    }

    @Test
    void theSameRefusedRunIsRecordedOnce() {
        fixture.given(plus(active(), refused(JOB, ExecutionRestriction.allowSSH)))
                .when(refusal(JOB, ExecutionRestriction.allowSSH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void eachRefusedUpdateOfOneJobIsRecorded() {
        TreExecutionRefusedEvent first = new TreExecutionRefusedEvent(TRE, "attempt-1", "update", JOB, CAROL, PROJECT,
                APPLET, "aligner", ExecutionRestriction.allowSSH);
        fixture.given(plus(active(), first))
                .when(new RecordExecutionRefusalCommand(TRE, "attempt-2", "update", JOB, CAROL, PROJECT, APPLET,
                        "aligner", ExecutionRestriction.allowSSH))
                .expectEvents(new TreExecutionRefusedEvent(TRE, "attempt-2", "update", JOB, CAROL, PROJECT, APPLET,
                        "aligner", ExecutionRestriction.allowSSH));
    }

    @Test
    void anotherRefusedRunIsRecordedBesideTheFirst() {
        fixture.given(plus(active(), refused(JOB, ExecutionRestriction.allowSSH)))
                .when(refusal(OTHER_JOB, ExecutionRestriction.allowSSH))
                .expectEvents(refused(OTHER_JOB, ExecutionRestriction.allowSSH));
    }

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void aRefusalIsRecordedInAnyTreState(Lifecycle state) {
        fixture.given(state.events())
                .when(refusal(JOB, ExecutionRestriction.sameRequest))
                .expectSuccessfulHandlerExecution()
                .expectEvents(refused(JOB, ExecutionRestriction.sameRequest));
    }

    @Test
    void aRefusalIsRecordedAfterDeactivation() {
        fixture.given(plus(active(), deactivated()))
                .when(refusal(JOB, ExecutionRestriction.projectCreation))
                .expectEvents(refused(JOB, ExecutionRestriction.projectCreation));
    }
}
