package org.tre.directory.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tre.directory.app.AppProjection.AppRecord;
import org.tre.directory.support.InMemoryOrgs;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.user.TokenScope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read rules of apps, one test a rule: who may describe an app, who sees it in a search, who lists an org's. */
class AppVisibilityTest {

    private static final Requester LIMITED_ADMIN = new Requester("user-admin1",
            TokenScope.limitedTo(Map.of("project-x", "VIEW")));

    private final Map<String, AppRecord> stored = new HashMap<>();
    private final InMemoryOrgs orgs = new InMemoryOrgs()
            .org("org-acme", true)
            .member("org-acme", "user-admin1", "ADMIN", true)
            .member("org-acme", "user-member", "MEMBER", false)
            .org("org-labs", true)
            .member("org-labs", "user-labber", "MEMBER", false)
            .org("org-closed", true)
            .member("org-closed", "user-closed", "MEMBER", false, false);
    private final AppVisibility visibility = new AppVisibility(new AppProjection(null, new ObjectMapper()) {
        @Override
        public Optional<AppRecord> find(String appId) {
            return Optional.ofNullable(stored.get(appId));
        }
    }, orgs);

    private AppRecord app(String id, boolean published, String... authorized) {
        AppRecord app = new AppRecord(id, "bwa", "1.0.0", "org-acme", "BWA", "", "", published, List.of(authorized),
                List.of("user-dev"), List.of(), "user-dev", 1, 1);
        stored.put(id, app);
        return app;
    }

    private static Requester full(String userId) {
        return Requester.withFullScope(userId);
    }

    private static ErrorType refusal(Runnable read) {
        try {
            read.run();
        } catch (DxException refused) {
            return refused.type();
        }
        return null;
    }

    @Test
    void anUnknownAppIsResourceNotFound() {
        assertThat(refusal(() -> visibility.describable("app-none", full("user-dev")))).isEqualTo(ErrorType.ResourceNotFound);
    }

    @Test
    void developersAlwaysSeeTheirApp() {
        app("app-1", false);
        assertThat(visibility.describable("app-1", full("user-dev")).id()).isEqualTo("app-1");
    }

    @Test
    void theBillingOrgsAdminsAlwaysSeeItsApps() {
        assertThat(visibility.visibleTo(full("user-admin1")).test(app("app-1", false))).isTrue();
    }

    @Test
    void theOperatorSeesEveryApp() {
        assertThat(visibility.visibleTo(full("user-admin")).test(app("app-1", false))).isTrue();
    }

    @Test
    void anUnpublishedAppIsHiddenFromTheUsersItNames() {
        app("app-1", false, "user-reader", "PUBLIC");
        assertThatThrownBy(() -> visibility.describable("app-1", full("user-reader"))).isInstanceOf(DxException.class)
                .hasMessage("The requesting user may not see app-1");
    }

    @Test
    void aPublishedAppIsSeenByTheUsersItNames() {
        AppRecord app = app("app-1", true, "user-reader");
        assertThat(visibility.visibleTo(full("user-reader")).test(app)).isTrue();
        assertThat(visibility.visibleTo(full("user-other")).test(app)).isFalse();
    }

    @Test
    void aPublishedAppIsSeenThroughAnOrgItNamesWhereTheMemberHasAppAccess() {
        AppRecord app = app("app-1", true, "org-labs", "org-closed");
        assertThat(visibility.visibleTo(full("user-labber")).test(app)).isTrue();
        assertThat(visibility.visibleTo(full("user-closed")).test(app)).isFalse();
    }

    @Test
    void aPublishedPublicAppIsSeenByEveryone() {
        assertThat(visibility.visibleTo(full("user-anyone")).test(app("app-1", true, "PUBLIC"))).isTrue();
    }

    @Test
    void othersMayNotSeeAnApp() {
        app("app-1", true);
        assertThat(refusal(() -> visibility.describable("app-1", full("user-member"))))
                .isEqualTo(ErrorType.PermissionDenied);
    }

    @Test
    void anOrgsCatalogueOfAnUnknownOrgIsResourceNotFound() {
        assertThat(refusal(() -> visibility.catalogueOf("org-none", full("user-admin"))))
                .isEqualTo(ErrorType.ResourceNotFound);
    }

    @Test
    void onlyTheOrgsAdminsAndTheOperatorListItsApps() {
        assertThatThrownBy(() -> visibility.catalogueOf("org-acme", full("user-member"))).isInstanceOf(DxException.class)
                .hasMessage("The requesting user is not an ADMIN of org-acme");
        visibility.catalogueOf("org-acme", full("user-admin1"));
        visibility.catalogueOf("org-acme", full("user-admin"));
    }

    @Test
    void listingAnOrgsAppsNeedsAFullScopeTokenAfterTheRole() {
        assertThatThrownBy(() -> visibility.catalogueOf("org-acme", LIMITED_ADMIN)).isInstanceOf(DxException.class)
                .hasMessage("The requesting user must use a full-scope token");
        Requester limitedMember = new Requester("user-member", LIMITED_ADMIN.scope());
        assertThatThrownBy(() -> visibility.catalogueOf("org-acme", limitedMember))
                .hasMessage("The requesting user is not an ADMIN of org-acme");
    }

    @Test
    void anOrgsCatalogueHoldsTheAppsBilledToIt() {
        AppRecord ours = app("app-1", false);
        AppRecord theirs = new AppRecord("app-2", "x", "1.0.0", "org-labs", "X", "", "", true, List.of(),
                List.of("user-labber"), List.of(), "user-labber", 1, 1);
        assertThat(visibility.catalogueOf("org-acme", full("user-admin1")).test(ours)).isTrue();
        assertThat(visibility.catalogueOf("org-acme", full("user-admin1")).test(theirs)).isFalse();
    }
}
