package org.tre.api.project;

import org.junit.jupiter.api.Test;
import org.tre.messages.EntityIds;
import org.tre.api.protocol.input.DeclaredInputs;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;
import org.tre.messages.project.ProjectFlags;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;
import static org.tre.api.support.DxAssertions.invalidInput;

/**
 * The project and data object routes' declared inputs over HTTP: the ten flags beside a project's
 * other inputs, bodies of members to levels, the words the routes have always used.
 */
class ProjectDeclaredInputsTest extends OrgApiTest {

    private static final String SOME_PROJECT = "/project-0123456789BFGJKPQVXYZbfg";

    private String refused(String path, Object body) {
        return invalidInput(dx().post(path, ADMIN_TOKEN, body));
    }

    @Test
    void theFlagsRecordDeclaresExactlyTheTenFlagsInTheirOrder() {
        assertThat(new ArrayList<>(DeclaredInputs.keysOf(ProjectInputs.FlagsInput.class)))
                .containsExactlyElementsOf(ProjectFlags.NAMES);
    }

    @Test
    void theDescribeRecordDeclaresFieldsTheInclusionFlagsOfDxAndTheSpendingKeys() {
        List<String> keys = new ArrayList<>(List.of("fields", "properties", "permissions", "appCaches"));
        keys.addAll(ProjectDescriber.SPENDING_KEYS);
        assertThat(new ArrayList<>(DeclaredInputs.keysOf(ProjectInputs.DescribeProjectInput.class)))
                .containsExactlyElementsOf(keys);
    }

    @Test
    void aFlagIsTrueOrFalseNeverNullAndStandsBesideTheOtherInputs() {
        assertThat(refused("/project/new", "{\"name\": \"N\", \"billTo\": \"org-x\", \"protected\": null}"))
                .isEqualTo("Expected 'protected' to be a boolean");
        assertThat(refused(SOME_PROJECT + "/update", Dx.obj("restricted", "yes")))
                .isEqualTo("Expected 'restricted' to be a boolean");
        assertThat(refused("/project/new", Dx.obj("name", "N", "billTo", "org-x", "restrickted", true)))
                .isEqualTo("Unknown input key 'restrickted'");
        assertThat(refused("/project/new", Dx.obj("name", "N", "treApplication",
                EntityIds.generate("treApplication"), "containsPHI", true)))
                .isEqualTo("The flags of a TRE project are the TRE's policies; give none");
        assertThat(refused("/project/new", Dx.obj("name", "N", "tre", "tre-x")))
                .isEqualTo("A TRE project belongs to an approved data access request: name it in 'treApplication'");
    }

    @Test
    void decreasePermissionsJudgesItsMembersBeforeTheirLevels() {
        String path = SOME_PROJECT + "/decreasePermissions";
        assertThat(refused(path, "{}")).isEqualTo("Name at least one member and the level to decrease them to");
        assertThat(refused(path, Dx.obj("bob", 5))).isEqualTo("'bob' must be a user id, an org id or PUBLIC");
        assertThat(refused(path, Dx.obj("user-bob", 5)))
                .isEqualTo("Expected 'user-bob' to be one of VIEW, UPLOAD, CONTRIBUTE, ADMINISTER");
        assertThat(refused(path, Dx.obj("user-bob", "NONE")))
                .isEqualTo("Expected 'user-bob' to be one of VIEW, UPLOAD, CONTRIBUTE, ADMINISTER");
        assertError(dx().post(path, ADMIN_TOKEN, "{\"user-bob\": null}"), 404, "ResourceNotFound");
    }

    @Test
    void anInviteNeedsALevelAndNullIsNone() {
        String path = SOME_PROJECT + "/invite";
        assertThat(refused(path, Dx.obj("invitee", "user-bob"))).isEqualTo("Missing required input 'level'");
        assertThat(refused(path, "{\"invitee\": \"user-bob\", \"level\": null}"))
                .isEqualTo("Expected 'level' to be one of VIEW, UPLOAD, CONTRIBUTE, ADMINISTER");
    }

    @Test
    void aNewDataObjectNamesItsProjectFirstAndItsContentIsMeasuredInUtf8Bytes() {
        assertThat(refused("/file/new", "{}")).isEqualTo("Missing required input 'project'");
        assertThat(refused("/file/new", Dx.obj("project", SOME_PROJECT.substring(1), "name", "n",
                "content", "é".repeat(524_289)))).isEqualTo("'content' must be at most 1 MiB of UTF-8");
        assertError(dx().post("/file/new", ADMIN_TOKEN, Dx.obj("project", SOME_PROJECT.substring(1), "name", "n",
                "content", "é".repeat(524_288))), 404, "ResourceNotFound");
    }

    @Test
    void theDescribeOfAnOrgsProjectsIsReadAsADescribeOfItsOwn() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertThat(refused("/" + orgId + "/findProjects", Dx.obj("describe", Dx.obj("fields", Dx.obj("name", 5)))))
                .isEqualTo("Expected 'fields.name' to be a boolean");
        assertThat(refused("/" + orgId + "/findProjects", Dx.obj("describe", Dx.obj("colour", true))))
                .isEqualTo("Unknown input key 'colour' in describe");
        assertThat(refused(SOME_PROJECT + "/describe", Dx.obj("colour", true)))
                .isEqualTo("Unknown input key 'colour' in describe");
    }
}
