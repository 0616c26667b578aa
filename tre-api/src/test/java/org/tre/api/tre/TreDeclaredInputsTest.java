package org.tre.api.tre;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.messages.tre.Policies;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** The TRE routes' declared inputs over HTTP: nested records, policy keys, lists, all refused by shape first. */
class TreDeclaredInputsTest extends TreApiTest {

    private String refused(String tre, String verb, Object input) {
        Dx.Response response = call(tre, verb, admin.token(), input);
        assertError(response, 422, "InvalidInput");
        return response.errorMessage();
    }

    @Test
    void theRestrictedWorkspaceRecordDeclaresExactlyTheTenPolicies() {
        assertThat(TreInputs.Policy.keys()).containsExactlyInAnyOrderElementsOf(Policies.KEYS);
    }

    @Test
    void policiesKeepTheirOwnWords() {
        String tre = newTre();
        assertThat(refused(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("sneaky", true))))
                .isEqualTo("Unrecognized policy key in input: sneaky");
        assertThat(refused(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("containsPHI", "yes"))))
                .isEqualTo("restrictedWorkspace.containsPHI must be true, false or null");
        assertThat(refused(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("protected", 1))))
                .isEqualTo("restrictedWorkspace.protected must be true, false or null");
        ok(tre, "setPolicies", "{\"restrictedWorkspace\": {\"protected\": true, \"restricted\": null}}");
        assertThat(dx().post("/" + tre + "/describe", admin.token(), "{}").expectOk().body()
                .path("policies").path("restrictedWorkspace").path("protected").asBoolean()).isTrue();
    }

    @Test
    void aNestedFaultIsNamedByItsPath() {
        String tre = newTre();
        ObjectNode assayWithoutEntity = inventory("1.0.0");
        ((ObjectNode) assayWithoutEntity.withArray("assays").get(0)).remove("entity");
        assertThat(refused(tre, "setInventory", assayWithoutEntity)).isEqualTo("Missing required input 'assays.entity'");

        ObjectNode badProject = inventory("1.0.0");
        badProject.set("file", Dx.obj("project", "org-x", "id", file));
        assertThat(refused(tre, "setInventory", badProject)).isEqualTo("'file.project' must reference a valid project");

        ObjectNode extraKey = inventory("1.0.0");
        ((ObjectNode) extraKey.get("showcase")).put("folder", "/");
        assertThat(refused(tre, "setInventory", extraKey)).isEqualTo("'showcase' may hold only project and id");

        ObjectNode assayNotAMapping = inventory("1.0.0");
        assayNotAMapping.set("assays", Dx.JSON.valueToTree(List.of("assay")));
        assertThat(refused(tre, "setInventory", assayNotAMapping)).isEqualTo("Expected 'assays' to be an array of mappings");

        ObjectNode halfARef = inventory("1.0.0");
        halfARef.set("dataset", Dx.obj("project", dataProject));
        assertThat(refused(tre, "setInventory", halfARef)).contains("'dataset.id'");

        assertThat(refused(tre, "setInventory", inventory("01.0.0")))
                .isEqualTo("'version' must be a semantic version major.minor.patch, such as 1.0.0");
    }

    @Test
    void listsAreCheckedElementByElementInOrder() {
        String tre = newTre();
        assertThat(refused(tre, "addTreAdmins", Dx.obj("users", List.of())))
                .isEqualTo("The users array is empty");
        assertThat(refused(tre, "addTreAdmins", Dx.obj("users", List.of(admin.id(), "org-x", "PUBLIC"))))
                .isEqualTo("The users array does not contain valid user IDs: org-x");
        assertThat(refused(tre, "addAuthorizedUsers", Dx.obj("users", List.of("PUBLIC", "everyone"))))
                .isEqualTo("The users array does not contain valid user IDs, org IDs, or PUBLIC: everyone");
        assertThat(refused(tre, "addTreAdmins", Dx.obj("users", "user-x")))
                .isEqualTo("Expected 'users' to be an array of strings");
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", ""));
        List<String> many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "user-r" + i).toList();
        assertThat(refused(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", many)))
                .isEqualTo("users array contains more than 100 reviewers");
    }

    @Test
    void lengthsAndPatternsKeepTheirWords() {
        String tre = newTre();
        assertThat(refused(tre, "update", Dx.obj("summary", longText(501))))
                .isEqualTo("'summary' must be 1 to 500 characters long");
        assertThat(refused(tre, "update", Dx.obj("supportOrg", "user-x"))).isEqualTo("'supportOrg' must be an org id");
        assertThat(refused(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "Ethics!", "name", "E",
                "description", ""))).isEqualTo("reviewStepId must match ^[a-z0-9]{1,256}$");
        assertThat(refused(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "e", "name", "E",
                "description", longText(1001)))).isEqualTo("'description' must be at most 1000 characters long");
    }

    @Test
    void shapeComesBeforeTheTreInTheUrl() {
        assertThat(refused("tre-nosuchtre" + unique("x").toLowerCase(), "describe", Dx.obj("at", "yesterday")))
                .isEqualTo("Expected 'at' to be an integer");
    }
}
