package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * {@code /org-xxxx/update} without job logs forwarding (that needs an HTTPS endpoint:
 * {@link OrgJobLogsForwardingTest}).
 */
class OrgUpdateTest extends OrgApiTest {

    private Dx.Response update(String orgId, String token, Object... keysAndValues) {
        return dx().post("/" + orgId + "/update", token, Dx.obj(keysAndValues));
    }

    private JsonNode policies(String orgId) {
        return describe(orgId, ADMIN_TOKEN).get("policies");
    }

    @Test
    void anAdminRenamesTheOrgAndTheAnswerIsItsId() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        Dx.Response updated = update(orgId, admin.token(), "name", "Renamed");
        assertThat(updated.expectOk().body().get("id").asText()).isEqualTo(orgId);
        assertThat(describe(orgId, admin.token()).get("name").asText()).isEqualTo("Renamed");
        assertError(update(orgId, admin.token(), "name", ""), 422, "InvalidInput");
        assertError(update(orgId, admin.token(), "name", 7), 422, "InvalidInput");
    }

    @Test
    void policiesMergeKeysNotNamedStay() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        update(orgId, admin.token(), "policies", Dx.obj("memberListVisibility", "MEMBER")).expectOk();
        update(orgId, admin.token(), "policies", Dx.obj("restrictProjectSharing", "ADMIN")).expectOk();
        JsonNode policies = policies(orgId);
        assertThat(policies.get("memberListVisibility").asText()).isEqualTo("MEMBER");
        assertThat(policies.get("restrictProjectSharing").asText()).isEqualTo("ADMIN");
        assertThat(policies.get("restrictProjectTransfer").asText()).isEqualTo("MEMBER");
    }

    @Test
    void policyValuesOfTheWrongTypeOrOutOfRangeAreInvalidInput() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        billable(orgId, "monthlyProjectSpendingLimit", "monthlyProjectStorageSpendingLimit", "detailedJobMetrics");
        List<JsonNode> bad = List.of(
                Dx.obj("memberListVisibility", "ALL"),
                Dx.obj("restrictProjectTransfer", "PUBLIC"),
                Dx.obj("jobReuse", 1),
                Dx.obj("detailedJobMetricsCollectDefault", "true"),
                Dx.obj("monthlyProjectComputeLimitDefault", 0),
                Dx.obj("monthlyProjectComputeLimitDefault", -5),
                Dx.obj("monthlyProjectComputeLimitDefault", 1.5),
                Dx.obj("monthlyProjectEgressBytesLimitDefault", "100"),
                Dx.obj("monthlyProjectStorageLimitDefault", 0),
                Dx.obj("monthlyProjectStorageLimitDefault", "1.5"),
                Dx.obj("enforceTerminationForProjectComputeLimit", "yes"),
                Dx.obj("enforceTerminationForProjectEgressBytesLimit", 0),
                Dx.obj("projectSpendingLimitNotificationThreshold", 0),
                Dx.obj("projectSpendingLimitNotificationThreshold", 100),
                Dx.obj("projectSpendingLimitNotificationThreshold", 50.5),
                Dx.obj("projectSpendingLimitNotificationThreshold", "50"),
                Dx.obj("noSuchPolicy", true));
        for (JsonNode policies : bad) {
            assertError(update(orgId, admin.token(), "policies", policies), 422, "InvalidInput");
        }
        assertError(update(orgId, admin.token(), "policies", "PUBLIC"), 422, "InvalidInput");
        assertThat(policies(orgId).get("projectSpendingLimitNotificationThreshold").asInt()).isEqualTo(90);
    }

    @Test
    void theNotificationThresholdRangesFromOneToNinetyNine() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        billable(orgId, "monthlyProjectSpendingLimit");
        update(orgId, admin.token(), "policies", Dx.obj("projectSpendingLimitNotificationThreshold", 1)).expectOk();
        assertThat(policies(orgId).get("projectSpendingLimitNotificationThreshold").asInt()).isEqualTo(1);
        update(orgId, admin.token(), "policies", Dx.obj("projectSpendingLimitNotificationThreshold", 99)).expectOk();
        assertThat(policies(orgId).get("projectSpendingLimitNotificationThreshold").asInt()).isEqualTo(99);
    }

    @Test
    void spendingLimitPoliciesWithTheirLicensesAreSet() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        billable(orgId, "monthlyProjectSpendingLimit", "monthlyProjectStorageSpendingLimit", "detailedJobMetrics");
        update(orgId, admin.token(), "policies", Dx.obj("monthlyProjectComputeLimitDefault", 500,
                "monthlyProjectEgressBytesLimitDefault", 1_000_000_000_000L, "monthlyProjectStorageLimitDefault", 12.5,
                "enforceTerminationForProjectComputeLimit", true, "enforceTerminationForProjectEgressBytesLimit", true,
                "detailedJobMetricsCollectDefault", true)).expectOk();
        JsonNode policies = policies(orgId);
        assertThat(policies.get("monthlyProjectComputeLimitDefault").asLong()).isEqualTo(500);
        assertThat(policies.get("monthlyProjectEgressBytesLimitDefault").asLong()).isEqualTo(1_000_000_000_000L);
        assertThat(policies.get("monthlyProjectStorageLimitDefault").asDouble()).isEqualTo(12.5);
        assertThat(policies.get("enforceTerminationForProjectComputeLimit").asBoolean()).isTrue();
        assertThat(policies.get("detailedJobMetricsCollectDefault").asBoolean()).isTrue();
        update(orgId, admin.token(), "policies", Dx.obj("monthlyProjectComputeLimitDefault", null)).expectOk();
        assertThat(policies(orgId).get("monthlyProjectComputeLimitDefault").isNull()).isTrue();
    }

    @Test
    void spendingLimitPoliciesWithoutTheirLicenseArePermissionDenied() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        for (String policy : List.of("monthlyProjectComputeLimitDefault", "monthlyProjectEgressBytesLimitDefault")) {
            assertError(update(orgId, admin.token(), "policies", Dx.obj(policy, 10)), 401, "PermissionDenied");
        }
        for (String policy : List.of("enforceTerminationForProjectComputeLimit",
                "enforceTerminationForProjectEgressBytesLimit")) {
            assertError(update(orgId, admin.token(), "policies", Dx.obj(policy, true)), 401, "PermissionDenied");
        }
        assertError(update(orgId, admin.token(), "policies", Dx.obj("projectSpendingLimitNotificationThreshold", 50)),
                401, "PermissionDenied");
        assertError(update(orgId, admin.token(), "policies", Dx.obj("detailedJobMetricsCollectDefault", true)), 401,
                "PermissionDenied");
        // The compute license does not cover storage.
        billable(orgId, "monthlyProjectSpendingLimit");
        assertError(update(orgId, admin.token(), "policies", Dx.obj("monthlyProjectStorageLimitDefault", 2.5)), 401,
                "PermissionDenied");
        assertThat(policies(orgId).get("monthlyProjectStorageLimitDefault").isNull()).isTrue();
    }

    @Test
    void aRefusedPolicyChangesNothingElseInTheSameCall() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(update(orgId, admin.token(), "name", "Changed", "policies", Dx.obj("jobReuse", true,
                "monthlyProjectComputeLimitDefault", 10)), 401, "PermissionDenied");
        JsonNode org = describe(orgId, admin.token());
        assertThat(org.get("name").asText()).isNotEqualTo("Changed");
        assertThat(org.get("policies").get("jobReuse").asBoolean()).isFalse();
    }

    @Test
    void enforceTerminationForProjectStorageLimitCannotBeChanged() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        billable(orgId, "monthlyProjectSpendingLimit", "monthlyProjectStorageSpendingLimit");
        assertError(update(orgId, admin.token(), "policies", Dx.obj("enforceTerminationForProjectStorageLimit", true)),
                422, "InvalidInput");
        assertThat(policies(orgId).get("enforceTerminationForProjectStorageLimit").asBoolean()).isFalse();
    }

    @Test
    void theDefaultRegionMustBeAPermittedRegion() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        setLicenses(orgId, "billable", true, "permittedRegions", List.of("aws:us-east-1", "aws:eu-central-1"));
        assertError(update(orgId, admin.token(), "defaultRegion", "azure:westeurope"), 422, "InvalidInput");
        assertThat(describe(orgId, admin.token()).get("defaultRegion").asText()).isEqualTo("aws:us-east-1");
        update(orgId, admin.token(), "defaultRegion", "aws:eu-central-1").expectOk();
        assertThat(describe(orgId, admin.token()).get("defaultRegion").asText()).isEqualTo("aws:eu-central-1");
    }

    @Test
    void aMemberWhoIsNotAnAdminIsPermissionDenied() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id(), "allowBillableActivities", true);
        assertError(update(orgId, member.token(), "name", "Mine"), 401, "PermissionDenied");
        assertError(update(orgId, person("stranger").token(), "name", "Mine"), 401, "PermissionDenied");
        assertThat(describe(orgId, admin.token()).get("name").asText()).isNotEqualTo("Mine");
    }

    @Test
    void anAdminWithALimitedTokenIsPermissionDenied() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(update(orgId, limitedToken(admin.id()), "name", "Limited"), 401, "PermissionDenied");
    }

    @Test
    void theOperatorMayUpdateAnyOrg() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        update(orgId, ADMIN_TOKEN, "name", "By the operator").expectOk();
        assertThat(describe(orgId, admin.token()).get("name").asText()).isEqualTo("By the operator");
    }

    @Test
    void anUnknownOrgIsResourceNotFound() {
        assertError(update("org-" + unique("nosuch"), person("x").token(), "name", "N"), 404, "ResourceNotFound");
    }
}
