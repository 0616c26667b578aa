package org.tre.api.org;

import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /org-xxxx/destroy} and what a destroyed org answers (org-api.txt, DECISIONS.md §12). */
class OrgDestroyTest extends OrgApiTest {

    @Test
    void anAdminDestroysTheOrgAndTheAnswerIsItsId() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertThat(dx().post("/" + orgId + "/destroy", admin.token(), "{}").expectOk().body().get("id").asText())
                .isEqualTo(orgId);
        assertThat(events(orgId, "OrgDestroyedEvent")).isEqualTo(1);
    }

    @Test
    void anOrgWithAppsBilledToItIsInvalidState() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        billable(orgId);
        newApp(admin.token(), orgId, unique("billed"));
        assertError(dx().post("/" + orgId + "/destroy", admin.token(), "{}"), 422, "InvalidState");
        assertThat(describe(orgId, admin.token()).get("id").asText()).isEqualTo(orgId);
    }

    @Test
    void afterDestroyEveryRouteOnTheOrgIsResourceNotFound() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        dx().post("/" + orgId + "/destroy", admin.token(), "{}").expectOk();

        Map<String, Object> routes = new LinkedHashMap<>();
        routes.put("describe", Dx.obj());
        routes.put("update", Dx.obj("name", "Back"));
        routes.put("setLicenses", Dx.obj("billable", true));
        routes.put("invite", Dx.obj("invitee", member.id()));
        routes.put("setMemberAccess", Dx.obj(member.id(), Dx.obj("level", "ADMIN")));
        routes.put("findMembers", Dx.obj());
        routes.put("removeMember", Dx.obj("user", member.id()));
        routes.put("destroy", Dx.obj());
        routes.put("findApps", Dx.obj());
        routes.forEach((route, body) -> {
            String token = "setLicenses".equals(route) ? ADMIN_TOKEN : admin.token();
            assertError(dx().post("/" + orgId + "/" + route, token, body), 404, "ResourceNotFound");
        });
        assertError(dx().post("/" + orgId + "/describe", ADMIN_TOKEN, "{}"), 404, "ResourceNotFound");
        assertThat(ids(dx().post("/system/findOrgs", member.token(), "{}").expectOk().body())).doesNotContain(orgId);
    }

    @Test
    void theHandleOfADestroyedOrgStaysTaken() {
        Person admin = person("boss");
        String handle = unique("gone");
        String orgId = dx().post("/org/new", admin.token(), Dx.obj("handle", handle, "name", "N")).expectOk().body()
                .get("id").asText();
        dx().post("/" + orgId + "/destroy", admin.token(), "{}").expectOk();
        assertError(dx().post("/org/new", admin.token(), Dx.obj("handle", handle.toUpperCase(), "name", "Again")), 422,
                "InvalidState");
        assertError(dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", handle, "email", handle + "@example.org")),
                422, "InvalidState");
    }

    @Test
    void onlyAnAdminWithAFullScopeTokenDestroys() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id(), "allowBillableActivities", true);
        assertError(dx().post("/" + orgId + "/destroy", member.token(), "{}"), 401, "PermissionDenied");
        assertError(dx().post("/" + orgId + "/destroy", person("stranger").token(), "{}"), 401, "PermissionDenied");
        assertError(dx().post("/" + orgId + "/destroy", limitedToken(admin.id()), "{}"), 401, "PermissionDenied");
        assertThat(describe(orgId, admin.token()).get("id").asText()).isEqualTo(orgId);
    }

    @Test
    void anUnknownOrgIsResourceNotFound() {
        assertError(dx().post("/org-" + unique("nosuch") + "/destroy", person("x").token(), "{}"), 404,
                "ResourceNotFound");
    }
}
