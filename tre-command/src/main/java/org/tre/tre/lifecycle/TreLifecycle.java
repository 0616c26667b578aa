package org.tre.tre.lifecycle;

import org.tre.messages.error.DxException;
import org.tre.messages.tre.TreState;

import java.util.EnumSet;
import java.util.Set;

import static org.tre.messages.tre.TreState.active;
import static org.tre.messages.tre.TreState.amending;
import static org.tre.messages.tre.TreState.draft;

/**
 * The moves between tre-api.md's "TRE States", and the states each starts from: activate from draft
 * or amending, deactivate from active (into amending), delete from draft or amending. From any other
 * state: InvalidState.
 */
public enum TreLifecycle {
    ACTIVATE("Only a TRE in draft or amending can be activated", draft, amending),
    DEACTIVATE("Only an active TRE can be deactivated", active),
    DELETE("Only a TRE in draft or amending can be deleted", draft, amending);

    private final String refusal;
    private final Set<TreState> from;

    TreLifecycle(String refusal, TreState first, TreState... rest) {
        this.refusal = refusal;
        this.from = EnumSet.of(first, rest);
    }

    public void requireFrom(TreState state) {
        if (!from.contains(state)) {
            throw DxException.invalidState(refusal + "; it is " + state);
        }
    }
}
