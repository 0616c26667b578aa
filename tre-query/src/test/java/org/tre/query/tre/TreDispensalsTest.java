package org.tre.query.tre;

import org.junit.jupiter.api.Test;
import org.tre.messages.tre.TreEvents.DispensedObject;
import org.tre.messages.tre.TreEvents.TreDispensalFailedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalFinishedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalStartedEvent;
import org.tre.query.tre.TreDispensals.Dispensal;
import org.tre.query.tre.TreEventsFixture.History;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.query.tre.TreEventsFixture.ALICE;
import static org.tre.query.tre.TreEventsFixture.TRE;
import static org.tre.query.tre.TreEventsFixture.created;

/** What the TRE dispensed, from its events, as it stood at a moment. */
class TreDispensalsTest {

    private static final String ROBOT = "user-robot";
    private static final List<DispensedObject> OBJECTS = List.of(new DispensedObject("project-data", "record-ds"),
            new DispensedObject("project-data", "file-a"));

    private static History history() {
        return new History(TRE).at(1_000, created(TRE, ALICE))
                .at(2_000, new TreDispensalStartedEvent(TRE, "job-1", "treApplication-r", "project-p", "1.0.0",
                        Map.of("restricted", true), ROBOT, List.of("height"), null, OBJECTS, "user-carol"))
                .at(3_000, new TreDispensalFinishedEvent(TRE, "job-1", "treApplication-r", "project-p", "1.0.0",
                        List.of("record-ds", "file-a"), "user-carol"))
                .at(4_000, new TreDispensalStartedEvent(TRE, "job-2", "treApplication-r", "project-q", "1.1.0",
                        Map.of("restricted", true), ROBOT, List.of("height"), null, List.of(), "user-dave"))
                .at(5_000, new TreDispensalFailedEvent(TRE, "job-2", "treApplication-r", "project-q", "1.1.0", null,
                        "ResourceNotFound", "file-gone is gone", "user-dave"));
    }

    @Test
    void eachDispensalNamesItsRequestProjectVersionPoliciesObjectsAndWhoAsked() {
        List<Dispensal> now = TreDispensals.asOf(history().events(), Long.MAX_VALUE);
        assertThat(now).extracting(Dispensal::job).containsExactly("job-1", "job-2");
        Dispensal first = now.get(0);
        assertThat(first.treApplication()).isEqualTo("treApplication-r");
        assertThat(first.project()).isEqualTo("project-p");
        assertThat(first.inventoryVersion()).isEqualTo("1.0.0");
        assertThat(first.policies()).containsEntry("restricted", true);
        assertThat(first.objects()).isEqualTo(OBJECTS);
        assertThat(first.requestedBy()).isEqualTo("user-carol");
        assertThat(first.state()).isEqualTo("done");
        assertThat(first.started()).isEqualTo(2_000);
        assertThat(first.finished()).isEqualTo(3_000);
    }

    @Test
    void aFailedDispensalKeepsItsReason() {
        Dispensal failed = TreDispensals.asOf(history().events(), Long.MAX_VALUE).get(1);
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.failureReason()).isEqualTo("ResourceNotFound");
        assertThat(failed.failureMessage()).isEqualTo("file-gone is gone");
        assertThat(failed.finished()).isEqualTo(5_000);
    }

    @Test
    void asItStoodThenADispensalStillRunningHasNoEndAndOneNotYetStartedIsAbsent() {
        List<Dispensal> then = TreDispensals.asOf(history().events(), 2_500);
        assertThat(then).hasSize(1);
        assertThat(then.get(0).state()).isEqualTo("running");
        assertThat(then.get(0).finished()).isNull();
        assertThat(TreDispensals.asOf(history().events(), 1_500)).isEmpty();
    }
}
