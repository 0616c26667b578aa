package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tre.messages.error.ErrorType;
import org.tre.messages.org.Licenses;
import org.tre.messages.tre.Policies;
import org.tre.messages.tre.TreCommands.SetPoliciesCommand;
import org.tre.messages.tre.TreEvents.TrePoliciesSetEvent;
import org.tre.messages.tre.TreEvents.TreUpdatedEvent;
import org.tre.tre.support.InMemoryTreDirectory;
import org.tre.tre.support.TreWorld.Lifecycle;

import java.util.Map;

import static org.tre.tre.support.TreMatchers.dxError;
import static org.tre.tre.support.TreWorld.*;

/** /tre-xxxx/setPolicies (tre-api.md "TRE Policies", DECISIONS.md §7 and §12). */
class TrePoliciesTest {

    private static final String PHI = Policies.CONTAINS_PHI;

    private FixtureConfiguration<Tre> fixture;
    private InMemoryTreDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        directory = directory();
        fixture.registerInjectableResource(directory);
    }

    private static SetPoliciesCommand set(Map<String, Boolean> policies) {
        return new SetPoliciesCommand(TRE, policies, as(ALICE));
    }

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void policiesAreConfigurableInEveryState(Lifecycle state) {
        fixture.given(state.events())
                .when(set(map("restricted", true)))
                .expectEvents(policiesSet(noPolicies(), map("restricted", true)));
    }

    @Test
    void anEmptyCallCountsAsSettingThePolicies() {
        fixture.given(created())
                .when(set(Map.of()))
                .expectEvents(new TrePoliciesSetEvent(TRE, Map.of(), Policies.none()));
    }

    @Test
    void namedKeysChangeAndOmittedKeysStay() {
        Map<String, Boolean> before = policiesSet(noPolicies(), map("restricted", true, "protected", true)).policies();
        fixture.given(created(), policiesSet(noPolicies(), map("restricted", true, "protected", true)))
                .when(set(map("protected", false, "downloadRestricted", true)))
                .expectEvents(policiesSet(before, map("protected", false, "downloadRestricted", true)));
    }

    @Test
    void nullStopsEnforcingAPolicy() {
        Map<String, Boolean> before = policiesSet(noPolicies(), map("restricted", true)).policies();
        fixture.given(created(), policiesSet(noPolicies(), map("restricted", true)))
                .when(set(map("restricted", null)))
                .expectEvents(policiesSet(before, map("restricted", null)));
    }

    @Test
    void onlyValuesThatDifferAreReportedAsChanged() {
        Map<String, Boolean> before = policiesSet(noPolicies(), map("restricted", true)).policies();
        fixture.given(created(), policiesSet(noPolicies(), map("restricted", true)))
                .when(set(map("restricted", true, "jobOutboundInternet", false, "protected", null)))
                .expectEvents(new TrePoliciesSetEvent(TRE, map("jobOutboundInternet", false),
                        policiesSet(before, map("jobOutboundInternet", false)).policies()));
    }

    @Test
    void anUnrecognizedPolicyKeyIsInvalidInput() {
        fixture.given(created())
                .when(set(map("restricted", true, "copyAccess", true)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    // ---- feature-switched policies ----

    @ParameterizedTest
    @ValueSource(strings = {"externalUploadRestricted", PHI, "displayDataProtectionNotice"})
    void aFeatureSwitchedPolicyNeedsItsLicenseToBeTrue(String policy) {
        fixture.given(created())
                .when(set(map(policy, true)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @ParameterizedTest
    @ValueSource(strings = {"externalUploadRestricted", PHI, "displayDataProtectionNotice"})
    void aFeatureSwitchedPolicyNeedsItsLicenseToBeFalse(String policy) {
        fixture.given(created())
                .when(set(map(policy, false)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @ParameterizedTest
    @ValueSource(strings = {"externalUploadRestricted", PHI, "displayDataProtectionNotice"})
    void aFeatureSwitchedPolicyMayBeNullWithoutItsLicense(String policy) {
        fixture.given(created())
                .when(set(map(policy, null)))
                .expectEvents(new TrePoliciesSetEvent(TRE, Map.of(), Policies.none()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"externalUploadRestricted", PHI, "displayDataProtectionNotice"})
    void aLicensedOrgSetsTheFeatureSwitchedPolicy(String policy) {
        directory.withLicense(ORG, Policies.LICENSE_OF.get(policy));
        fixture.given(created())
                .when(set(map(policy, true)))
                .expectEvents(policiesSet(noPolicies(), map(policy, true)));
    }

    @Test
    void eachFeatureSwitchedPolicyNeedsItsOwnLicense() {
        directory.withLicense(ORG, Licenses.PHI_FEATURES).withLicense(ORG, Licenses.DATA_PROTECTION_NOTICE);
        fixture.given(created())
                .when(set(map(PHI, true, "externalUploadRestricted", true)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "externalUploadRestrictedControl"));
    }

    @Test
    void theLicensesAreTheCurrentBillTosLicenses() {
        directory.withLicense(ORG, Licenses.PHI_FEATURES);
        fixture.given(created(), new TreUpdatedEvent(TRE, null, null, null, OTHER_ORG, null, false, null, null, null,
                        null))
                .when(set(map(PHI, true)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void theOtherPoliciesNeedNoLicense() {
        Map<String, Boolean> all = map("restricted", true, "protected", false, "downloadRestricted", true,
                "previewViewerRestricted", true, "databaseUIViewOnly", false, "httpsAppIsolatedBrowsing", true,
                "jobOutboundInternet", false);
        fixture.given(created())
                .when(set(all))
                .expectEvents(policiesSet(noPolicies(), all));
    }

    // ---- containsPHI ----

    @Test
    void containsPhiOnceTrueCannotBecomeFalse() {
        directory.withLicense(ORG, Licenses.PHI_FEATURES);
        fixture.given(created(), policiesSet(noPolicies(), map(PHI, true)))
                .when(set(map(PHI, false)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void containsPhiOnceTrueCannotBecomeNull() {
        directory.withLicense(ORG, Licenses.PHI_FEATURES);
        fixture.given(created(), policiesSet(noPolicies(), map(PHI, true)))
                .when(set(map(PHI, null)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void containsPhiTrueMayBeSetTrueAgain() {
        directory.withLicense(ORG, Licenses.PHI_FEATURES);
        Map<String, Boolean> before = policiesSet(noPolicies(), map(PHI, true)).policies();
        fixture.given(created(), policiesSet(noPolicies(), map(PHI, true)))
                .when(set(map(PHI, true)))
                .expectEvents(new TrePoliciesSetEvent(TRE, Map.of(), before));
    }

    @Test
    void containsPhiStaysTrueWhenOtherPoliciesChange() {
        directory.withLicense(ORG, Licenses.PHI_FEATURES);
        Map<String, Boolean> before = policiesSet(noPolicies(), map(PHI, true)).policies();
        fixture.given(created(), policiesSet(noPolicies(), map(PHI, true)))
                .when(set(map("restricted", false)))
                .expectEvents(policiesSet(before, map("restricted", false)));
    }

    @Test
    void containsPhiFalseMayStillBecomeTrue() {
        directory.withLicense(ORG, Licenses.PHI_FEATURES);
        Map<String, Boolean> before = policiesSet(noPolicies(), map(PHI, false)).policies();
        fixture.given(created(), policiesSet(noPolicies(), map(PHI, false)))
                .when(set(map(PHI, true)))
                .expectEvents(policiesSet(before, map(PHI, true)));
    }

    @Test
    void containsPhiStaysLockedAcrossActivation() {
        directory.withLicense(ORG, Licenses.PHI_FEATURES);
        fixture.given(plus(readyDraft(), policiesSet(noPolicies(), map(PHI, true)), activated("1.0.0", null),
                        deactivated()))
                .when(set(map(PHI, false)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }
}
