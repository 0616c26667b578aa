package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** TRE admins and authorized users: tre-api.md "TRE Roles", DECISIONS.md §4 and §12. */
class TreRolesRoutesTest extends TreApiTest {

    private Dx.Response users(String tre, String verb, Object users) {
        return call(tre, verb, admin.token(), Dx.obj("users", users));
    }

    private List<String> admins(String tre) {
        return texts(describe(tre, admin.token()).get("treAdmins"));
    }

    private List<String> authorized(String tre) {
        return texts(describe(tre, admin.token()).get("authorizedUsers"));
    }

    private boolean isPublic(String tre) {
        return describe(tre, admin.token()).get("public").asBoolean();
    }

    @Test
    void theUsersInputIsANonEmptyArrayOfWellFormedIds() {
        String tre = newTre();
        for (String verb : List.of("addTreAdmins", "removeTreAdmins", "addAuthorizedUsers", "removeAuthorizedUsers")) {
            assertError(users(tre, verb, List.of()), 422, "InvalidInput");
            assertError(users(tre, verb, "user-x"), 422, "InvalidInput");
            assertError(users(tre, verb, List.of(5)), 422, "InvalidInput");
            assertError(users(tre, verb, List.of("bob")), 422, "InvalidInput");
            assertError(users(tre, verb, List.of("user-")), 422, "InvalidInput");
            assertError(users(tre, verb, List.of("project-0123456789BFGJKPQVXYZbfg")), 422, "InvalidInput");
            assertError(call(tre, verb, admin.token(), Dx.obj()), 422, "InvalidInput");
            assertError(call(tre, verb, admin.token(), Dx.obj("users", List.of(admin.id()), "level", "ADMIN")),
                    422, "InvalidInput");
        }
        // Admins are users only: orgs and PUBLIC are malformed there.
        for (String verb : List.of("addTreAdmins", "removeTreAdmins")) {
            assertError(users(tre, verb, List.of(org)), 422, "InvalidInput");
            assertError(users(tre, verb, List.of("PUBLIC")), 422, "InvalidInput");
        }
        for (String verb : List.of("addAuthorizedUsers", "removeAuthorizedUsers")) {
            assertError(users(tre, verb, List.of("public")), 422, "InvalidInput");
            assertError(users(tre, verb, List.of("org-")), 422, "InvalidInput");
        }
        assertThat(admins(tre)).containsExactly(admin.id());
        assertThat(authorized(tre)).isEmpty();
    }

    @Test
    void unknownUsersAndOrgsAreResourceNotFound() {
        String tre = newTre();
        Person manager = manager();
        String nobody = "user-" + unique("nobody");
        String noOrg = "org-" + unique("noorg");
        assertError(users(tre, "addTreAdmins", List.of(manager.id(), nobody)), 404, "ResourceNotFound");
        assertError(users(tre, "removeTreAdmins", List.of(nobody)), 404, "ResourceNotFound");
        assertError(users(tre, "addAuthorizedUsers", List.of(manager.id(), nobody)), 404, "ResourceNotFound");
        assertError(users(tre, "addAuthorizedUsers", List.of(noOrg)), 404, "ResourceNotFound");
        assertError(users(tre, "removeAuthorizedUsers", List.of(nobody)), 404, "ResourceNotFound");
        assertError(users(tre, "removeAuthorizedUsers", List.of(noOrg)), 404, "ResourceNotFound");
        String destroyed = newOrg(admin.token());
        dx().post("/" + destroyed + "/destroy", admin.token(), Dx.obj()).expectOk();
        assertError(users(tre, "addAuthorizedUsers", List.of(destroyed)), 404, "ResourceNotFound");
        assertThat(admins(tre)).containsExactly(admin.id());
        assertThat(authorized(tre)).isEmpty();
    }

    @Test
    void aNewAdminMustHoldTreManagementInTheBillingOrg() {
        String tre = newTre();
        Person stranger = person("stranger");
        assertError(users(tre, "addTreAdmins", List.of(stranger.id())), 422, "InvalidInput");
        Person plainMember = person("plain");
        member(org, admin.token(), plainMember.id(), "level", "MEMBER");
        assertError(users(tre, "addTreAdmins", List.of(plainMember.id())), 422, "InvalidInput");
        // Flag in another org does not count.
        String otherOrg = newOrg(stranger.token());
        treManagement(otherOrg, stranger.id());
        assertError(users(tre, "addTreAdmins", List.of(stranger.id())), 422, "InvalidInput");
        Person manager = manager();
        ok(tre, "addTreAdmins", Dx.obj("users", List.of(manager.id(), manager.id())));
        ok(tre, "addTreAdmins", Dx.obj("users", List.of(manager.id())));
        assertThat(admins(tre)).containsExactly(admin.id(), manager.id());
        // The new admin acts as one.
        ok(tre, "update", Dx.obj("name", "By the admin"));
        assertThat(call(tre, "update", manager.token(), Dx.obj("name", "By the new admin")).expectOk().body()
                .get("id").asText()).isEqualTo(tre);
        // Losing the flag later does not end TRE adminship (DECISIONS.md §14).
        dx().post("/" + org + "/setMemberAccess", ADMIN_TOKEN, Dx.obj(manager.id(), Dx.obj("treManagement", false)))
                .expectOk();
        assertThat(call(tre, "update", manager.token(), Dx.obj("name", "Still admin")).expectOk().body()
                .get("id").asText()).isEqualTo(tre);
    }

    @Test
    void atMostOneHundredAdmins() {
        String tre = newTre();
        List<String> managers = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            String id = newUser(unique("m"));
            member(org, admin.token(), id, "level", "MEMBER", "treManagement", true);
            managers.add(id);
        }
        String hundredAndFirst = newUser(unique("m"));
        member(org, admin.token(), hundredAndFirst, "level", "MEMBER", "treManagement", true);
        List<String> tooMany = new ArrayList<>(managers);
        tooMany.add(hundredAndFirst);
        assertError(users(tre, "addTreAdmins", tooMany), 422, "InvalidInput");
        assertThat(admins(tre)).containsExactly(admin.id());
        ok(tre, "addTreAdmins", Dx.obj("users", managers));
        assertThat(admins(tre)).hasSize(100);
        assertError(users(tre, "addTreAdmins", List.of(hundredAndFirst)), 422, "InvalidInput");
        // Re-adding an existing admin adds nobody, so it is within the limit.
        ok(tre, "addTreAdmins", Dx.obj("users", List.of(managers.get(0))));
    }

    @Test
    void removingAdmins() {
        String tre = newTre();
        Person manager = manager();
        ok(tre, "addTreAdmins", Dx.obj("users", List.of(manager.id())));
        // Nobody removes themself, alone or with others; so the last admin always stays.
        assertError(users(tre, "removeTreAdmins", List.of(admin.id())), 422, "InvalidInput");
        assertError(users(tre, "removeTreAdmins", List.of(manager.id(), admin.id())), 422, "InvalidInput");
        assertThat(admins(tre)).containsExactly(admin.id(), manager.id());
        // A user who is no admin is ignored.
        Person stranger = person("stranger");
        ok(tre, "removeTreAdmins", Dx.obj("users", List.of(stranger.id())));
        ok(tre, "removeTreAdmins", Dx.obj("users", List.of(manager.id())));
        assertThat(admins(tre)).containsExactly(admin.id());
        // The removed admin is no admin any more.
        assertError(call(tre, "update", manager.token(), Dx.obj("name", "x")), 401, "PermissionDenied");
        assertError(call(tre, "describe", manager.token(), Dx.obj()), 401, "PermissionDenied");
    }

    @Test
    void publicReplacesEveryEntryAndRemovalsWaitForIt() {
        String tre = newTre();
        Person alice = person("alice");
        Person bob = person("bob");
        String group = newOrg(bob.token());
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(alice.id(), group)));
        assertThat(authorized(tre)).containsExactly(alice.id(), group);
        assertThat(isPublic(tre)).isFalse();

        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of("PUBLIC")));
        assertThat(authorized(tre)).containsExactly("PUBLIC");
        assertThat(isPublic(tre)).isTrue();

        // Users added while PUBLIC stands beside it.
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(alice.id())));
        assertThat(authorized(tre)).containsExactlyInAnyOrder("PUBLIC", alice.id());
        // Removing users while PUBLIC is listed changes nothing.
        ok(tre, "removeAuthorizedUsers", Dx.obj("users", List.of(alice.id())));
        assertThat(authorized(tre)).containsExactlyInAnyOrder("PUBLIC", alice.id());
        // PUBLIC with users in one call leaves exactly PUBLIC.
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(bob.id(), "PUBLIC", group)));
        assertThat(authorized(tre)).containsExactly("PUBLIC");

        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(alice.id(), group)));
        ok(tre, "removeAuthorizedUsers", Dx.obj("users", List.of("PUBLIC", alice.id())));
        assertThat(authorized(tre)).containsExactly(group);
        assertThat(isPublic(tre)).isFalse();
        // Removing what is not listed is ignored.
        ok(tre, "removeAuthorizedUsers", Dx.obj("users", List.of(bob.id(), "PUBLIC")));
        assertThat(authorized(tre)).containsExactly(group);
    }

    @Test
    void publicLetsEveryUserSeeTheTre() {
        String tre = newTre();
        Person anyone = person("anyone");
        assertError(call(tre, "describe", anyone.token(), Dx.obj()), 401, "PermissionDenied");
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of("PUBLIC")));
        JsonNode seen = describe(tre, anyone.token());
        assertThat(seen.get("public").asBoolean()).isTrue();
        assertThat(seen.has("authorizedUsers")).isFalse();
        // Even a user created after PUBLIC was added.
        Person later = person("later");
        assertThat(describe(tre, later.token()).get("id").asText()).isEqualTo(tre);
        ok(tre, "removeAuthorizedUsers", Dx.obj("users", List.of("PUBLIC")));
        assertError(call(tre, "describe", later.token(), Dx.obj()), 401, "PermissionDenied");
    }

    @Test
    void rolesChangeInEveryState() {
        Person reviewer = person("rev");
        String tre = activeTre(reviewer);
        Person manager = manager();
        Person user = person("user");
        ok(tre, "addTreAdmins", Dx.obj("users", List.of(manager.id())));
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(user.id())));
        ok(tre, "deactivate", Dx.obj());
        ok(tre, "removeTreAdmins", Dx.obj("users", List.of(manager.id())));
        ok(tre, "removeAuthorizedUsers", Dx.obj("users", List.of(user.id())));
        assertThat(admins(tre)).containsExactly(admin.id());
        assertThat(authorized(tre)).isEmpty();
    }
}
