package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.TrePlatformTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** TRE projects over HTTP (DECISIONS.md §7, §12): who may create them, what they carry, how policies reach them. */
class TreProjectsTest extends TrePlatformTest {

    @Test
    void anAuthorizedUserCreatesAProjectThatEnforcesTheTresPolicies() {
        String tre = activeTre();
        JsonNode created = dx().post("/project/new", authorized, Dx.obj("name", "analysis", "tre", tre)).expectOk()
                .body();
        String project = created.get("id").asText();
        JsonNode described = dx().post("/" + project + "/describe", authorized, "{}").expectOk().body();
        assertThat(described.get("tre").asText()).isEqualTo(tre);
        assertThat(described.get("billTo").asText()).isEqualTo(org);
        assertThat(described.get("region").asText()).isEqualTo(REGION);
        assertThat(described.get("level").asText()).isEqualTo("ADMINISTER");
        assertThat(described.get("restricted").asBoolean()).isTrue();
        assertError(dx().post("/" + project + "/update", authorized, Dx.obj("restricted", false)), 401,
                "PermissionDenied");
        assertThat(dx().post("/" + project + "/update", authorized, Dx.obj("protected", true)).status())
                .isEqualTo(200);
        assertError(dx().post("/" + project + "/transfer", authorized, Dx.obj("invitee", org)), 401,
                "PermissionDenied");
    }

    @Test
    void onlyAdminsAndAuthorizedUsersOfAnActiveTreCreateItsProjects() {
        String tre = activeTre();
        assertThat(dx().post("/project/new", orgMember, Dx.obj("name", "via org", "tre", tre)).status()).isEqualTo(200);
        assertThat(dx().post("/project/new", admin, Dx.obj("name", "admin's", "tre", tre)).status()).isEqualTo(200);
        assertError(dx().post("/project/new", outsider, Dx.obj("name", "no", "tre", tre)), 401, "PermissionDenied");
        assertError(dx().post("/project/new", reviewer, Dx.obj("name", "no", "tre", tre)), 401, "PermissionDenied");
        assertError(dx().post("/project/new", authorized, Dx.obj("name", "no", "tre", tre, "billTo", "org-elsewhere")),
                422, "InvalidInput");
        assertError(dx().post("/project/new", authorized, Dx.obj("name", "no", "tre", tre, "restricted", false)),
                422, "InvalidInput");
        assertError(dx().post("/project/new", authorized, Dx.obj("name", "no", "tre", "tre-" + unique("none"))),
                404, "ResourceNotFound");
        dx().post("/" + tre + "/deactivate", admin, "{}").expectOk();
        assertError(dx().post("/project/new", authorized, Dx.obj("name", "no", "tre", tre)), 422, "InvalidState");
        assertError(dx().post("/" + tre + "/delete", admin, "{}"), 422, "InvalidState");
    }

    @Test
    void aPolicyChangeReachesEveryExistingProjectOfTheTre() {
        String tre = activeTre();
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            projects.add(dx().post("/project/new", authorized, Dx.obj("name", "p" + i, "tre", tre)).expectOk().body()
                    .get("id").asText());
        }
        dx().post("/" + tre + "/setPolicies", admin, Dx.obj("restrictedWorkspace",
                Dx.obj("downloadRestricted", true))).expectOk();
        awaitIdle(tre);
        for (String project : projects) {
            JsonNode described = dx().post("/" + project + "/describe", authorized, "{}").expectOk().body();
            assertThat(described.get("downloadRestricted").asBoolean()).as(project).isTrue();
        }
        assertThat(dx().post("/project/new", authorized, Dx.obj("name", "after", "tre", tre)).status()).isEqualTo(200);
    }

    private void awaitIdle(String tre) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            JsonNode sync = dx().post("/" + tre + "/describe", admin, Dx.obj("fields", Dx.obj("policySync", true)))
                    .expectOk().body().get("policySync");
            if ("idle".equals(sync.get("state").asText())) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("policy synchronization still " + sync).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String activeTre() {
        String handle = unique("prj").toLowerCase();
        String tre = create("/tre/new", Dx.obj("handle", handle, "name", "Projects", "description", "d",
                "summary", "s", "billTo", org, "region", REGION));
        ok(tre, "setInventory", inventory("1.0.0"));
        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("restricted", true)));
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "Board"));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(whoami(reviewer))));
        String partners = unique("pp");
        dx().post("/org/new", orgMember, Dx.obj("handle", partners, "name", "Partners")).expectOk();
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(whoami(authorized), "org-" + partners.toLowerCase())));
        ok(tre, "activate", Dx.obj());
        return tre;
    }

    private void ok(String tre, String verb, Object input) {
        dx().post("/" + tre + "/" + verb, admin, input).expectOk();
    }
}
