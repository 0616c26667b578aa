package org.tre.api.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /org-xxxx/findApps} and {@code /system/findGlobalWorkflows}. */
class AppOrgFindAppsTest extends OrgApiTest {

    private Dx.Response find(String orgId, String token, Object... keysAndValues) {
        return dx().post("/" + orgId + "/findApps", token, Dx.obj(keysAndValues));
    }

    @Test
    void anAdminFindsEveryAppBilledToTheOrgWhateverItsPublication() {
        Person admin = person("boss");
        Person dev = person("dev");
        String orgId = newOrg(admin.token());
        billable(orgId);
        member(orgId, admin.token(), dev.id(), "allowBillableActivities", true);
        String unpublished = newApp(dev.token(), orgId, unique("hidden"));
        String published = newApp(dev.token(), orgId, unique("shown"), "published", true);
        String elsewhere = newApp(admin.token(), otherBillableOrg(admin), unique("elsewhere"));

        JsonNode answer = find(orgId, admin.token()).expectOk().body();
        assertThat(ids(answer)).containsExactlyInAnyOrder(unpublished, published).doesNotContain(elsewhere);
        assertThat(answer.get("next").isNull()).isTrue();
        assertThat(ids(find(orgId, admin.token(), "published", false).expectOk().body())).containsExactly(unpublished);
        JsonNode described = find(orgId, admin.token(), "describe", true, "name", Dx.obj("glob", "hidden*"))
                .expectOk().body();
        assertThat(described.get("results").get(0).get("describe").get("billTo").asText()).isEqualTo(orgId);
        assertThat(ids(find(orgId, ADMIN_TOKEN).expectOk().body())).containsExactlyInAnyOrder(unpublished, published);
    }

    @Test
    void theDefaultVersionOnlyUnlessAllVersions() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        billable(orgId);
        String name = unique("multi");
        String v1 = newApp(admin.token(), orgId, name, "version", "1.0.0");
        String v2 = newApp(admin.token(), orgId, name, "version", "2.0.0");
        assertThat(ids(find(orgId, admin.token()).expectOk().body())).containsExactly(v2);
        assertThat(ids(find(orgId, admin.token(), "allVersions", true).expectOk().body()))
                .containsExactlyInAnyOrder(v1, v2);
    }

    @Test
    void onlyAnAdminWithAFullScopeTokenMayList() {
        Person admin = person("boss");
        Person dev = person("dev");
        String orgId = newOrg(admin.token());
        billable(orgId);
        member(orgId, admin.token(), dev.id(), "allowBillableActivities", true);
        newApp(dev.token(), orgId, unique("app"));
        assertError(find(orgId, dev.token()), 401, "PermissionDenied");
        assertError(find(orgId, person("stranger").token()), 401, "PermissionDenied");
        assertError(find(orgId, limitedToken(admin.id())), 401, "PermissionDenied");
    }

    @Test
    void malformedFiltersAreInvalidInput() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(find(orgId, admin.token(), "limit", 0), 422, "InvalidInput");
        assertError(find(orgId, admin.token(), "name", Dx.obj("glob", "a", "regexp", "a")), 422, "InvalidInput");
        assertError(find(orgId, admin.token(), "category", 7), 422, "InvalidInput");
    }

    @Test
    void malformedInputIsInvalidInputBeforeTheOrgAndTheRightsAreChecked() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(find(orgId, person("stranger").token(), "limit", 0), 422, "InvalidInput");
        assertError(find(orgId, limitedToken(admin.id()), "published", "yes"), 422, "InvalidInput");
        assertError(find("org-" + unique("nosuch"), admin.token(), "limit", 0), 422, "InvalidInput");
    }

    @Test
    void anUnknownOrgIsResourceNotFound() {
        assertError(find("org-" + unique("nosuch"), person("x").token()), 404, "ResourceNotFound");
    }

    @Test
    void findGlobalWorkflowsAnswersNoResults() {
        Person someone = person("someone");
        JsonNode answer = dx().post("/system/findGlobalWorkflows", someone.token(), "{}").expectOk().body();
        assertThat(fieldNames(answer)).containsExactlyInAnyOrder("results", "next");
        assertThat(answer.get("results").isArray()).isTrue();
        assertThat(answer.get("results").isEmpty()).isTrue();
        assertThat(answer.get("next").isNull()).isTrue();
        dx().post("/system/findGlobalWorkflows", someone.token(), Dx.obj("describe", Dx.obj("fields",
                Dx.obj("name", true)), "limit", 1000)).expectOk();
        assertError(dx().post("/system/findGlobalWorkflows", someone.token(), Dx.obj("limit", 0)), 422,
                "InvalidInput");
        assertError(dx().post("/system/findGlobalWorkflows", null, "{}"), 401, "InvalidAuthentication");
    }

    private String otherBillableOrg(Person admin) {
        String orgId = newOrg(admin.token());
        billable(orgId);
        return orgId;
    }
}
