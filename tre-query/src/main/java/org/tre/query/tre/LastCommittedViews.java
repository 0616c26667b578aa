package org.tre.query.tre;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The view of each TRE as last committed, with the sequence number of the TRE event that made it, so
 * that the TRE's next event is folded onto it without reading the view back. That is safe because a
 * TRE's events are appended one sequence number after the other, each with its view written in the
 * same transaction (or by the one streaming processor, in order): when event N is handled, the stored
 * view is the one event N-1 left, whichever instance wrote it. A view made by event N-1 is that view.
 * Any other view kept here (an instance that did not see the latest events, a replay) is not used,
 * and the table is read. A view is kept only once its transaction has committed.
 */
final class LastCommittedViews {

    private record Committed(long sequence, TreView view) {
    }

    private final ConcurrentHashMap<String, Committed> views = new ConcurrentHashMap<>();

    /** The view event {@code sequence} folds onto, if the one its predecessor made is kept. */
    Optional<TreView> before(String treId, long sequence) {
        Committed last = views.get(treId);
        return last != null && last.sequence == sequence - 1 ? Optional.of(last.view) : Optional.empty();
    }

    /** Keeps the view event {@code sequence} made once the transaction writing it commits. */
    void keepOnCommit(String treId, long sequence, TreView view) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // Two commits of one TRE can end in either order: the later event's view stays.
                views.merge(treId, new Committed(sequence, view),
                        (kept, made) -> made.sequence > kept.sequence ? made : kept);
            }
        });
    }

    /** Forgets every view: the table is being rebuilt. */
    void clear() {
        views.clear();
    }
}
