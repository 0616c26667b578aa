package org.tre.directory.app;

import org.springframework.stereotype.Component;
import org.tre.directory.app.AppProjection.AppRecord;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.token.TokenScopes;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.user.Operator;

import java.util.function.Predicate;

/**
 * Who may read which apps, the one place the reads ({@code /app-xxxx/describe}, {@code /system/findApps},
 * {@code /org-xxxx/findApps}) ask, in the order of DECISIONS.md §1: the entity exists, then the
 * requester's role, then their token's scope.
 */
@Component
public class AppVisibility {

    private final AppProjection apps;
    private final OrgDirectory orgs;

    public AppVisibility(AppProjection apps, OrgDirectory orgs) {
        this.apps = apps;
        this.orgs = orgs;
    }

    /** The app to describe: it exists, and the requester may see it. */
    public AppRecord describable(String appId, Requester requester) {
        AppRecord app = apps.find(appId).orElseThrow(() -> DxException.notFound("The app " + appId + " was not found"));
        if (!visibleTo(requester).test(app)) {
            throw DxException.permissionDenied("The requesting user may not see " + app.id());
        }
        return app;
    }

    /**
     * Developers and the billing org's ADMINs always see an app; others once it is published and they
     * are authorized: by name, through an org they belong to with appAccess, or because it is PUBLIC.
     */
    public Predicate<AppRecord> visibleTo(Requester requester) {
        String userId = requester.userId();
        return app -> {
            if (Operator.is(userId) || app.developers().contains(userId) || isAdminOf(app.billTo(), userId)) {
                return true;
            }
            if (!app.published()) {
                return false;
            }
            if (app.authorizedUsers().contains("PUBLIC") || app.authorizedUsers().contains(userId)) {
                return true;
            }
            return orgs.membershipsOf(userId).stream()
                    .anyMatch(m -> m.appAccess() && app.authorizedUsers().contains(m.orgId()));
        };
    }

    /** The apps an org's catalogue lists: the org exists, the requester is one of its ADMINs, with a full-scope token. */
    public Predicate<AppRecord> catalogueOf(String orgId, Requester requester) {
        String org = orgs.find(orgId).map(o -> o.id())
                .orElseThrow(() -> DxException.notFound("The org " + orgId + " was not found"));
        if (!Operator.is(requester.userId()) && !isAdminOf(org, requester.userId())) {
            throw DxException.permissionDenied("The requesting user is not an ADMIN of " + org);
        }
        TokenScopes.requireFull(requester);
        return app -> app.billTo().equals(org);
    }

    private boolean isAdminOf(String orgId, String userId) {
        return orgs.membership(orgId, userId).map(OrgMembership::isAdmin).orElse(false);
    }
}
