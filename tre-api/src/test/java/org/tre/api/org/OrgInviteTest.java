package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /org-xxxx/invite} (org-api.txt, DECISIONS.md §11, §12, §14). */
class OrgInviteTest extends OrgApiTest {

    @Test
    void anExistingUserJoinsAtOnceAndTheInviteIsAccepted() {
        Person admin = person("boss");
        Person invitee = person("joiner");
        String orgId = newOrg(admin.token());
        Dx.Response invited = invite(orgId, admin.token(), invitee.id());
        JsonNode answer = invited.expectOk().body();
        assertThat(fieldNames(answer)).containsExactlyInAnyOrder("id", "state");
        assertThat(answer.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.get("id").isTextual()).isTrue();
        assertThat(answer.get("id").asText()).isNotBlank();

        JsonNode membership = membership(orgId, invitee.id());
        assertThat(membership.get("level").asText()).isEqualTo("MEMBER");
        assertThat(membership.get("allowBillableActivities").asBoolean()).isFalse();
        assertThat(membership.get("projectAccess").asText()).isEqualTo("CONTRIBUTE");
        assertThat(membership.get("appAccess").asBoolean()).isTrue();
        assertThat(membership.get("treManagement").asBoolean()).isFalse();
        assertThat(describe(orgId, invitee.token()).get("level").asText()).isEqualTo("MEMBER");
    }

    @Test
    void invitingAgainAtTheSameOrALowerAccessAnswersANullId() {
        Person admin = person("boss");
        Person invitee = person("joiner");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), invitee.id(), "projectAccess", "UPLOAD", "allowBillableActivities", true);

        JsonNode same = invite(orgId, admin.token(), invitee.id(), "projectAccess", "UPLOAD",
                "allowBillableActivities", true).expectOk().body();
        assertThat(same.get("id").isNull()).isTrue();
        assertThat(same.has("id")).isTrue();
        assertThat(same.get("state").asText()).isEqualTo("ACCEPTED");

        JsonNode lower = invite(orgId, admin.token(), invitee.id(), "projectAccess", "VIEW").expectOk().body();
        assertThat(lower.get("id").isNull()).isTrue();
        JsonNode membership = membership(orgId, invitee.id());
        assertThat(membership.get("projectAccess").asText()).as("an invite never lowers").isEqualTo("UPLOAD");
        assertThat(membership.get("allowBillableActivities").asBoolean()).isTrue();
    }

    @Test
    void anInviteAtAHigherLevelUpgradesAtOnce() {
        Person admin = person("boss");
        Person invitee = person("joiner");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), invitee.id());

        JsonNode moreAccess = invite(orgId, admin.token(), invitee.id(), "projectAccess", "ADMINISTER").expectOk()
                .body();
        assertThat(moreAccess.get("id").isTextual()).isTrue();
        assertThat(membership(orgId, invitee.id()).get("projectAccess").asText()).isEqualTo("ADMINISTER");

        JsonNode admin2 = invite(orgId, admin.token(), invitee.id(), "level", "ADMIN").expectOk().body();
        assertThat(admin2.get("id").isTextual()).isTrue();
        assertThat(admin2.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(membership(orgId, invitee.id()).get("level").asText()).isEqualTo("ADMIN");
        assertThat(texts(describe(orgId, admin.token()).get("admins"))).contains(admin.id(), invitee.id());

        assertThat(invite(orgId, admin.token(), invitee.id()).expectOk().body().get("id").isNull())
                .as("a MEMBER invite to an ADMIN changes nothing").isTrue();
        assertThat(membership(orgId, invitee.id()).get("level").asText()).isEqualTo("ADMIN");
    }

    @Test
    void anUnknownUserIdIsResourceNotFound() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(invite(orgId, admin.token(), "user-" + unique("nobody")), 404, "ResourceNotFound");
    }

    @Test
    void anInviteeThatIsNeitherAUserIdNorAnEmailIsResourceNotFound() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        for (String bad : new String[]{"not-an-email", "someone@", "@example.org", "two@@example.org", "org-x"}) {
            assertError(invite(orgId, admin.token(), bad), 404, "ResourceNotFound");
        }
    }

    @Test
    void anEmailWithoutAUserMakesAPendingInviteAndRepeatingItGivesTheSameId() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        String email = unique("future") + "@example.org";
        JsonNode first = invite(orgId, admin.token(), email).expectOk().body();
        assertThat(first.get("state").asText()).isEqualTo("PENDING");
        assertThat(first.get("id").asText()).isNotBlank();
        JsonNode again = invite(orgId, admin.token(), email.toUpperCase()).expectOk().body();
        assertThat(again.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(again.get("state").asText()).isEqualTo("PENDING");
    }

    @Test
    void aPendingInviteTakesEffectWhenTheUserIsCreatedWithThatEmail() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        String username = unique("later");
        String email = username + "@Example.org";
        invite(orgId, admin.token(), email, "projectAccess", "VIEW", "allowBillableActivities", true,
                "treManagement", true).expectOk();
        String userId = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", username, "email", email)).expectOk()
                .body().get("id").asText();
        JsonNode membership = membership(orgId, userId);
        assertThat(membership).as("a member as soon as /user/new answers").isNotNull();
        assertThat(membership.get("level").asText()).isEqualTo("MEMBER");
        assertThat(membership.get("projectAccess").asText()).isEqualTo("VIEW");
        assertThat(membership.get("allowBillableActivities").asBoolean()).isTrue();
        assertThat(membership.get("treManagement").asBoolean()).isTrue();
        // The pending invite is used up: the email now belongs to a user, who is invited directly.
        JsonNode again = invite(orgId, admin.token(), email, "projectAccess", "VIEW").expectOk().body();
        assertThat(again.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(again.get("id").isNull()).isTrue();
    }

    @Test
    void pendingInvitesOfSeveralOrgsAllTakeEffect() {
        Person admin = person("boss");
        String first = newOrg(admin.token());
        String second = newOrg(admin.token());
        String username = unique("popular");
        invite(first, admin.token(), username + "@example.org").expectOk();
        invite(second, admin.token(), username + "@example.org", "level", "ADMIN").expectOk();
        String userId = newUser(username);
        assertThat(membership(first, userId).get("level").asText()).isEqualTo("MEMBER");
        assertThat(membership(second, userId).get("level").asText()).isEqualTo("ADMIN");
    }

    @Test
    void theEmailOfAnExistingUserInvitesThatUser() {
        Person admin = person("boss");
        String username = unique("known");
        String userId = newUser(username);
        String orgId = newOrg(admin.token());
        JsonNode answer = invite(orgId, admin.token(), username.toUpperCase() + "@example.org").expectOk().body();
        assertThat(answer.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.get("id").isTextual()).isTrue();
        assertThat(membership(orgId, userId)).isNotNull();
    }

    @Test
    void permissionFlagsGoOnlyWithLevelMember() {
        Person admin = person("boss");
        Person invitee = person("joiner");
        String orgId = newOrg(admin.token());
        assertError(invite(orgId, admin.token(), invitee.id(), "level", "ADMIN", "allowBillableActivities", true), 422,
                "InvalidInput");
        assertError(invite(orgId, admin.token(), invitee.id(), "level", "ADMIN", "projectAccess", "VIEW"), 422,
                "InvalidInput");
        assertError(invite(orgId, admin.token(), invitee.id(), "level", "ADMIN", "appAccess", false), 422,
                "InvalidInput");
        assertThat(membership(orgId, invitee.id())).isNull();
        invite(orgId, admin.token(), invitee.id(), "level", "MEMBER", "allowBillableActivities", true,
                "projectAccess", "NONE", "appAccess", false).expectOk();
        JsonNode membership = membership(orgId, invitee.id());
        assertThat(membership.get("allowBillableActivities").asBoolean()).isTrue();
        assertThat(membership.get("projectAccess").asText()).isEqualTo("NONE");
        assertThat(membership.get("appAccess").asBoolean()).isFalse();
    }

    @Test
    void treManagementMayBeGivenAtAnyLevel() {
        Person admin = person("boss");
        Person newAdmin = person("admin2");
        Person newMember = person("member");
        String orgId = newOrg(admin.token());
        invite(orgId, admin.token(), newAdmin.id(), "level", "ADMIN", "treManagement", true).expectOk();
        invite(orgId, admin.token(), newMember.id(), "treManagement", true).expectOk();
        JsonNode adminRow = membership(orgId, newAdmin.id());
        assertThat(adminRow.get("level").asText()).isEqualTo("ADMIN");
        assertThat(adminRow.get("treManagement").asBoolean()).isTrue();
        assertThat(adminRow.get("allowBillableActivities").asBoolean()).isTrue();
        assertThat(adminRow.get("projectAccess").asText()).isEqualTo("ADMINISTER");
        assertThat(membership(orgId, newMember.id()).get("treManagement").asBoolean()).isTrue();
        assertThat(describe(orgId, newAdmin.token()).get("treManagement").asBoolean()).isTrue();
    }

    @Test
    void wrongLevelsFlagsAndTypesAreInvalidInput() {
        Person admin = person("boss");
        Person invitee = person("joiner");
        String orgId = newOrg(admin.token());
        assertError(invite(orgId, admin.token(), invitee.id(), "level", "OWNER"), 422, "InvalidInput");
        assertError(invite(orgId, admin.token(), invitee.id(), "projectAccess", "EVERYTHING"), 422, "InvalidInput");
        assertError(invite(orgId, admin.token(), invitee.id(), "appAccess", "yes"), 422, "InvalidInput");
        assertError(invite(orgId, admin.token(), invitee.id(), "treManagement", 1), 422, "InvalidInput");
        assertError(invite(orgId, admin.token(), invitee.id(), "message", 3), 422, "InvalidInput");
        assertError(dx().post("/" + orgId + "/invite", admin.token(), "{}"), 422, "InvalidInput");
        assertThat(membership(orgId, invitee.id())).isNull();
        // message and suppressEmailNotification are accepted.
        invite(orgId, admin.token(), invitee.id(), "message", "Welcome", "suppressEmailNotification", true).expectOk();
    }

    @Test
    void onlyAnAdminWithAFullScopeTokenInvites() {
        Person admin = person("boss");
        Person member = person("staff");
        Person invitee = person("joiner");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id(), "allowBillableActivities", true, "projectAccess", "ADMINISTER");
        assertError(invite(orgId, member.token(), invitee.id()), 401, "PermissionDenied");
        assertError(invite(orgId, person("stranger").token(), invitee.id()), 401, "PermissionDenied");
        assertError(invite(orgId, limitedToken(admin.id()), invitee.id()), 401, "PermissionDenied");
        assertThat(membership(orgId, invitee.id())).isNull();
    }

    @Test
    void anUnknownOrgIsResourceNotFound() {
        Person someone = person("someone");
        assertError(invite("org-" + unique("nosuch"), someone.token(), someone.id()), 404, "ResourceNotFound");
    }
}
