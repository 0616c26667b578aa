package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.messages.org.Licenses;
import org.tre.messages.project.ProjectFlags;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /project/new}, {@code describe}, {@code update} and {@code destroy} over HTTP. */
class ProjectRoutesTest extends ProjectServiceTest {

    // ---- /project/new ----

    @Test
    void aBillingMemberCreatesAProjectInTheDefaultRegionAndAdministersIt() {
        Billing billing = billing();
        String id = newProject(billing, "summary", "S", "description", "D", "tags", List.of("a", "b"),
                "properties", Map.of("k", "v"), "protected", true);
        assertThat(id).matches("project-[0123456789BFGJKPQVXYZbfgjkpqvxyz]{24}");
        JsonNode project = describe(id, billing.admin().token());
        assertThat(project.get("billTo").asText()).isEqualTo(billing.orgId());
        assertThat(project.get("region").asText()).isEqualTo(US);
        assertThat(project.get("level").asText()).isEqualTo("ADMINISTER");
        assertThat(project.get("permissions").get(billing.admin().id()).asText()).isEqualTo("ADMINISTER");
        assertThat(project.get("summary").asText()).isEqualTo("S");
        assertThat(project.get("description").asText()).isEqualTo("D");
        assertThat(project.get("tags")).hasSize(2);
        assertThat(project.get("properties").get("k").asText()).isEqualTo("v");
        assertThat(project.get("protected").asBoolean()).isTrue();
        assertThat(project.get("containsPHI").asBoolean()).isFalse();
        assertThat(project.get("jobOutboundInternet").asBoolean()).isTrue();
        for (String flag : ProjectFlags.NAMES) {
            assertThat(project.has(flag)).as(flag).isTrue();
        }
        assertThat(project.get("created").isIntegralNumber()).isTrue();
        assertThat(project.get("modified").isIntegralNumber()).isTrue();
        assertThat(project.get("version").asLong()).isEqualTo(2);
        assertThat(project.get("pendingTransfer").isNull()).isTrue();
        assertThat(project.get("monthlyComputeLimit").isNull()).isTrue();
        assertThat(project.has("tre")).isFalse();
    }

    @Test
    void theInclusionFlagsDxSendsAddTheirFieldsToASelection() {
        Billing billing = billing();
        String id = newProject(billing, "properties", Map.of("k", "v"));
        String token = billing.admin().token();
        JsonNode both = dx().post("/" + id + "/describe", token, Dx.obj("fields", Map.of("name", true),
                "properties", true, "permissions", true, "appCaches", true)).expectOk().body();
        assertThat(both.get("properties").get("k").asText()).isEqualTo("v");
        assertThat(both.get("permissions").get(billing.admin().id()).asText()).isEqualTo("ADMINISTER");
        JsonNode neither = dx().post("/" + id + "/describe", token, Dx.obj("fields", Map.of("name", true),
                "properties", false)).expectOk().body();
        assertThat(neither.has("properties")).isFalse();
        assertThat(neither.has("permissions")).isFalse();
        assertThat(describe(id, token).get("dataUsage").asDouble()).isZero();
    }

    @Test
    void aRegionThatTheOrgPermitsIsUsed() {
        Billing billing = billing();
        String id = newProject(billing, "region", EU);
        assertThat(describe(id, billing.admin().token()).get("region").asText()).isEqualTo(EU);
    }

    @Test
    void projectNewRefusesMalformedInput() {
        Billing billing = billing();
        String token = billing.admin().token();
        String org = billing.orgId();
        assertError(dx().post("/project/new", token, Dx.obj("billTo", org)), 422, "InvalidInput");
        assertError(dx().post("/project/new", token, Dx.obj("name", "", "billTo", org)), 422, "InvalidInput");
        assertError(dx().post("/project/new", token, Dx.obj("name", 5, "billTo", org)), 422, "InvalidInput");
        assertError(dx().post("/project/new", token, Dx.obj("name", "p", "billTo", org, "colour", "red")), 422,
                "InvalidInput");
        assertError(dx().post("/project/new", token, Dx.obj("name", "p", "billTo", org, "tags", "a")), 422,
                "InvalidInput");
        assertError(dx().post("/project/new", token, Dx.obj("name", "p", "billTo", org, "properties", Map.of("k", 1))),
                422, "InvalidInput");
        assertError(dx().post("/project/new", token, Dx.obj("name", "p", "billTo", org, "restricted", "yes")), 422,
                "InvalidInput");
        assertError(dx().post("/project/new", token, Dx.obj("name", "p", "billTo", billing.admin().id())), 422,
                "InvalidInput");
    }

    @Test
    void withoutBillToTheOneOrgTheCreatorMayBillPays() {
        Billing billing = billing();
        Person creator = billing.admin();
        member(billableOrg(), creator, false, "CONTRIBUTE");
        admin(org(Map.of(), false), creator);
        String id = dx().post("/project/new", creator.token(), Dx.obj("name", "p")).expectOk().body().get("id").asText();
        JsonNode project = describe(id, creator.token());
        assertThat(project.get("billTo").asText()).isEqualTo(billing.orgId());
        assertThat(project.get("region").asText()).isEqualTo(US);
    }

    @Test
    void withoutBillToACreatorWhoMayBillSeveralOrgsIsAskedToNameOne() {
        Billing billing = billing();
        String other = billableOrg();
        admin(other, billing.admin());
        Dx.Response response = dx().post("/project/new", billing.admin().token(), Dx.obj("name", "p"));
        assertError(response, 422, "InvalidInput");
        assertThat(response.errorMessage()).contains("'billTo'").contains(billing.orgId()).contains(other);
    }

    @Test
    void withoutBillToACreatorWhoMayBillNoOrgIsToldWhy() {
        Person creator = person("nobill");
        member(billableOrg(), creator, false, "CONTRIBUTE");
        admin(org(Map.of(), false), creator);
        Dx.Response response = dx().post("/project/new", creator.token(), Dx.obj("name", "p"));
        assertError(response, 422, "InvalidInput");
        assertThat(response.errorMessage()).isEqualTo("Missing required input 'billTo': you may bill no org (a billable"
                + " org where you have allowBillableActivities), so there is none to bill by default");
    }

    @Test
    void aTreProjectWithoutARequestIsInvalidInputAndAnUnknownRequestNotFound() {
        Billing billing = billing();
        Dx.Response response = dx().post("/project/new", billing.admin().token(), Dx.obj("name", "p",
                "billTo", billing.orgId(), "tre", "tre-nosuchtre"));
        assertError(response, 422, "InvalidInput");
        assertThat(response.errorMessage()).contains("treApplication");
        String unknown = "treApplication-BBBBBBBBBBBBBBBBBBBBBBBB";
        Dx.Response missing = dx().post("/project/new", billing.admin().token(), Dx.obj("name", "p",
                "treApplication", unknown));
        assertError(missing, 404, "ResourceNotFound");
        assertThat(missing.errorMessage()).contains(unknown);
        assertError(dx().post("/project/new", billing.admin().token(), Dx.obj("name", "p", "billTo", billing.orgId(),
                "dispense", true)), 422, "InvalidInput");
    }

    @Test
    void anUnknownBillToIsResourceNotFound() {
        assertError(dx().post("/project/new", billing().admin().token(), Dx.obj("name", "p", "billTo",
                "org-" + unique("nowhere"))), 404, "ResourceNotFound");
    }

    @Test
    void aNonBillableOrgIsPermissionDenied() {
        Person alice = person("alice");
        String org = org(Map.of(), false);
        admin(org, alice);
        assertError(dx().post("/project/new", alice.token(), Dx.obj("name", "p", "billTo", org)), 401,
                "PermissionDenied");
    }

    @Test
    void aMemberWithoutAllowBillableActivitiesIsPermissionDenied() {
        Billing billing = billing();
        Person bob = person("bob");
        member(billing.orgId(), bob, false, "CONTRIBUTE");
        assertError(dx().post("/project/new", bob.token(), Dx.obj("name", "p", "billTo", billing.orgId())), 401,
                "PermissionDenied");
        Person carol = person("carol");
        member(billing.orgId(), carol, true, "CONTRIBUTE");
        newProject(carol, billing.orgId());
    }

    @Test
    void aProjectLimitedTokenCannotCreateProjects() {
        Billing billing = billing();
        String project = newProject(billing);
        String limited = limitedToken(billing.admin(), Map.of(project, "ADMINISTER"));
        assertError(dx().post("/project/new", limited, Dx.obj("name", "p", "billTo", billing.orgId())), 401,
                "PermissionDenied");
    }

    @Test
    void aRegionTheOrgDoesNotPermitIsInvalidInput() {
        Billing billing = billing();
        assertError(dx().post("/project/new", billing.admin().token(), Dx.obj("name", "p", "billTo", billing.orgId(),
                "region", "azure:westeurope")), 422, "InvalidInput");
    }

    @Test
    void aFeatureSwitchedFlagNeedsTheOrgsLicense() {
        Billing plain = billing();
        assertError(dx().post("/project/new", plain.admin().token(), Dx.obj("name", "p", "billTo", plain.orgId(),
                "containsPHI", true)), 401, "PermissionDenied");
        Billing phi = billing(Licenses.PHI_FEATURES);
        String id = newProject(phi, "containsPHI", true);
        assertThat(describe(id, phi.admin().token()).get("containsPHI").asBoolean()).isTrue();
    }

    @Test
    void theSameNonceCreatesOneProject() {
        Billing billing = billing();
        var input = Dx.obj("name", "p", "billTo", billing.orgId(), "nonce", unique("n"));
        String first = dx().post("/project/new", billing.admin().token(), input).expectOk().body().get("id").asText();
        String second = dx().post("/project/new", billing.admin().token(), input).expectOk().body().get("id").asText();
        assertThat(second).isEqualTo(first);
        input.put("name", "other");
        assertError(dx().post("/project/new", billing.admin().token(), input), 422, "InvalidInput");
    }

    @Test
    void projectNewNeedsAToken() {
        assertError(dx().post("/project/new", null, Dx.obj("name", "p")), 401, "InvalidAuthentication");
    }

    // ---- describe ----

    @Test
    void describingAProjectWithoutAccessIsPermissionDenied() {
        String id = newProject(billing());
        assertError(dx().post("/" + id + "/describe", person("eve").token(), "{}"), 401, "PermissionDenied");
    }

    @Test
    void describingAnUnknownProjectIsResourceNotFound() {
        assertError(dx().post("/project-0123456789BFGJKPQVXYZbfg/describe", person("eve").token(), "{}"), 404,
                "ResourceNotFound");
        assertError(dx().post("/project-nonsense/describe", person("eve").token(), "{}"), 404, "ResourceNotFound");
    }

    @Test
    void onlyAdministratorsSeePermissions() {
        Billing billing = billing();
        String id = newProject(billing);
        Person viewer = person("viewer");
        invite(id, billing.admin(), viewer.id(), "VIEW");
        JsonNode seen = describe(id, viewer.token());
        assertThat(seen.get("level").asText()).isEqualTo("VIEW");
        assertThat(seen.has("permissions")).isFalse();
        assertThat(describe(id, billing.admin().token()).get("permissions").size()).isEqualTo(2);
    }

    @Test
    void theOperatorDescribesEveryProject() {
        String id = newProject(billing());
        JsonNode seen = describe(id, ADMIN_TOKEN);
        assertThat(seen.get("level").asText()).isEqualTo("NONE");
        assertThat(seen.has("permissions")).isTrue();
    }

    @Test
    void fieldsSelectsWhatDescribeReturns() {
        Billing billing = billing();
        String id = newProject(billing);
        JsonNode seen = dx().post("/" + id + "/describe", billing.admin().token(),
                Dx.obj("fields", Dx.obj("name", true, "region", true, "billTo", false))).expectOk().body();
        assertThat(fieldNames(seen)).containsExactlyInAnyOrder("id", "name", "region");
        JsonNode usage = dx().post("/" + id + "/describe", billing.admin().token(),
                Dx.obj("currentMonthComputeUsage", true)).expectOk().body();
        assertThat(usage.get("currentMonthComputeUsage").asLong()).isZero();
        assertError(dx().post("/" + id + "/describe", billing.admin().token(), Dx.obj("fields", Dx.obj("colour", true))),
                422, "InvalidInput");
        assertError(dx().post("/" + id + "/describe", billing.admin().token(), Dx.obj("colour", true)), 422,
                "InvalidInput");
    }

    @Test
    void aLimitedTokenSeesOnlyTheProjectsItNames() {
        Billing billing = billing();
        String mine = newProject(billing);
        String other = newProject(billing);
        String limited = limitedToken(billing.admin(), Map.of(mine, "VIEW"));
        assertThat(describe(mine, limited).get("level").asText()).isEqualTo("VIEW");
        assertError(dx().post("/" + other + "/describe", limited, "{}"), 401, "PermissionDenied");
    }

    // ---- update ----

    @Test
    void anAdministratorUpdatesNamesAndFlags() {
        Billing billing = billing();
        String id = newProject(billing);
        dx().post("/" + id + "/update", billing.admin().token(), Dx.obj("name", "Renamed", "summary", "s",
                "description", "d", "restricted", true, "version", 2)).expectOk();
        JsonNode seen = describe(id, billing.admin().token());
        assertThat(seen.get("name").asText()).isEqualTo("Renamed");
        assertThat(seen.get("restricted").asBoolean()).isTrue();
        assertThat(seen.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void aStaleVersionIsInvalidState() {
        Billing billing = billing();
        String id = newProject(billing);
        dx().post("/" + id + "/update", billing.admin().token(), Dx.obj("name", "a")).expectOk();
        assertError(dx().post("/" + id + "/update", billing.admin().token(), Dx.obj("name", "b", "version", 2)), 422,
                "InvalidState");
    }

    @Test
    void containsPhiCannotBeTurnedOff() {
        Billing billing = billing(Licenses.PHI_FEATURES);
        String id = newProject(billing);
        dx().post("/" + id + "/update", billing.admin().token(), Dx.obj("containsPHI", true)).expectOk();
        assertError(dx().post("/" + id + "/update", billing.admin().token(), Dx.obj("containsPHI", false)), 422,
                "InvalidState");
    }

    @Test
    void updateRefusesMalformedInput() {
        Billing billing = billing();
        String id = newProject(billing);
        String token = billing.admin().token();
        assertError(dx().post("/" + id + "/update", token, Dx.obj("colour", "red")), 422, "InvalidInput");
        assertError(dx().post("/" + id + "/update", token, Dx.obj("protected", 1)), 422, "InvalidInput");
        assertError(dx().post("/" + id + "/update", token, Dx.obj("version", "2")), 422, "InvalidInput");
        assertError(dx().post("/" + id + "/update", token, Dx.obj("billTo", billing.admin().id())), 422,
                "InvalidInput");
    }

    @Test
    void updateNeedsContributeForNamesAndAdministerForFlags() {
        Billing billing = billing();
        String id = newProject(billing);
        Person contributor = person("contrib");
        invite(id, billing.admin(), contributor.id(), "CONTRIBUTE");
        dx().post("/" + id + "/update", contributor.token(), Dx.obj("name", "ok")).expectOk();
        assertError(dx().post("/" + id + "/update", contributor.token(), Dx.obj("protected", true)), 401,
                "PermissionDenied");
        Person viewer = person("viewer");
        invite(id, billing.admin(), viewer.id(), "VIEW");
        assertError(dx().post("/" + id + "/update", viewer.token(), Dx.obj("name", "no")), 401, "PermissionDenied");
        String limited = limitedToken(billing.admin(), Map.of(id, "CONTRIBUTE"));
        assertError(dx().post("/" + id + "/update", limited, Dx.obj("protected", true)), 401, "PermissionDenied");
    }

    @Test
    void aFeatureSwitchedFlagNeedsTheLicenseOnUpdate() {
        Billing billing = billing();
        String id = newProject(billing);
        assertError(dx().post("/" + id + "/update", billing.admin().token(), Dx.obj("externalUploadRestricted", true)),
                401, "PermissionDenied");
    }

    @Test
    void billToMovesOnlyWhereTheAdministratorMayBill() {
        Billing billing = billing();
        String id = newProject(billing);
        String token = billing.admin().token();
        assertError(dx().post("/" + id + "/update", token, Dx.obj("billTo", "org-" + unique("nowhere"))), 404,
                "ResourceNotFound");
        String other = billableOrg();
        assertError(dx().post("/" + id + "/update", token, Dx.obj("billTo", other)), 401, "PermissionDenied");
        member(other, billing.admin(), true, "CONTRIBUTE");
        dx().post("/" + id + "/update", token, Dx.obj("billTo", other)).expectOk();
        assertThat(describe(id, token).get("billTo").asText()).isEqualTo(other);
    }

    @Test
    void aNewBillToMustPermitTheProjectsRegion() {
        Billing billing = billing();
        String id = newProject(billing, "region", EU);
        String usOnly = billableOrg();
        dx().post("/" + usOnly + "/setLicenses", ADMIN_TOKEN, Dx.obj("permittedRegions", List.of(US))).expectOk();
        member(usOnly, billing.admin(), true, "CONTRIBUTE");
        assertError(dx().post("/" + id + "/update", billing.admin().token(), Dx.obj("billTo", usOnly)), 422,
                "InvalidInput");
    }

    @Test
    void restrictProjectTransferAdminKeepsMembersFromMovingBilling() {
        String strict = org(Map.of("restrictProjectTransfer", "ADMIN"), true);
        Person member = person("member");
        member(strict, member, true, "CONTRIBUTE");
        String id = newProject(member, strict);
        String other = billableOrg();
        member(other, member, true, "CONTRIBUTE");
        assertError(dx().post("/" + id + "/update", member.token(), Dx.obj("billTo", other)), 401, "PermissionDenied");
    }

    @Test
    void updatingAnUnknownProjectIsResourceNotFound() {
        assertError(dx().post("/project-0123456789BFGJKPQVXYZbfg/update", person("eve").token(), Dx.obj("name", "x")),
                404, "ResourceNotFound");
    }

    // ---- destroy ----

    @Test
    void aDestroyedProjectIsGoneForEveryRoute() {
        Billing billing = billing();
        String id = newProject(billing);
        dx().post("/" + id + "/destroy", billing.admin().token(), Dx.obj("terminateJobs", true)).expectOk();
        assertError(dx().post("/" + id + "/describe", billing.admin().token(), "{}"), 404, "ResourceNotFound");
        assertError(dx().post("/" + id + "/update", billing.admin().token(), Dx.obj("name", "x")), 404,
                "ResourceNotFound");
        assertError(dx().post("/" + id + "/destroy", billing.admin().token(), "{}"), 404, "ResourceNotFound");
    }

    @Test
    void destroyingNeedsAdminister() {
        Billing billing = billing();
        String id = newProject(billing);
        Person contributor = person("contrib");
        invite(id, billing.admin(), contributor.id(), "CONTRIBUTE");
        assertError(dx().post("/" + id + "/destroy", contributor.token(), "{}"), 401, "PermissionDenied");
        assertError(dx().post("/" + id + "/destroy", billing.admin().token(), Dx.obj("terminateJobs", "yes")), 422,
                "InvalidInput");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
