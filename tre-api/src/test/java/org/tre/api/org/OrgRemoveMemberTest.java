package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /org-xxxx/removeMember} (org-api.txt, DECISIONS.md §12). */
class OrgRemoveMemberTest extends OrgApiTest {

    private Dx.Response remove(String orgId, String token, String userId, Object... extra) {
        var body = Dx.obj(extra);
        body.put("user", userId);
        return dx().post("/" + orgId + "/removeMember", token, body);
    }

    private JsonNode app(String appId) {
        return dx().post("/" + appId + "/describe", ADMIN_TOKEN, "{}").expectOk().body();
    }

    @Test
    void anAdminRemovesAMemberAndTheAnswerNamesTheOrgProjectsAndApps() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        JsonNode answer = remove(orgId, admin.token(), member.id()).expectOk().body();
        assertThat(fieldNames(answer)).containsExactlyInAnyOrder("id", "projects", "apps");
        assertThat(answer.get("id").asText()).isEqualTo(orgId);
        assertThat(answer.get("projects").isObject()).isTrue();
        assertThat(answer.get("apps").isObject()).isTrue();
        assertThat(membership(orgId, member.id())).isNull();
        assertThat(fieldNames(describe(orgId, member.token()))).doesNotContain("level");
    }

    @Test
    void theSoleAdminRemovingThemselfIsInvalidState() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(remove(orgId, admin.token(), admin.id()), 422, "InvalidState");
        assertThat(membership(orgId, admin.id())).isNotNull();
    }

    @Test
    void anAdminMayRemoveThemselfWhenAnotherAdminRemains() {
        Person admin = person("boss");
        Person admin2 = person("admin2");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), admin2.id(), "level", "ADMIN");
        remove(orgId, admin.token(), admin.id()).expectOk();
        assertThat(membership(orgId, admin.id())).isNull();
        assertThat(texts(describe(orgId, admin2.token()).get("admins"))).containsExactly(admin2.id());
    }

    @Test
    void removingANonMemberSucceedsAndChangesNothing() {
        Person admin = person("boss");
        Person payer = person("payer");
        Person formerMember = person("former");
        String orgId = newOrg(admin.token());
        billable(orgId);
        member(orgId, admin.token(), payer.id(), "allowBillableActivities", true);
        String appId = newApp(payer.token(), orgId, unique("keep"), "developers", List.of(formerMember.id()));
        JsonNode answer = remove(orgId, admin.token(), formerMember.id()).expectOk().body();
        assertThat(answer.get("apps").isEmpty()).isTrue();
        assertThat(answer.get("projects").isEmpty()).isTrue();
        assertThat(texts(app(appId).get("developers"))).as("a non-member's access stays untouched")
                .contains(formerMember.id());
        assertThat(events(orgId, "OrgMemberRemovedEvent")).isZero();
    }

    @Test
    void removingTheSoleDeveloperMakesTheRequesterDeveloper() {
        Person admin = person("boss");
        Person dev = person("dev");
        String orgId = newOrg(admin.token());
        billable(orgId);
        member(orgId, admin.token(), dev.id(), "allowBillableActivities", true);
        String name = unique("solo");
        String appId = newApp(dev.token(), orgId, name);
        JsonNode answer = remove(orgId, admin.token(), dev.id()).expectOk().body();
        assertThat(answer.get("apps").get(name).asBoolean()).isTrue();
        assertThat(texts(app(appId).get("developers"))).containsExactly(admin.id());
    }

    @Test
    void noElevationWhenOtherDevelopersRemain() {
        Person admin = person("boss");
        Person dev = person("dev");
        Person codev = person("codev");
        String orgId = newOrg(admin.token());
        billable(orgId);
        member(orgId, admin.token(), dev.id(), "allowBillableActivities", true);
        String name = unique("pair");
        String appId = newApp(dev.token(), orgId, name, "developers", List.of(dev.id(), codev.id()));
        JsonNode answer = remove(orgId, admin.token(), dev.id()).expectOk().body();
        assertThat(answer.get("apps").get(name).asBoolean()).isFalse();
        assertThat(texts(app(appId).get("developers"))).containsExactly(codev.id());
    }

    @Test
    void noElevationWhenTheRequesterRemovesThemself() {
        Person admin = person("boss");
        Person admin2 = person("admin2");
        String orgId = newOrg(admin.token());
        billable(orgId);
        member(orgId, admin.token(), admin2.id(), "level", "ADMIN");
        String name = unique("selfrm");
        String appId = newApp(admin2.token(), orgId, name);
        JsonNode answer = remove(orgId, admin2.token(), admin2.id()).expectOk().body();
        assertThat(answer.get("apps").get(name).asBoolean()).isFalse();
        assertThat(texts(app(appId).get("developers"))).isEmpty();
    }

    @Test
    void authorizedUserAccessIsRevokedToo() {
        Person admin = person("boss");
        Person payer = person("payer");
        Person user = person("user");
        String orgId = newOrg(admin.token());
        billable(orgId);
        member(orgId, admin.token(), payer.id(), "allowBillableActivities", true);
        member(orgId, admin.token(), user.id());
        String name = unique("authz");
        String appId = newApp(payer.token(), orgId, name, "authorizedUsers", List.of(user.id()), "published", true);
        JsonNode answer = remove(orgId, admin.token(), user.id()).expectOk().body();
        assertThat(answer.get("apps").get(name).asBoolean()).isFalse();
        assertThat(texts(app(appId).get("authorizedUsers"))).doesNotContain(user.id());
        assertThat(texts(app(appId).get("developers"))).containsExactly(payer.id());
    }

    @Test
    void revokeAppPermissionsFalseLeavesTheAppsAlone() {
        Person admin = person("boss");
        Person dev = person("dev");
        String orgId = newOrg(admin.token());
        billable(orgId);
        member(orgId, admin.token(), dev.id(), "allowBillableActivities", true);
        String appId = newApp(dev.token(), orgId, unique("kept"));
        JsonNode answer = remove(orgId, admin.token(), dev.id(), "revokeAppPermissions", false).expectOk().body();
        assertThat(answer.get("apps").isEmpty()).isTrue();
        assertThat(texts(app(appId).get("developers"))).containsExactly(dev.id());
        assertThat(membership(orgId, dev.id())).isNull();
    }

    @Test
    void appsBilledToOtherOrgsAreNotTouched() {
        Person admin = person("boss");
        Person dev = person("dev");
        String orgId = newOrg(admin.token());
        String otherOrg = newOrg(dev.token());
        billable(otherOrg);
        member(orgId, admin.token(), dev.id());
        String appId = newApp(dev.token(), otherOrg, unique("elsewhere"));
        JsonNode answer = remove(orgId, admin.token(), dev.id()).expectOk().body();
        assertThat(answer.get("apps").isEmpty()).isTrue();
        assertThat(texts(app(appId).get("developers"))).containsExactly(dev.id());
    }

    @Test
    void malformedInputIsInvalidInput() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(dx().post("/" + orgId + "/removeMember", admin.token(), "{}"), 422, "InvalidInput");
        assertError(dx().post("/" + orgId + "/removeMember", admin.token(), Dx.obj("user", 5)), 422, "InvalidInput");
        assertError(remove(orgId, admin.token(), admin.id(), "revokeAppPermissions", "no"), 422, "InvalidInput");
    }

    @Test
    void onlyAnAdminWithAFullScopeTokenRemovesMembers() {
        Person admin = person("boss");
        Person member = person("staff");
        Person other = person("other");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id(), "allowBillableActivities", true);
        member(orgId, admin.token(), other.id());
        assertError(remove(orgId, member.token(), other.id()), 401, "PermissionDenied");
        assertError(remove(orgId, person("stranger").token(), other.id()), 401, "PermissionDenied");
        assertError(remove(orgId, limitedToken(admin.id()), other.id()), 401, "PermissionDenied");
        assertThat(membership(orgId, other.id())).isNotNull();
    }

    @Test
    void anUnknownOrgIsResourceNotFound() {
        Person someone = person("someone");
        assertError(remove("org-" + unique("nosuch"), someone.token(), someone.id()), 404, "ResourceNotFound");
    }
}
