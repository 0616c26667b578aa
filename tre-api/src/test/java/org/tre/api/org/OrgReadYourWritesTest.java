package org.tre.api.org;

import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projections are current in the command's transaction (docs/DECISIONS.md): each write counts for
 * the very next request, with no waiting in between.
 */
class OrgReadYourWritesTest extends OrgApiTest {

    @Test
    void aNewMemberOfANewOrgCreatesAnAppBilledToItInTheVeryNextRequest() {
        Person admin = person("boss");
        Person member = person("staff");
        for (int i = 0; i < 30; i++) {
            String handle = unique("ryw");
            Dx.Response org = dx().post("/org/new", admin.token(), Dx.obj("handle", handle, "name", "N"));
            String orgId = org.expectOk().body().get("id").asText();
            dx().post("/" + orgId + "/setLicenses", ADMIN_TOKEN, Dx.obj("billable", true)).expectOk();
            dx().post("/" + orgId + "/invite", admin.token(), Dx.obj("invitee", member.id(),
                    "allowBillableActivities", true)).expectOk();
            Dx.Response app = dx().post("/app/new", member.token(), Dx.obj("name", handle, "version", "1.0.0",
                    "billTo", orgId));
            assertThat(app.status()).as("round " + i + ": " + app.raw().body()).isEqualTo(200);
            String appId = app.body().get("id").asText();
            assertThat(dx().post("/" + appId + "/describe", member.token(), "{}").expectOk().body()
                    .get("billTo").asText()).isEqualTo(orgId);
        }
    }
}
