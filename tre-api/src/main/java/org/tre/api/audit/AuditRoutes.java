package org.tre.api.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tre.api.audit.AuditInputs.HistoryInput;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Scopes;
import org.tre.directory.org.OrgProjection;
import org.tre.directory.org.OrgProjection.OrgRecord;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.query.tre.TreProjection;
import org.tre.query.tre.TreView;

/**
 * The audit routes of DECISIONS.md §13: who changed what and when, read from the event store. A
 * deleted TRE keeps its history, open to the operator and to the admins it had when it was deleted.
 */
@Component
public class AuditRoutes implements DxRoutes.Provider {

    private final EventHistory history;
    private final TreProjection tres;
    private final OrgProjection orgs;

    public AuditRoutes(EventHistory history, TreProjection tres, OrgProjection orgs) {
        this.history = history;
        this.tres = tres;
        this.orgs = orgs;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("tre-*/history", HistoryInput.class, this::treHistory,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("org-*/history", HistoryInput.class, this::orgHistory,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied);
    }

    ObjectNode treHistory(DxRequest request, HistoryInput in) {
        EventHistory.Page page = EventHistory.Page.of(in);
        TreView tre = auditableTre(request);
        return history.page(tre.id(), page);
    }

    ObjectNode orgHistory(DxRequest request, HistoryInput in) {
        EventHistory.Page page = EventHistory.Page.of(in);
        OrgRecord org = orgs.record(request.entityId())
                .filter(o -> !o.destroyed() || request.caller().isOperator())
                .orElseThrow(() -> DxException.notFound("The org " + request.entityId() + " was not found"));
        boolean admin = request.caller().isOperator() || orgs.membership(org.facts().id(), request.caller().userId())
                .map(OrgMembership::isAdmin).orElse(false);
        if (!admin) {
            throw DxException.permissionDenied("The history of " + org.facts().id() + " is open to its ADMINs");
        }
        Scopes.requireFullScope(request.caller());
        return history.page(org.facts().id(), page);
    }

    TreView auditableTre(DxRequest request) {
        TreView tre = tres.find(request.entityId())
                .orElseThrow(() -> DxException.notFound("The TRE " + request.entityId() + " was not found"));
        requireAuditor(tre, request);
        return tre;
    }

    /**
     * A TRE's past (its history, describe {"at"}) is open to its admins, as of now or as of its
     * deletion, and to the operator, with a full-scope token.
     */
    public static void requireAuditor(TreView tre, DxRequest request) {
        if (!request.caller().isOperator() && !tre.treAdmins().contains(request.caller().userId())) {
            throw DxException.permissionDenied("The past of " + tre.id() + " is open to its admins");
        }
        Scopes.requireFullScope(request.caller());
    }
}
