package org.tre.directory.app;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.directory.org.OrgDirectory;
import org.tre.messages.Requester;
import org.tre.messages.app.AppMessages.AppAccessRevokedEvent;
import org.tre.messages.app.AppMessages.AppCreatedEvent;
import org.tre.messages.app.AppMessages.CreateAppCommand;
import org.tre.messages.app.AppMessages.RevokeAppAccessCommand;
import org.tre.messages.error.ErrorType;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.user.UserEvents.PendingOrgInvite;
import org.tre.messages.user.TokenScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.tre.directory.support.DxErrorMatcher.dxError;

class AppTest {

    private FixtureConfiguration<App> fixture;
    private final List<String> existingDevelopers = new ArrayList<>();
    private boolean versionTaken;
    private boolean billable = true;
    private boolean bobMayBill = true;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(App.class);
        fixture.registerInjectableResource(new AppCatalog() {
            @Override
            public boolean versionExists(String name, String version) {
                return versionTaken;
            }

            @Override
            public List<String> developersOf(String name) {
                return existingDevelopers;
            }
        });
        fixture.registerInjectableResource(new OrgDirectory() {
            @Override
            public Optional<OrgFacts> find(String orgId) {
                return "org-acme".equals(orgId) ? Optional.of(new OrgFacts(orgId, "acme", "Acme", billable, Set.of(),
                        List.of("aws:us-east-1"), "aws:us-east-1", false, Map.of(), 0)) : Optional.empty();
            }

            @Override
            public Optional<OrgMembership> membership(String orgId, String userId) {
                return "user-bob".equals(userId) ? Optional.of(new OrgMembership(orgId, userId, "MEMBER", bobMayBill,
                        "VIEW", true, false)) : Optional.empty();
            }

            @Override
            public List<OrgMembership> membershipsOf(String userId) {
                return membership("org-acme", userId).stream().toList();
            }

            @Override
            public List<OrgMembership> members(String orgId) {
                return membership(orgId, "user-bob").stream().toList();
            }

            @Override
            public List<PendingOrgInvite> invitesAwaiting(String email) {
                return List.of();
            }
        });
    }

    private static CreateAppCommand create(String by) {
        return create(Requester.withFullScope(by));
    }

    private static CreateAppCommand create(Requester by) {
        return new CreateAppCommand("app-1", "bwa", "1.0.0", "org-acme", "BWA", "", "", true, List.of("PUBLIC"),
                List.of(by.userId()), List.of(), by);
    }

    private static AppCreatedEvent created() {
        return new AppCreatedEvent("app-1", "bwa", "1.0.0", "org-acme", "BWA", "", "", true, List.of("PUBLIC"),
                List.of("user-bob"), List.of(), "user-bob");
    }

    @Test
    void aMemberWithBillingRightsCreatesAnApp() {
        fixture.givenNoPriorActivity().when(create("user-bob")).expectEvents(created());
    }

    @Test
    void anUnknownBillingOrgIsResourceNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CreateAppCommand("app-1", "bwa", "1.0.0", "org-none", "BWA", "", "", true, List.of(),
                        List.of("user-bob"), List.of(), Requester.withFullScope("user-bob")))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void appsNeedBillingRightsOnTheOrg() {
        bobMayBill = false;
        fixture.givenNoPriorActivity().when(create("user-bob")).expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void appsNeedABillableOrg() {
        billable = false;
        fixture.givenNoPriorActivity().when(create("user-bob")).expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void onlyDevelopersAddVersionsOfAnApp() {
        existingDevelopers.add("user-carol");
        fixture.givenNoPriorActivity().when(create("user-bob")).expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void appsNeedAFullScopeToken() {
        Requester limited = new Requester("user-bob", TokenScope.limitedTo(Map.of("project-x", "VIEW")));
        fixture.givenNoPriorActivity().when(create(limited)).expectException(dxError(ErrorType.PermissionDenied))
                .expectExceptionMessage("The requesting user must use a full-scope token");
    }

    @Test
    void theTokenIsCheckedBeforeTheBillingOrgIsLookedUp() {
        Requester limited = new Requester("user-bob", TokenScope.limitedTo(Map.of("project-x", "VIEW")));
        fixture.givenNoPriorActivity()
                .when(new CreateAppCommand("app-1", "bwa", "1.0.0", "org-none", "BWA", "", "", true, List.of(),
                        List.of("user-bob"), List.of(), limited))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aVersionExistsOnce() {
        existingDevelopers.add("user-bob");
        versionTaken = true;
        fixture.givenNoPriorActivity().when(create("user-bob")).expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void aLeavingSoleDeveloperIsReplaced() {
        fixture.given(created())
                .when(new RevokeAppAccessCommand("app-1", "user-bob", "user-alice", "user-alice"))
                .expectResultMessagePayload(true)
                .expectEvents(new AppAccessRevokedEvent("app-1", "user-bob", "user-alice", "user-alice"));
    }

    @Test
    void aLeavingDeveloperWithCodevelopersIsNotReplaced() {
        fixture.given(new AppCreatedEvent("app-1", "bwa", "1.0.0", "org-acme", "BWA", "", "", true, List.of("PUBLIC"),
                        List.of("user-bob", "user-carol"), List.of(), "user-bob"))
                .when(new RevokeAppAccessCommand("app-1", "user-bob", "user-alice", "user-alice"))
                .expectResultMessagePayload(false)
                .expectEvents(new AppAccessRevokedEvent("app-1", "user-bob", null, "user-alice"));
    }

    @Test
    void revokingSomeoneWithoutAccessChangesNothing() {
        fixture.given(created())
                .when(new RevokeAppAccessCommand("app-1", "user-zed", null, "user-alice"))
                .expectNoEvents();
    }
}
