package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.TrePlatformTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * A TRE through its whole life, as its admin would drive it over HTTP, with describe checked at
 * every step as admin, reviewer, authorized user, member of an authorized org, and outsider.
 */
class TreLifeTest extends TrePlatformTest {

    @Test
    void anAdminWalksATreThroughItsWholeLife() {
        String handle = unique("genomics").toLowerCase();
        String tre = "tre-" + handle;
        assertThat(create("/tre/new", Dx.obj("handle", handle, "name", "Genomics", "description", "UK genomes",
                "summary", "Genomes", "billTo", org, "region", REGION))).isEqualTo(tre);
        JsonNode draft = describe(tre, admin);
        assertThat(draft.get("state").asText()).isEqualTo("draft");
        assertThat(draft.get("inventory").isNull()).isTrue();
        assertError(dx().post("/" + tre + "/describe", reviewer, "{}"), 401, "PermissionDenied");

        ok(tre, "setInventory", inventory("1.0.0"));
        JsonNode pending = describe(tre, admin).get("inventoryDetails");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("state").asText()).isEqualTo("pending");
        assertThat(pending.get(0).get("activated").isNull()).isTrue();
        ok(tre, "setInventory", inventory("0.9.0"));
        assertThat(describe(tre, admin).get("inventoryDetails")).hasSize(1);
        ok(tre, "setInventory", inventory("1.0.0"));

        assertError(dx().post("/" + tre + "/activate", admin, "{}"), 422, "InvalidState");
        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("restricted", true, "downloadRestricted", false)));
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "Board"));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(whoami(reviewer))));
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(whoami(authorized), memberOrg())));
        checkRoles(tre, "draft", null);

        JsonNode groups = dx().post("/" + tre + "/getDataTypeGroups", authorized, "{}").expectOk().body();
        assertThat(groups.get("results").get(0).get("name").asText()).isEqualTo("Genotypes");

        ok(tre, "activate", Dx.obj());
        checkRoles(tre, "active", "1.0.0");
        JsonNode active = describe(tre, authorized);
        assertThat(active.get("showcaseInventory").get("project").asText()).isEqualTo(showcaseProject);
        assertThat(active.get("showcaseInventory").get("id").asText()).isEqualTo(showcase);
        assertThat(active.get("policies").get("restrictedWorkspace").get("restricted").asBoolean()).isTrue();
        assertThat(active.get("policies").get("restrictedWorkspace").get("containsPHI").isNull()).isTrue();
        assertError(dx().post("/" + tre + "/setInventory", admin, inventory("2.0.0")), 422, "InvalidState");
        assertError(dx().post("/" + tre + "/delete", admin, "{}"), 422, "InvalidState");

        ok(tre, "deactivate", Dx.obj());
        checkRoles(tre, "amending", "1.0.0");
        assertError(dx().post("/" + tre + "/setInventory", admin, inventory("1.0.0")), 422, "InvalidInput");
        ok(tre, "setInventory", inventory("1.1.0"));
        JsonNode amending = describe(tre, admin).get("inventoryDetails");
        assertThat(states(amending)).containsExactly("1.1.0:pending", "1.0.0:active");

        ok(tre, "activate", Dx.obj());
        checkRoles(tre, "active", "1.1.0");
        JsonNode details = describe(tre, admin).get("inventoryDetails");
        assertThat(states(details)).containsExactly("1.1.0:active", "1.0.0:inactive");
        assertThat(details.get(0).get("activated").isIntegralNumber()).isTrue();

        ok(tre, "deactivate", Dx.obj());
        ok(tre, "delete", Dx.obj());
        for (String token : List.of(admin, reviewer, authorized, outsider)) {
            assertError(dx().post("/" + tre + "/describe", token, "{}"), 404, "ResourceNotFound");
        }
        assertError(dx().post("/tre/new", admin, Dx.obj("handle", handle, "name", "Again", "description", "d",
                "summary", "s", "billTo", org, "region", REGION)), 422, "InvalidState");
    }

    /** Admins see everything; reviewers, authorized users and members of an authorized org the basics. */
    private void checkRoles(String tre, String state, String inventory) {
        JsonNode asAdmin = describe(tre, admin);
        assertThat(asAdmin.get("state").asText()).isEqualTo(state);
        assertThat(asAdmin.has("treAdmins")).isTrue();
        assertThat(asAdmin.has("applicationReviewSteps")).isTrue();
        assertThat(asAdmin.get("inventory").isNull() ? null : asAdmin.get("inventory").asText()).isEqualTo(inventory);
        for (String token : List.of(reviewer, authorized, orgMember)) {
            JsonNode basic = describe(tre, token);
            assertThat(fieldNames(basic)).containsExactlyInAnyOrder("id", "name", "description", "summary", "handle",
                    "region", "billTo", "state", "public", "policies", "inventory", "showcaseInventory");
            assertThat(basic.get("state").asText()).isEqualTo(state);
        }
        assertError(dx().post("/" + tre + "/describe", outsider, "{}"), 401, "PermissionDenied");
        List<String> found = new ArrayList<>();
        dx().post("/system/findTres", authorized, "{}").expectOk().body().get("results")
                .forEach(r -> found.add(r.get("id").asText()));
        assertThat(found).contains(tre);
        List<String> outsiderFound = new ArrayList<>();
        dx().post("/system/findTres", outsider, "{}").expectOk().body().get("results")
                .forEach(r -> outsiderFound.add(r.get("id").asText()));
        assertThat(outsiderFound).doesNotContain(tre);
    }

    private String memberOrg() {
        String handle = unique("members");
        String orgId = "org-" + handle.toLowerCase();
        dx().post("/org/new", orgMember, Dx.obj("handle", handle, "name", "Members")).expectOk();
        return orgId;
    }

    private static List<String> states(JsonNode details) {
        List<String> states = new ArrayList<>();
        details.forEach(d -> states.add(d.get("version").asText() + ":" + d.get("state").asText()));
        return states;
    }

    private JsonNode describe(String tre, String token) {
        return dx().post("/" + tre + "/describe", token, "{}").expectOk().body();
    }

    private void ok(String tre, String verb, Object input) {
        assertThat(dx().post("/" + tre + "/" + verb, admin, input).expectOk().body().get("id").asText()).isEqualTo(tre);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
