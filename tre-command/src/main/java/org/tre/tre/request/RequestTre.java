package org.tre.tre.request;

import org.tre.messages.error.DxException;
import org.tre.messages.tre.TreState;
import org.tre.tre.request.TreForRequests.TreFacts;

/**
 * What the TRE's state allows its requests (DECISIONS.md §15): new requests and submissions need an
 * active TRE; deactivation (amending) blocks them but not decisions, which go on.
 */
public final class RequestTre {

    private RequestTre() {
    }

    public static void requireActiveFor(String what, TreFacts tre) {
        if (tre.state() != TreState.active) {
            throw DxException.invalidState(what + " needs an active TRE; " + tre.treId() + " is " + tre.state());
        }
    }
}
