package org.tre.query.tre;

import org.junit.jupiter.api.Test;
import org.tre.messages.tre.TreEvents.ApplicationReviewersAddedEvent;
import org.tre.messages.tre.TreEvents.TreDeactivatedEvent;
import org.tre.messages.tre.TreEvents.TreProjectAuthorizedEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.messages.tre.TreState;
import org.tre.query.tre.TreEventsFixture.History;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tre.query.tre.TreEventsFixture.ALICE;
import static org.tre.query.tre.TreEventsFixture.BOB;
import static org.tre.query.tre.TreEventsFixture.TRE;
import static org.tre.query.tre.TreEventsFixture.activated;
import static org.tre.query.tre.TreEventsFixture.at;
import static org.tre.query.tre.TreEventsFixture.created;
import static org.tre.query.tre.TreEventsFixture.inventorySet;

/** describe {"at"} (DECISIONS.md §13): a TRE's history folded up to a moment, in memory. */
class TreReplayTest {

    private static final TreUpdatedEvent RENAMED = new TreUpdatedEvent(TRE, "Renamed", null, null, null, null, false,
            null, null, null, null);

    private static History history() {
        return new History(TRE).at(1_000, created(TRE, ALICE))
                .at(2_000, RENAMED)
                .at(3_000, inventorySet("1.0.0", false))
                .at(4_000, activated("1.0.0", null))
                .at(5_000, new TreDeactivatedEvent(TRE));
    }

    @Test
    void beforeItsCreationThereWasNoTre() {
        assertThat(TreReplay.asOf(history().events(), 999)).isEmpty();
        assertThat(TreReplay.asOf(List.of(), Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void theTreAsItStoodThenHoldsTheEventsUpToThatMomentAndNoLater() {
        TreView then = TreReplay.asOf(history().events(), 3_500).orElseThrow();
        assertThat(then.name()).isEqualTo("Renamed");
        assertThat(then.state()).isEqualTo(TreState.draft);
        assertThat(then.pendingInventory()).isPresent();
        assertThat(then.modified()).isEqualTo(3_000);
    }

    @Test
    void anEventAtTheMomentItselfCounts() {
        assertThat(TreReplay.asOf(history().events(), 4_000).orElseThrow().state()).isEqualTo(TreState.active);
        assertThat(TreReplay.asOf(history().events(), 1_000).orElseThrow().name()).isEqualTo("Genomics");
    }

    @Test
    void aMomentAfterTheLastEventGivesTheTreAsItIsNow() {
        TreView now = null;
        for (var event : history().events()) {
            now = TreFold.apply(now, event.getPayload(), event.getTimestamp());
        }
        assertThat(TreReplay.asOf(history().events(), Long.MAX_VALUE)).contains(now);
        assertThat(now.state()).isEqualTo(TreState.amending);
    }

    @Test
    void theTresOtherEventsPassWithoutChangingIt() {
        History withProject = new History(TRE).at(1_000, created(TRE, ALICE))
                .at(2_000, RENAMED)
                .at(2_500, new TreProjectAuthorizedEvent(TRE, "project-x", "x", null, null, List.of(), Map.of(),
                        "org-bill", "aws:us-east-1", Map.of(), BOB));
        TreView view = TreReplay.asOf(withProject.events(), Long.MAX_VALUE).orElseThrow();
        assertThat(view.modified()).isEqualTo(2_000);
        assertThat(view).isEqualTo(TreFold.apply(TreFold.apply(null, created(TRE, ALICE), at(1_000)), RENAMED,
                at(2_000)));
    }

    @Test
    void aHistoryTheRulesCannotFoldNamesTheEventItStoppedAt() {
        History broken = new History(TRE).at(1_000, created(TRE, ALICE))
                .at(2_000, new ApplicationReviewersAddedEvent(TRE, "nosuch", List.of(BOB)));
        assertThatThrownBy(() -> TreReplay.asOf(broken.events(), Long.MAX_VALUE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(TRE + " event 1");
    }
}
