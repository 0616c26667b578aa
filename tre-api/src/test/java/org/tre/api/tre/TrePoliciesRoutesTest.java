package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /tre-xxxx/setPolicies}: tre-api.md "TRE Policies", DECISIONS.md §7 and §12. */
class TrePoliciesRoutesTest extends TreApiTest {

    static final List<String> KEYS = List.of("restricted", "protected", "downloadRestricted",
            "externalUploadRestricted", "previewViewerRestricted", "databaseUIViewOnly", "containsPHI",
            "httpsAppIsolatedBrowsing", "jobOutboundInternet", "displayDataProtectionNotice");

    private Dx.Response set(String tre, Object workspace) {
        return call(tre, "setPolicies", admin.token(), Dx.obj("restrictedWorkspace", workspace));
    }

    private JsonNode policies(String tre, String token) {
        return describe(tre, token).get("policies").get("restrictedWorkspace");
    }

    @Test
    void allTenKeysAreAlwaysPresentAndSetPoliciesMerges() {
        String tre = newTre();
        JsonNode initial = policies(tre, admin.token());
        assertThat(fieldNames(initial)).containsExactlyInAnyOrderElementsOf(KEYS);
        KEYS.forEach(key -> assertThat(initial.get(key).isNull()).as(key).isTrue());

        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("restricted", true, "protected", false)));
        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("downloadRestricted", true, "protected", null)));
        ok(tre, "setPolicies", Dx.obj());
        JsonNode merged = policies(tre, admin.token());
        assertThat(fieldNames(merged)).containsExactlyInAnyOrderElementsOf(KEYS);
        assertThat(merged.get("restricted").asBoolean()).isTrue();
        assertThat(merged.get("restricted").isBoolean()).isTrue();
        assertThat(merged.get("protected").isNull()).isTrue();
        assertThat(merged.get("downloadRestricted").asBoolean()).isTrue();
        assertThat(merged.get("jobOutboundInternet").isNull()).isTrue();

        // Authorized users see the same policies.
        Person user = person("auth");
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(user.id())));
        assertThat(policies(tre, user.token())).isEqualTo(merged);
    }

    @Test
    void unknownKeysAndNonBooleanValues() {
        String tre = newTre();
        assertError(set(tre, Dx.obj("restrcted", true)), 422, "InvalidInput");
        assertError(set(tre, Dx.obj("restricted", true, "allowSSH", false)), 422, "InvalidInput");
        for (Object value : new Object[]{"true", 1, 0, List.of(true), Dx.obj()}) {
            assertError(set(tre, Dx.obj("restricted", value)), 422, "InvalidInput");
        }
        assertError(call(tre, "setPolicies", admin.token(), Dx.obj("restrictedWorkspace", true)), 422, "InvalidInput");
        assertError(call(tre, "setPolicies", admin.token(), Dx.obj("restricted", true)), 422, "InvalidInput");
        assertError(call(tre, "setPolicies", admin.token(), Dx.obj("restrictedWorkspace", Dx.obj(), "x", 1)),
                422, "InvalidInput");
        JsonNode after = policies(tre, admin.token());
        KEYS.forEach(key -> assertThat(after.get(key).isNull()).as(key).isTrue());
    }

    @Test
    void featureSwitchedPoliciesNeedTheirLicense() {
        String tre = newTre();
        for (String[] pair : new String[][]{{"externalUploadRestricted", "externalUploadRestrictedControl"},
                {"containsPHI", "phiFeaturesEnabled"}, {"displayDataProtectionNotice", "dataProtectionNotice"}}) {
            String key = pair[0];
            assertError(set(tre, Dx.obj(key, true)), 401, "PermissionDenied");
            assertError(set(tre, Dx.obj(key, false)), 401, "PermissionDenied");
            // null is always allowed.
            ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj(key, null)));
            setLicenses(org, "licenses", Dx.obj(pair[1], true));
            ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj(key, true)));
            assertThat(policies(tre, admin.token()).get(key).asBoolean()).as(key).isTrue();
        }
    }

    @Test
    void containsPhiCannotBeTurnedOffOnceOn() {
        String tre = newTre();
        setLicenses(org, "licenses", Dx.obj("phiFeaturesEnabled", true));
        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("containsPHI", false)));
        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("containsPHI", null)));
        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("containsPHI", true)));
        assertError(set(tre, Dx.obj("containsPHI", false)), 422, "InvalidState");
        assertError(set(tre, Dx.obj("containsPHI", null)), 422, "InvalidState");
        assertError(set(tre, Dx.obj("containsPHI", null, "restricted", true)), 422, "InvalidState");
        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("containsPHI", true, "restricted", false)));
        JsonNode after = policies(tre, admin.token());
        assertThat(after.get("containsPHI").asBoolean()).isTrue();
        assertThat(after.get("restricted").asBoolean()).isFalse();
    }

    @Test
    void policiesChangeInEveryState() {
        Person reviewer = person("rev");
        String tre = activeTre(reviewer);
        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("jobOutboundInternet", false)));
        assertThat(policies(tre, admin.token()).get("jobOutboundInternet").asBoolean()).isFalse();
        ok(tre, "deactivate", Dx.obj());
        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("jobOutboundInternet", true)));
        assertThat(policies(tre, reviewer.token()).get("jobOutboundInternet").asBoolean()).isTrue();
    }
}
