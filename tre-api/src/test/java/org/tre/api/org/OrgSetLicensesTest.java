package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** The operator's {@code /org-xxxx/setLicenses} (DECISIONS.md §11). */
class OrgSetLicensesTest extends OrgApiTest {

    private Dx.Response setLicenses(String orgId, String token, Object... keysAndValues) {
        return dx().post("/" + orgId + "/setLicenses", token, Dx.obj(keysAndValues));
    }

    @Test
    void theOperatorSwitchesLicensesRegionsAndBillingOn() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        JsonNode answer = setLicenses(orgId, ADMIN_TOKEN, "billable", true,
                "licenses", Dx.obj("phiFeaturesEnabled", true, "userCreationFeaturesEnabled", true),
                "permittedRegions", List.of("aws:us-east-1", "aws:eu-central-1"), "defaultRegion", "aws:eu-central-1",
                "rateCard", true).expectOk().body();
        assertThat(answer.get("id").asText()).isEqualTo(orgId);
        JsonNode org = dx().post("/" + orgId + "/describe", admin.token(),
                Dx.obj("defaultFields", true, "fields", Dx.obj("userCreationFeaturesEnabled", true))).expectOk().body();
        assertThat(org.get("phiFeaturesEnabled").asBoolean()).isTrue();
        assertThat(org.get("userCreationFeaturesEnabled").asBoolean()).isTrue();
        assertThat(texts(org.get("permittedRegions"))).containsExactly("aws:us-east-1", "aws:eu-central-1");
        assertThat(org.get("defaultRegion").asText()).isEqualTo("aws:eu-central-1");
        assertThat(org.has("billingInformation")).isTrue();
    }

    @Test
    void licensesNotNamedStayAndFalseSwitchesOneOff() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        setLicenses(orgId, ADMIN_TOKEN, "licenses", Dx.obj("phiFeaturesEnabled", true)).expectOk();
        setLicenses(orgId, ADMIN_TOKEN, "licenses", Dx.obj("userCreationFeaturesEnabled", true)).expectOk();
        var request = Dx.obj("fields", Dx.obj("phiFeaturesEnabled", true, "userCreationFeaturesEnabled", true));
        JsonNode org = dx().post("/" + orgId + "/describe", admin.token(), request).expectOk().body();
        assertThat(org.get("phiFeaturesEnabled").asBoolean()).isTrue();
        assertThat(org.get("userCreationFeaturesEnabled").asBoolean()).isTrue();
        setLicenses(orgId, ADMIN_TOKEN, "licenses", Dx.obj("phiFeaturesEnabled", false)).expectOk();
        org = dx().post("/" + orgId + "/describe", admin.token(), request).expectOk().body();
        assertThat(org.get("phiFeaturesEnabled").asBoolean()).isFalse();
        assertThat(org.get("userCreationFeaturesEnabled").asBoolean()).isTrue();
    }

    @Test
    void onlyTheOperatorSetsLicenses() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(setLicenses(orgId, admin.token(), "billable", true), 401, "PermissionDenied");
        assertThat(describe(orgId, admin.token()).has("billingInformation")).isFalse();
    }

    @Test
    void anUnknownLicenseIsInvalidInput() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(setLicenses(orgId, ADMIN_TOKEN, "licenses", Dx.obj("unlimitedEverything", true)), 422,
                "InvalidInput");
        assertError(setLicenses(orgId, ADMIN_TOKEN, "licenses", Dx.obj("phiFeaturesEnabled", "yes")), 422,
                "InvalidInput");
    }

    @Test
    void aDefaultRegionOutsideThePermittedRegionsIsInvalidInput() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(setLicenses(orgId, ADMIN_TOKEN, "defaultRegion", "azure:westeurope"), 422, "InvalidInput");
        assertError(setLicenses(orgId, ADMIN_TOKEN, "permittedRegions", List.of("aws:eu-central-1"),
                "defaultRegion", "aws:us-east-1"), 422, "InvalidInput");
        JsonNode org = describe(orgId, admin.token());
        assertThat(texts(org.get("permittedRegions"))).containsExactly("aws:us-east-1");
        assertThat(org.get("defaultRegion").asText()).isEqualTo("aws:us-east-1");
    }

    @Test
    void unknownKeysAndWrongTypesAreInvalidInput() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(setLicenses(orgId, ADMIN_TOKEN, "billible", true), 422, "InvalidInput");
        assertError(setLicenses(orgId, ADMIN_TOKEN, "billable", "true"), 422, "InvalidInput");
        assertError(setLicenses(orgId, ADMIN_TOKEN, "permittedRegions", "aws:us-east-1"), 422, "InvalidInput");
        assertError(setLicenses(orgId, ADMIN_TOKEN, "permittedRegions", List.of("")), 422, "InvalidInput");
        assertError(setLicenses(orgId, ADMIN_TOKEN, "pricingModelsByRegion", List.of()), 422, "InvalidInput");
    }

    @Test
    void anUnknownOrgIsResourceNotFound() {
        assertError(setLicenses("org-" + unique("nosuch"), ADMIN_TOKEN, "billable", true), 404, "ResourceNotFound");
    }
}
