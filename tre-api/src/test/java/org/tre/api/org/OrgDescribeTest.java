package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /org-xxxx/describe}: which fields whom (org-api.txt, DECISIONS.md §12, §13). */
class OrgDescribeTest extends OrgApiTest {

    private static final String[] MEMBER_FIELDS = {"level", "allowBillableActivities", "projectAccess", "appAccess",
            "treManagement", "policies", "pendingBillingInformation", "estSpendingLimitLeft", "phiFeaturesEnabled",
            "defaultRegion", "permittedRegions"};
    private static final String[] CHARGE_FIELDS = {"computeCharges", "storageCharges", "storageChargesComputedAt",
            "dataEgressCharges"};

    @Test
    void aNonMemberSeesOnlyIdClassHandleAndName() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        JsonNode seen = describe(orgId, person("stranger").token());
        assertThat(fieldNames(seen)).containsExactlyInAnyOrder("id", "class", "handle", "name");
        assertThat(seen.get("id").asText()).isEqualTo(orgId);
        assertThat(seen.get("class").asText()).isEqualTo("org");
    }

    @Test
    void aMemberWithAFullScopeTokenSeesTheAdminsAndTheirOwnMembership() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id(), "projectAccess", "VIEW", "appAccess", false, "treManagement", true);
        JsonNode seen = describe(orgId, member.token());
        assertThat(fieldNames(seen)).contains(MEMBER_FIELDS).contains("admins")
                .doesNotContain("jobLogsForwarding", "pricingModelsByRegion", "pendingTransfers",
                        "userCreationFeaturesEnabled")
                .doesNotContain(CHARGE_FIELDS);
        assertThat(texts(seen.get("admins"))).containsExactly(admin.id());
        assertThat(seen.get("level").asText()).isEqualTo("MEMBER");
        assertThat(seen.get("allowBillableActivities").asBoolean()).isFalse();
        assertThat(seen.get("projectAccess").asText()).isEqualTo("VIEW");
        assertThat(seen.get("appAccess").asBoolean()).isFalse();
        assertThat(seen.get("treManagement").asBoolean()).isTrue();
        assertThat(seen.get("phiFeaturesEnabled").asBoolean()).isFalse();
    }

    @Test
    void aMemberWithALimitedTokenSeesOnlyThePublicFields() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        JsonNode seen = describe(orgId, limitedToken(member.id()));
        assertThat(fieldNames(seen)).containsExactlyInAnyOrder("id", "class", "handle", "name");
        JsonNode adminView = describe(orgId, limitedToken(admin.id()));
        assertThat(fieldNames(adminView)).containsExactlyInAnyOrder("id", "class", "handle", "name");
    }

    @Test
    void aPublicMemberListShowsTheAdminsToAnyone() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        dx().post("/" + orgId + "/update", admin.token(), Dx.obj("policies",
                Dx.obj("memberListVisibility", "PUBLIC"))).expectOk();
        JsonNode seen = describe(orgId, person("stranger").token());
        assertThat(fieldNames(seen)).containsExactlyInAnyOrder("id", "class", "handle", "name", "admins");
        assertThat(texts(seen.get("admins"))).containsExactly(admin.id());
        Person other = person("limited");
        assertThat(texts(describe(orgId, limitedToken(other.id())).get("admins"))).containsExactly(admin.id());
    }

    @Test
    void aMemberListVisibleToMembersOnlyIsNotShownToStrangers() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        dx().post("/" + orgId + "/update", admin.token(), Dx.obj("policies",
                Dx.obj("memberListVisibility", "MEMBER"))).expectOk();
        assertThat(describe(orgId, person("stranger").token()).has("admins")).isFalse();
    }

    @Test
    void fieldsSelectsExactlyTheNamedFieldsBesideTheId() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        JsonNode seen = dx().post("/" + orgId + "/describe", admin.token(),
                Dx.obj("fields", Dx.obj("name", true, "policies", true, "handle", false))).expectOk().body();
        assertThat(fieldNames(seen)).containsExactlyInAnyOrder("id", "name", "policies");
    }

    @Test
    void defaultFieldsTrueWithFieldsTurnsSingleDefaultsOff() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        JsonNode seen = dx().post("/" + orgId + "/describe", admin.token(),
                Dx.obj("defaultFields", true, "fields", Dx.obj("admins", false, "userCreationFeaturesEnabled", true)))
                .expectOk().body();
        assertThat(fieldNames(seen)).contains("class", "handle", "name", "level", "policies",
                "userCreationFeaturesEnabled").doesNotContain("admins");
        assertThat(seen.get("userCreationFeaturesEnabled").asBoolean()).isFalse();
    }

    @Test
    void defaultFieldsFalseAloneLeavesOnlyTheId() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        JsonNode seen = dx().post("/" + orgId + "/describe", admin.token(), Dx.obj("defaultFields", false))
                .expectOk().body();
        assertThat(fieldNames(seen)).containsExactly("id");
    }

    @Test
    void unknownFieldsAndWronglyTypedSelectionsAreInvalidInput() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(dx().post("/" + orgId + "/describe", admin.token(), Dx.obj("fields", Dx.obj("nope", true))), 422,
                "InvalidInput");
        assertError(dx().post("/" + orgId + "/describe", admin.token(), Dx.obj("fields", Dx.obj("name", "yes"))), 422,
                "InvalidInput");
        assertError(dx().post("/" + orgId + "/describe", admin.token(), Dx.obj("fields", true)), 422, "InvalidInput");
        assertError(dx().post("/" + orgId + "/describe", admin.token(), Dx.obj("defaultFields", "no")), 422,
                "InvalidInput");
    }

    @Test
    void chargesAreShownToMembersWithAllowBillableActivitiesOnly() {
        Person admin = person("boss");
        Person payer = person("payer");
        Person viewer = person("viewer");
        String orgId = newOrg(admin.token());
        billable(orgId);
        member(orgId, admin.token(), payer.id(), "allowBillableActivities", true);
        member(orgId, admin.token(), viewer.id());
        JsonNode paying = describe(orgId, payer.token());
        assertThat(fieldNames(paying)).contains(CHARGE_FIELDS).contains("billingInformation");
        assertThat(paying.get("computeCharges").isNumber()).isTrue();
        assertThat(paying.get("storageChargesComputedAt").isIntegralNumber()).isTrue();
        JsonNode viewing = describe(orgId, viewer.token());
        assertThat(fieldNames(viewing)).doesNotContain(CHARGE_FIELDS).contains("billingInformation");
        assertThat(fieldNames(describe(orgId, person("stranger").token()))).doesNotContain("billingInformation");
    }

    @Test
    void billingInformationNeedsABillableOrg() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertThat(describe(orgId, admin.token()).has("billingInformation")).isFalse();
        billable(orgId);
        assertThat(describe(orgId, admin.token()).has("billingInformation")).isTrue();
    }

    @Test
    void pricingModelsByRegionComeOnlyOnRequestToBillingMembersOfABillableOrg() {
        Person admin = person("boss");
        Person payer = person("payer");
        Person viewer = person("viewer");
        String orgId = newOrg(admin.token());
        setLicenses(orgId, "billable", true, "permittedRegions", java.util.List.of("aws:us-east-1", "azure:westeurope"),
                "pricingModelsByRegion", Dx.obj("aws:us-east-1", Dx.obj("storageRatePerGBMonth", 0.023,
                        "computeRatesPerHour", Dx.obj("mem1_ssd1_v2_x4", 0.4),
                        "ipRates", Dx.obj("0.0.0.0/0", 0.09),
                        "computeRatesPerHourPHI", Dx.obj("mem1_ssd1_v2_x4", 0.6))));
        member(orgId, admin.token(), payer.id(), "allowBillableActivities", true);
        member(orgId, admin.token(), viewer.id());
        assertThat(describe(orgId, payer.token()).has("pricingModelsByRegion")).as("not a default field").isFalse();

        var request = Dx.obj("fields", Dx.obj("pricingModelsByRegion", true));
        JsonNode pricing = dx().post("/" + orgId + "/describe", payer.token(), request).expectOk().body()
                .get("pricingModelsByRegion");
        assertThat(fieldNames(pricing)).containsExactlyInAnyOrder("aws:us-east-1", "azure:westeurope");
        assertThat(pricing.get("aws:us-east-1").get("storageRatePerGBMonth").asDouble()).isEqualTo(0.023);
        assertThat(pricing.get("aws:us-east-1").get("ipRates").get("0.0.0.0/0").asDouble()).isEqualTo(0.09);
        assertThat(pricing.get("aws:us-east-1").has("computeRatesPerHourPHI")).as("no PHI features").isFalse();

        assertThat(dx().post("/" + orgId + "/describe", viewer.token(), request).expectOk().body()
                .has("pricingModelsByRegion")).isFalse();

        setLicenses(orgId, "licenses", Dx.obj("phiFeaturesEnabled", true));
        JsonNode withPhi = dx().post("/" + orgId + "/describe", payer.token(), request).expectOk().body();
        assertThat(withPhi.get("pricingModelsByRegion").get("aws:us-east-1").get("computeRatesPerHourPHI")
                .get("mem1_ssd1_v2_x4").asDouble()).isEqualTo(0.6);
    }

    @Test
    void jobLogsForwardingIsADefaultFieldForAdminsOnly() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id(), "allowBillableActivities", true);
        JsonNode adminView = describe(orgId, admin.token());
        assertThat(adminView.has("jobLogsForwarding")).isTrue();
        assertThat(adminView.get("jobLogsForwarding").isNull()).as("not configured, no license").isTrue();
        assertThat(describe(orgId, member.token()).has("jobLogsForwarding")).isFalse();
    }

    @Test
    void aNonAdminExplicitlyRequestingJobLogsForwardingIsPermissionDenied() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        var request = Dx.obj("fields", Dx.obj("jobLogsForwarding", true));
        assertError(dx().post("/" + orgId + "/describe", member.token(), request), 401, "PermissionDenied");
        assertError(dx().post("/" + orgId + "/describe", person("stranger").token(), request), 401,
                "PermissionDenied");
        assertError(dx().post("/" + orgId + "/describe", limitedToken(admin.id()), request), 401, "PermissionDenied");
        JsonNode adminView = dx().post("/" + orgId + "/describe", admin.token(), request).expectOk().body();
        assertThat(fieldNames(adminView)).containsExactlyInAnyOrder("id", "jobLogsForwarding");
        // Asking for it to be left out is no request for it.
        dx().post("/" + orgId + "/describe", member.token(), Dx.obj("fields", Dx.obj("jobLogsForwarding", false)))
                .expectOk();
    }

    @Test
    void pendingTransfersAndUserCreationFeaturesAreForAdminsOnRequest() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        setLicenses(orgId, "licenses", Dx.obj("userCreationFeaturesEnabled", true));
        member(orgId, admin.token(), member.id());
        var request = Dx.obj("fields", Dx.obj("pendingTransfers", true, "userCreationFeaturesEnabled", true));
        JsonNode adminView = dx().post("/" + orgId + "/describe", admin.token(), request).expectOk().body();
        assertThat(adminView.get("pendingTransfers").isArray()).isTrue();
        assertThat(adminView.get("userCreationFeaturesEnabled").asBoolean()).isTrue();
        JsonNode memberView = dx().post("/" + orgId + "/describe", member.token(), request).expectOk().body();
        assertThat(fieldNames(memberView)).containsExactly("id");
        assertThat(describe(orgId, admin.token()).has("pendingTransfers")).isFalse();
    }

    @Test
    void theOperatorSeesEveryField() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        billable(orgId);
        JsonNode seen = describe(orgId, ADMIN_TOKEN);
        assertThat(fieldNames(seen)).contains("admins", "policies", "permittedRegions", "defaultRegion",
                "billingInformation", "jobLogsForwarding").contains(CHARGE_FIELDS);
        JsonNode onRequest = dx().post("/" + orgId + "/describe", ADMIN_TOKEN, Dx.obj("fields",
                Dx.obj("pricingModelsByRegion", true, "pendingTransfers", true, "userCreationFeaturesEnabled", true,
                        "jobLogsForwarding", true))).expectOk().body();
        assertThat(fieldNames(onRequest)).containsExactlyInAnyOrder("id", "pricingModelsByRegion", "pendingTransfers",
                "userCreationFeaturesEnabled", "jobLogsForwarding");
    }

    @Test
    void anUnknownOrgIsResourceNotFound() {
        assertError(dx().post("/org-" + unique("nosuch") + "/describe", person("x").token(), "{}"), 404,
                "ResourceNotFound");
    }

    @Test
    void aDestroyedOrgIsResourceNotFoundEvenToTheOperator() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        dx().post("/" + orgId + "/destroy", admin.token(), "{}").expectOk();
        assertError(dx().post("/" + orgId + "/describe", admin.token(), "{}"), 404, "ResourceNotFound");
        assertError(dx().post("/" + orgId + "/describe", ADMIN_TOKEN, "{}"), 404, "ResourceNotFound");
    }
}
