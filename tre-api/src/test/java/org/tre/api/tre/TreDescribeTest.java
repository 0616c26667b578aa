package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /tre-xxxx/describe}: tre-api.md "Outputs", DECISIONS.md §4, §6, §9, §13. */
class TreDescribeTest extends TreApiTest {

    static final List<String> BASIC = List.of("id", "name", "description", "summary", "handle", "region", "billTo",
            "state", "public", "policies", "inventory", "showcaseInventory");
    static final List<String> ADMIN_ONLY = List.of("inventoryDetails", "treAdmins", "authorizedUsers",
            "customizedRateCard", "customizedURL", "supportOrg", "allowSupportAccess", "applicationReviewSteps",
            "created", "modified");

    private Dx.Response describeWith(String tre, String token, Object fields) {
        return call(tre, "describe", token, Dx.obj("fields", fields));
    }

    @Test
    void eachRoleSeesItsFields() {
        Person reviewer = person("rev");
        Person user = person("user");
        Person orgMember = person("member");
        Person publicUser = person("public");
        Person outsider = person("outsider");
        String group = newOrg(user.token());
        member(group, user.token(), orgMember.id(), "level", "MEMBER");
        String tre = activeTre(reviewer);
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(user.id(), group)));
        // Provisioning follows activation on its own thread; the describes below compare whole answers.
        await().atMost(Duration.ofSeconds(10)).until(() -> !describe(tre, admin.token()).path("dispensalQueue").isNull());

        JsonNode asAdmin = describe(tre, admin.token());
        assertThat(fieldNames(asAdmin)).containsAll(BASIC).containsAll(ADMIN_ONLY);
        assertThat(describe(tre, ADMIN_TOKEN)).isEqualTo(asAdmin);
        for (Person p : List.of(reviewer, user, orgMember)) {
            JsonNode basic = describe(tre, p.token());
            assertThat(fieldNames(basic)).as(p.id()).containsExactlyInAnyOrderElementsOf(BASIC);
            for (String field : BASIC) {
                assertThat(basic.get(field)).as(field).isEqualTo(asAdmin.get(field));
            }
            // Asking for admin fields by name does not reveal them.
            JsonNode asked = describeWith(tre, p.token(), Dx.obj("treAdmins", true, "created", true, "name", true))
                    .expectOk().body();
            assertThat(fieldNames(asked)).containsExactly("id", "name");
        }
        assertError(call(tre, "describe", outsider.token(), Dx.obj()), 401, "PermissionDenied");
        assertError(call(tre, "describe", publicUser.token(), Dx.obj()), 401, "PermissionDenied");
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of("PUBLIC")));
        JsonNode asPublic = describe(tre, publicUser.token());
        assertThat(fieldNames(asPublic)).containsExactlyInAnyOrderElementsOf(BASIC);
        assertThat(asPublic.get("public").asBoolean()).isTrue();
        // PUBLIC gone, and the org membership gone: so is the view.
        ok(tre, "removeAuthorizedUsers", Dx.obj("users", List.of("PUBLIC")));
        assertError(call(tre, "describe", publicUser.token(), Dx.obj()), 401, "PermissionDenied");
        // PUBLIC had replaced the org's entry: the org member is out until the org is added again.
        assertError(call(tre, "describe", orgMember.token(), Dx.obj()), 401, "PermissionDenied");
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(group)));
        assertThat(describe(tre, orgMember.token()).get("id").asText()).isEqualTo(tre);
        dx().post("/" + group + "/removeMember", user.token(), Dx.obj("user", orgMember.id())).expectOk();
        assertError(call(tre, "describe", orgMember.token(), Dx.obj()), 401, "PermissionDenied");
    }

    @Test
    void fieldsSelects() {
        String tre = newTre();
        JsonNode one = describeWith(tre, admin.token(), Dx.obj("name", true)).expectOk().body();
        assertThat(fieldNames(one)).containsExactly("id", "name");
        JsonNode none = describeWith(tre, admin.token(), Dx.obj("name", false, "state", false)).expectOk().body();
        assertThat(fieldNames(none)).containsExactly("id");
        JsonNode some = describeWith(tre, admin.token(), Dx.obj("treAdmins", true, "policies", true, "state", false))
                .expectOk().body();
        assertThat(fieldNames(some)).containsExactlyInAnyOrder("id", "treAdmins", "policies");
        assertThat(fieldNames(describeWith(tre, admin.token(), Dx.obj()).expectOk().body())).containsExactly("id");
        // An operator asks too.
        assertThat(fieldNames(describeWith(tre, ADMIN_TOKEN, Dx.obj("created", true)).expectOk().body()))
                .containsExactly("id", "created");
    }

    @Test
    void badInput() {
        String tre = newTre();
        assertError(describeWith(tre, admin.token(), Dx.obj("nmae", true)), 422, "InvalidInput");
        assertError(describeWith(tre, admin.token(), Dx.obj("name", "yes")), 422, "InvalidInput");
        assertError(describeWith(tre, admin.token(), List.of("name")), 422, "InvalidInput");
        assertError(call(tre, "describe", admin.token(), Dx.obj("field", Dx.obj("name", true))), 422, "InvalidInput");
        // Shape comes before the TRE and the role.
        Person outsider = person("outsider");
        assertError(describeWith(tre, outsider.token(), Dx.obj("nmae", true)), 422, "InvalidInput");
        assertError(describeWith("tre-" + unique("nosuch"), admin.token(), Dx.obj("nmae", true)), 422,
                "InvalidInput");
        assertError(describeWith("tre-" + unique("nosuch"), admin.token(), Dx.obj("name", true)), 404,
                "ResourceNotFound");
    }

    @Test
    void theFullAdminView() {
        Person reviewer = person("rev");
        String tre = activeTre(reviewer);
        JsonNode d = describe(tre, admin.token());
        assertThat(d.get("id").asText()).isEqualTo(tre);
        assertThat(d.get("handle").asText()).isEqualTo(tre.substring(4));
        assertThat(d.get("state").asText()).isEqualTo("active");
        assertThat(d.get("inventory").asText()).isEqualTo("1.0.0");
        assertThat(d.get("showcaseInventory").get("project").asText()).isEqualTo(showcaseProject);
        assertThat(d.get("showcaseInventory").get("id").asText()).isEqualTo(showcase);
        assertThat(d.get("inventoryDetails").get(0).get("activated").isIntegralNumber()).isTrue();
        assertThat(texts(d.get("treAdmins"))).containsExactly(admin.id());
        assertThat(d.get("authorizedUsers")).isEmpty();
        assertThat(d.get("supportOrg").isNull()).isTrue();
        assertThat(d.get("allowSupportAccess").asBoolean()).isFalse();
        assertThat(texts(d.get("applicationReviewSteps").get("ethics").get("reviewers")))
                .containsExactly(reviewer.id());
        assertThat(d.get("created").isIntegralNumber()).isTrue();
        assertThat(d.get("modified").asLong()).isGreaterThanOrEqualTo(d.get("created").asLong());
        long modified = d.get("modified").asLong();
        ok(tre, "update", Dx.obj("name", "Later"));
        assertThat(describe(tre, admin.token()).get("modified").asLong()).isGreaterThanOrEqualTo(modified);
    }

    @Test
    void anEmptyShowcaseIsAnEmptyMappingOnceActive() {
        Person reviewer = person("rev");
        String tre = newTre();
        var input = inventory("1.0.0");
        input.set("showcase", Dx.obj());
        ok(tre, "setInventory", input);
        ok(tre, "setPolicies", Dx.obj());
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", ""));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(reviewer.id())));
        assertThat(describe(tre, reviewer.token()).get("showcaseInventory").isNull()).isTrue();
        ok(tre, "activate", Dx.obj());
        JsonNode showcaseInventory = describe(tre, reviewer.token()).get("showcaseInventory");
        assertThat(showcaseInventory.isObject()).isTrue();
        assertThat(showcaseInventory).isEmpty();
    }
}
