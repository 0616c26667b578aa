package org.tre.tre.role;

import org.tre.messages.Requester;
import org.tre.messages.error.DxException;

/**
 * "The requesting user must use a full-scope token": the routes whose spec lists it ({@code /tre/new},
 * review steps and reviewers, {@code getDataTypeGroups}, {@code activate}, {@code deactivate},
 * {@code delete}; DECISIONS.md "Token scope") and {@code /project/new} of a TRE project refuse a token
 * limited to projects. It is checked after the caller's role (DECISIONS.md §1).
 */
public final class FullScopeToken {

    private FullScopeToken() {
    }

    public static void require(Requester requester) {
        if (!requester.scope().full()) {
            throw DxException.permissionDenied("The requesting user must use a full-scope token");
        }
    }
}
