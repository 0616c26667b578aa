package org.tre.api.protocol;

import org.tre.directory.token.Caller;
import org.tre.messages.error.DxException;

/** Token scope checks shared by every route whose spec demands a full-scope token. */
public final class Scopes {

    private Scopes() {
    }

    public static void requireFullScope(Caller caller) {
        if (!caller.fullScope()) {
            throw DxException.permissionDenied("The requesting user must use a full-scope token");
        }
    }
}
