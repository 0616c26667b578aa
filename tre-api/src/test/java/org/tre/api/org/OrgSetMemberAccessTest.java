package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /org-xxxx/setMemberAccess} (org-api.txt, DECISIONS.md §12, §14). */
class OrgSetMemberAccessTest extends OrgApiTest {

    private Dx.Response set(String orgId, String token, Object... userAndChange) {
        return dx().post("/" + orgId + "/setMemberAccess", token, Dx.obj(userAndChange));
    }

    @Test
    void adminToMemberNeedsTheThreeFlags() {
        Person admin = person("boss");
        Person other = person("admin2");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), other.id(), "level", "ADMIN");
        assertError(set(orgId, admin.token(), other.id(), Dx.obj("level", "MEMBER")), 422, "InvalidInput");
        assertError(set(orgId, admin.token(), other.id(), Dx.obj("level", "MEMBER", "allowBillableActivities", false,
                "projectAccess", "VIEW")), 422, "InvalidInput");
        assertThat(membership(orgId, other.id()).get("level").asText()).isEqualTo("ADMIN");

        Dx.Response done = set(orgId, admin.token(), other.id(), Dx.obj("level", "MEMBER",
                "allowBillableActivities", false, "projectAccess", "VIEW", "appAccess", false));
        assertThat(done.expectOk().body().get("id").asText()).isEqualTo(orgId);
        JsonNode row = membership(orgId, other.id());
        assertThat(row.get("level").asText()).isEqualTo("MEMBER");
        assertThat(row.get("allowBillableActivities").asBoolean()).isFalse();
        assertThat(row.get("projectAccess").asText()).isEqualTo("VIEW");
        assertThat(row.get("appAccess").asBoolean()).isFalse();
    }

    @Test
    void memberToAdminProhibitsTheFlags() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        assertError(set(orgId, admin.token(), member.id(), Dx.obj("level", "ADMIN", "appAccess", true)), 422,
                "InvalidInput");
        assertThat(membership(orgId, member.id()).get("level").asText()).isEqualTo("MEMBER");
        set(orgId, admin.token(), member.id(), Dx.obj("level", "ADMIN")).expectOk();
        JsonNode row = membership(orgId, member.id());
        assertThat(row.get("level").asText()).isEqualTo("ADMIN");
        assertThat(row.get("allowBillableActivities").asBoolean()).isTrue();
        assertThat(row.get("projectAccess").asText()).isEqualTo("ADMINISTER");
    }

    @Test
    void flagsForAnAdminStayingAdminAreInvalidInput() {
        Person admin = person("boss");
        Person other = person("admin2");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), other.id(), "level", "ADMIN");
        assertError(set(orgId, admin.token(), other.id(), Dx.obj("projectAccess", "VIEW")), 422, "InvalidInput");
        assertThat(membership(orgId, other.id()).get("projectAccess").asText()).isEqualTo("ADMINISTER");
    }

    @Test
    void aMemberStayingMemberGetsOnlyTheGivenFlagsSet() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id(), "allowBillableActivities", true, "projectAccess", "UPLOAD",
                "appAccess", false);
        set(orgId, admin.token(), member.id(), Dx.obj("projectAccess", "VIEW")).expectOk();
        JsonNode row = membership(orgId, member.id());
        assertThat(row.get("projectAccess").asText()).isEqualTo("VIEW");
        assertThat(row.get("allowBillableActivities").asBoolean()).isTrue();
        assertThat(row.get("appAccess").asBoolean()).isFalse();
        set(orgId, admin.token(), member.id(), Dx.obj("level", "MEMBER", "appAccess", true)).expectOk();
        row = membership(orgId, member.id());
        assertThat(row.get("appAccess").asBoolean()).isTrue();
        assertThat(row.get("projectAccess").asText()).isEqualTo("VIEW");
    }

    @Test
    void treManagementKeepsItsValueUnlessNamedAndMayBeSetAtAnyLevel() {
        Person admin = person("boss");
        Person other = person("admin2");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), other.id(), "level", "ADMIN", "treManagement", true);
        set(orgId, admin.token(), other.id(), Dx.obj("level", "MEMBER", "allowBillableActivities", true,
                "projectAccess", "CONTRIBUTE", "appAccess", true)).expectOk();
        assertThat(membership(orgId, other.id()).get("treManagement").asBoolean()).as("ADMIN to MEMBER").isTrue();
        set(orgId, admin.token(), other.id(), Dx.obj("level", "ADMIN")).expectOk();
        assertThat(membership(orgId, other.id()).get("treManagement").asBoolean()).as("MEMBER to ADMIN").isTrue();
        set(orgId, admin.token(), other.id(), Dx.obj("treManagement", false)).expectOk();
        JsonNode row = membership(orgId, other.id());
        assertThat(row.get("treManagement").asBoolean()).as("the one flag beside level for an ADMIN").isFalse();
        assertThat(row.get("level").asText()).isEqualTo("ADMIN");
        set(orgId, admin.token(), other.id(), Dx.obj("level", "ADMIN", "treManagement", true)).expectOk();
        assertThat(membership(orgId, other.id()).get("treManagement").asBoolean()).isTrue();
    }

    @Test
    void theRequesterNamingThemselfIsInvalidInputAndNobodyChanges() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        assertError(set(orgId, admin.token(), admin.id(), Dx.obj("treManagement", true), member.id(),
                Dx.obj("projectAccess", "VIEW")), 422, "InvalidInput");
        assertThat(membership(orgId, admin.id()).get("treManagement").asBoolean()).isFalse();
        assertThat(membership(orgId, member.id()).get("projectAccess").asText()).isEqualTo("CONTRIBUTE");
    }

    @Test
    void usersThatAreNotMembersAreInvalidStateButTheOthersAreChanged() {
        Person admin = person("boss");
        Person member = person("staff");
        Person stranger = person("stranger");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        Dx.Response partial = set(orgId, admin.token(), stranger.id(), Dx.obj("projectAccess", "VIEW"), member.id(),
                Dx.obj("projectAccess", "VIEW", "allowBillableActivities", true), "user-" + unique("ghost"),
                Dx.obj("level", "ADMIN"));
        assertError(partial, 422, "InvalidState");
        assertThat(partial.errorMessage()).contains(stranger.id());
        JsonNode row = membership(orgId, member.id());
        assertThat(row.get("projectAccess").asText()).isEqualTo("VIEW");
        assertThat(row.get("allowBillableActivities").asBoolean()).isTrue();
        assertThat(membership(orgId, stranger.id())).as("setMemberAccess adds nobody").isNull();
    }

    @Test
    void otherErrorsChangeNothing() {
        Person admin = person("boss");
        Person member = person("staff");
        Person other = person("admin2");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        member(orgId, admin.token(), other.id(), "level", "ADMIN");
        assertError(set(orgId, admin.token(), member.id(), Dx.obj("projectAccess", "VIEW"), other.id(),
                Dx.obj("level", "MEMBER")), 422, "InvalidInput");
        assertThat(membership(orgId, member.id()).get("projectAccess").asText()).isEqualTo("CONTRIBUTE");
    }

    @Test
    void malformedChangesAreInvalidInput() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        assertError(set(orgId, admin.token(), member.id(), "ADMIN"), 422, "InvalidInput");
        assertError(set(orgId, admin.token(), member.id(), Dx.obj("level", "OWNER")), 422, "InvalidInput");
        assertError(set(orgId, admin.token(), member.id(), Dx.obj("projectAccess", "ALL")), 422, "InvalidInput");
        assertError(set(orgId, admin.token(), member.id(), Dx.obj("appAccess", "no")), 422, "InvalidInput");
        assertError(set(orgId, admin.token(), member.id(), Dx.obj("colour", "red")), 422, "InvalidInput");
        assertError(set(orgId, admin.token(), "org-x", Dx.obj("level", "MEMBER")), 422, "InvalidInput");
    }

    @Test
    void onlyAnAdminWithAFullScopeTokenChangesAccess() {
        Person admin = person("boss");
        Person member = person("staff");
        Person other = person("other");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id(), "allowBillableActivities", true);
        member(orgId, admin.token(), other.id());
        assertError(set(orgId, member.token(), other.id(), Dx.obj("level", "ADMIN")), 401, "PermissionDenied");
        assertError(set(orgId, person("stranger").token(), other.id(), Dx.obj("level", "ADMIN")), 401,
                "PermissionDenied");
        assertError(set(orgId, limitedToken(admin.id()), other.id(), Dx.obj("level", "ADMIN")), 401,
                "PermissionDenied");
        assertThat(membership(orgId, other.id()).get("level").asText()).isEqualTo("MEMBER");
    }

    @Test
    void theOperatorMayChangeAnyMemberIncludingTheCreator() {
        Person creator = person("creator");
        String orgId = newOrg(creator.token());
        set(orgId, ADMIN_TOKEN, creator.id(), Dx.obj("treManagement", true)).expectOk();
        assertThat(membership(orgId, creator.id()).get("treManagement").asBoolean()).isTrue();
        Person second = person("second");
        member(orgId, creator.token(), second.id(), "level", "ADMIN");
        set(orgId, ADMIN_TOKEN, creator.id(), Dx.obj("level", "MEMBER", "allowBillableActivities", false,
                "projectAccess", "VIEW", "appAccess", true)).expectOk();
        assertThat(membership(orgId, creator.id()).get("level").asText()).isEqualTo("MEMBER");
    }

    @Test
    void anUnknownOrgIsResourceNotFound() {
        Person someone = person("someone");
        assertError(set("org-" + unique("nosuch"), someone.token(), someone.id() + "x", Dx.obj("level", "ADMIN")),
                404, "ResourceNotFound");
    }
}
