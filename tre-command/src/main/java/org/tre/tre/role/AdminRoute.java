package org.tre.tre.role;

import org.tre.messages.Requester;
import org.tre.messages.error.DxException;

import java.util.Set;

/**
 * The routes only a TRE's own admins may call, and which of them also need a full-scope token: the
 * PermissionDenied rows of each route in tre-api.md, with DECISIONS.md "Token scope". Who is an admin
 * is the TRE's own list (the operator and the billing org's ADMINs are not, unless listed).
 */
public enum AdminRoute {
    UPDATE(false),
    SET_INVENTORY(false),
    SET_POLICIES(false),
    ADD_TRE_ADMINS(false),
    REMOVE_TRE_ADMINS(false),
    ADD_AUTHORIZED_USERS(false),
    REMOVE_AUTHORIZED_USERS(false),
    ADD_APPLICATION_REVIEW_STEP(true),
    UPDATE_APPLICATION_REVIEW_STEP(true),
    REMOVE_APPLICATION_REVIEW_STEP(true),
    ADD_APPLICATION_REVIEWERS(true),
    REMOVE_APPLICATION_REVIEWERS(true),
    ACTIVATE(true),
    DEACTIVATE(true),
    DELETE(true);

    private final boolean needsFullScope;

    AdminRoute(boolean needsFullScope) {
        this.needsFullScope = needsFullScope;
    }

    /** The role, then the token's scope (DECISIONS.md §1); both before any state or directory check. */
    public void requireCaller(String treId, Set<String> admins, Requester requester) {
        if (!admins.contains(requester.userId())) {
            throw DxException.permissionDenied("The requesting user must be a TRE admin of " + treId);
        }
        if (needsFullScope) {
            FullScopeToken.require(requester);
        }
    }
}
