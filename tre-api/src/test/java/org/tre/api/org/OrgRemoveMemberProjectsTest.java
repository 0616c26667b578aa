package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** /org-xxxx/removeMember on projects billed to the org: revocation and the elevation rule, over HTTP. */
class OrgRemoveMemberProjectsTest extends OrgApiTest {

    @Test
    void theRequesterTakesOverAProjectWhoseOnlyAdministratorLeaves() {
        Person admin = person("rmpa");
        Person leaver = person("rmpl");
        String org = newOrg(admin.token());
        billable(org);
        member(org, admin.token(), leaver.id(), "allowBillableActivities", true);
        String project = dx().post("/project/new", leaver.token(), Dx.obj("name", "theirs", "billTo", org)).expectOk()
                .body().get("id").asText();
        assertError(dx().post("/" + project + "/describe", admin.token(), "{}"), 401, "PermissionDenied");

        JsonNode answer = dx().post("/" + org + "/removeMember", admin.token(), Dx.obj("user", leaver.id()))
                .expectOk().body();

        assertThat(answer.get("projects").get(project).asBoolean()).isTrue();
        assertError(dx().post("/" + project + "/describe", leaver.token(), "{}"), 401, "PermissionDenied");
        assertThat(dx().post("/" + project + "/describe", admin.token(), "{}").expectOk().body().get("level").asText())
                .isEqualTo("ADMINISTER");
    }

    @Test
    void anOrgWithProjectsCannotBeDestroyed() {
        Person admin = person("rmpd");
        String org = newOrg(admin.token());
        billable(org);
        dx().post("/project/new", admin.token(), Dx.obj("name", "kept", "billTo", org)).expectOk();
        assertError(dx().post("/" + org + "/destroy", admin.token(), "{}"), 422, "InvalidState");
    }

    @Test
    void anAdminSeesTheProjectsOfferedToTheOrg() {
        Person admin = person("rmpt");
        Person other = person("rmpo");
        String from = newOrg(other.token());
        billable(from);
        String to = newOrg(admin.token());
        billable(to);
        String project = dx().post("/project/new", other.token(), Dx.obj("name", "moving", "billTo", from)).expectOk()
                .body().get("id").asText();
        dx().post("/" + project + "/transfer", other.token(), Dx.obj("invitee", to)).expectOk();
        JsonNode described = dx().post("/" + to + "/describe", admin.token(),
                Dx.obj("fields", Dx.obj("pendingTransfers", true))).expectOk().body();
        assertThat(texts(described.get("pendingTransfers"))).containsExactly(project);
    }
}
