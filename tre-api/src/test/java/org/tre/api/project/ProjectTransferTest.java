package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /project-xxxx/transfer} and {@code /project-xxxx/acceptTransfer} over HTTP (DECISIONS.md §14). */
class ProjectTransferTest extends ProjectServiceTest {

    @Test
    void anAdminOfTheInvitedOrgAcceptsAndPermissionsStay() {
        Billing from = billing();
        Billing to = billing();
        String id = newProject(from);
        Person bob = person("bob");
        invite(id, from.admin(), bob.id(), "VIEW");
        dx().post("/" + id + "/transfer", from.admin().token(), Dx.obj("invitee", to.orgId(),
                "suppressEmailNotification", true)).expectOk();
        assertThat(describe(id, from.admin().token()).get("pendingTransfer").asText()).isEqualTo(to.orgId());
        dx().post("/" + id + "/acceptTransfer", to.admin().token(), "{}").expectOk();
        JsonNode after = describe(id, from.admin().token());
        assertThat(after.get("billTo").asText()).isEqualTo(to.orgId());
        assertThat(after.get("pendingTransfer").isNull()).isTrue();
        assertThat(after.get("permissions").get(bob.id()).asText()).isEqualTo("VIEW");
        assertThat(after.get("permissions").has(to.admin().id())).isFalse();
    }

    @Test
    void theInviteeMustBeAnOrg() {
        Billing from = billing();
        String id = newProject(from);
        assertError(dx().post("/" + id + "/transfer", from.admin().token(), Dx.obj("invitee", person("bob").id())),
                422, "InvalidInput");
        assertError(dx().post("/" + id + "/transfer", from.admin().token(), "{}"), 422, "InvalidInput");
        assertError(dx().post("/" + id + "/transfer", from.admin().token(), Dx.obj("invitee", from.orgId())), 422,
                "InvalidInput");
    }

    @Test
    void transferRefusesWhoMayNot() {
        Billing from = billing();
        String id = newProject(from);
        Person contributor = person("contrib");
        invite(id, from.admin(), contributor.id(), "CONTRIBUTE");
        String target = billableOrg();
        assertError(dx().post("/" + id + "/transfer", contributor.token(), Dx.obj("invitee", target)), 401,
                "PermissionDenied");
        assertError(dx().post("/" + id + "/transfer", from.admin().token(), Dx.obj("invitee",
                "org-" + unique("nowhere"))), 404, "ResourceNotFound");
        assertError(dx().post("/project-0123456789BFGJKPQVXYZbfg/transfer", from.admin().token(),
                Dx.obj("invitee", target)), 404, "ResourceNotFound");
    }

    @Test
    void restrictProjectTransferDecidesWhoMayOffer() {
        String strict = org(Map.of("restrictProjectTransfer", "ADMIN"), true);
        Person member = person("member");
        member(strict, member, true, "CONTRIBUTE");
        String id = newProject(member, strict);
        assertError(dx().post("/" + id + "/transfer", member.token(), Dx.obj("invitee", billableOrg())), 401,
                "PermissionDenied");

        String lax = org(Map.of("restrictProjectTransfer", "MEMBER"), true);
        Person laxMember = person("laxmember");
        member(lax, laxMember, true, "CONTRIBUTE");
        String other = newProject(laxMember, lax);
        dx().post("/" + other + "/transfer", laxMember.token(), Dx.obj("invitee", billableOrg())).expectOk();
    }

    @Test
    void acceptTransferRefusesWhoMayNot() {
        Billing from = billing();
        Billing to = billing();
        String id = newProject(from);
        assertError(dx().post("/" + id + "/acceptTransfer", to.admin().token(), "{}"), 422, "InvalidState");
        dx().post("/" + id + "/transfer", from.admin().token(), Dx.obj("invitee", to.orgId())).expectOk();
        Person member = person("member");
        member(to.orgId(), member, true, "CONTRIBUTE");
        assertError(dx().post("/" + id + "/acceptTransfer", member.token(), "{}"), 401, "PermissionDenied");
        assertError(dx().post("/" + id + "/acceptTransfer", from.admin().token(), "{}"), 401, "PermissionDenied");
        String limited = limitedToken(to.admin(), Map.of(id, "ADMINISTER"));
        assertError(dx().post("/" + id + "/acceptTransfer", limited, "{}"), 401, "PermissionDenied");
        assertError(dx().post("/" + id + "/acceptTransfer", to.admin().token(), Dx.obj("now", true)), 422,
                "InvalidInput");
        assertError(dx().post("/project-0123456789BFGJKPQVXYZbfg/acceptTransfer", to.admin().token(), "{}"), 404,
                "ResourceNotFound");
    }

    @Test
    void theAcceptingOrgMustBeBillableAndPermitTheRegion() {
        Billing from = billing();
        String id = newProject(from, "region", EU);
        Person freeAdmin = person("free");
        String free = org(Map.of(), false);
        admin(free, freeAdmin);
        dx().post("/" + id + "/transfer", from.admin().token(), Dx.obj("invitee", free)).expectOk();
        assertError(dx().post("/" + id + "/acceptTransfer", freeAdmin.token(), "{}"), 401, "PermissionDenied");

        Billing usOnly = billing();
        dx().post("/" + usOnly.orgId() + "/setLicenses", ADMIN_TOKEN, Dx.obj("permittedRegions", List.of(US)))
                .expectOk();
        dx().post("/" + id + "/transfer", from.admin().token(), Dx.obj("invitee", usOnly.orgId())).expectOk();
        assertError(dx().post("/" + id + "/acceptTransfer", usOnly.admin().token(), "{}"), 422, "InvalidInput");
    }
}
