package org.tre.api.project;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tre.api.support.Dx;
import org.tre.messages.project.ProjectCommands.GrantProjectAccessCommand;
import org.tre.messages.project.ProjectCommands.RevokeProjectAccessCommand;
import org.tre.messages.project.ProjectLevel;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code invite}, {@code decreasePermissions}, {@code leave}, grants from a TRE and from orgs, over HTTP. */
class ProjectSharingTest extends ProjectServiceTest {

    @Autowired
    CommandGateway commands;

    // ---- invite ----

    @Test
    void anAdministratorInvitesAUserWhoThenSeesTheProject() {
        Billing billing = billing();
        String id = newProject(billing);
        Person bob = person("bob");
        Dx.Response response = dx().post("/" + id + "/invite", billing.admin().token(),
                Dx.obj("invitee", bob.id(), "level", "UPLOAD", "suppressEmailNotification", true)).expectOk();
        assertThat(response.body().get("id").asText()).isEqualTo(id);
        assertThat(response.body().get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(level(id, bob)).isEqualTo("UPLOAD");
    }

    @Test
    void inviteRefusesMalformedInput() {
        Billing billing = billing();
        String id = newProject(billing);
        String token = billing.admin().token();
        assertError(dx().post("/" + id + "/invite", token, Dx.obj("level", "VIEW")), 422, "InvalidInput");
        assertError(dx().post("/" + id + "/invite", token, Dx.obj("invitee", "alice", "level", "VIEW")), 422,
                "InvalidInput");
        assertError(dx().post("/" + id + "/invite", token, Dx.obj("invitee", person("x").id())), 422, "InvalidInput");
        assertError(dx().post("/" + id + "/invite", token, Dx.obj("invitee", person("x").id(), "level", "NONE")), 422,
                "InvalidInput");
        assertError(dx().post("/" + id + "/invite", token, Dx.obj("invitee", "PUBLIC", "level", "CONTRIBUTE")), 422,
                "InvalidInput");
        assertError(dx().post("/" + id + "/invite", token, Dx.obj("invitee", person("x").id(), "level", "VIEW",
                "colour", "red")), 422, "InvalidInput");
    }

    @Test
    void invitingNeedsAdministerAndAFullEnoughToken() {
        Billing billing = billing();
        String id = newProject(billing);
        Person contributor = person("contrib");
        invite(id, billing.admin(), contributor.id(), "CONTRIBUTE");
        assertError(dx().post("/" + id + "/invite", contributor.token(), Dx.obj("invitee", person("x").id(),
                "level", "VIEW")), 401, "PermissionDenied");
        String limited = limitedToken(billing.admin(), Map.of(id, "CONTRIBUTE"));
        assertError(dx().post("/" + id + "/invite", limited, Dx.obj("invitee", person("x").id(), "level", "VIEW")),
                401, "PermissionDenied");
    }

    @Test
    void invitingSomeoneWhoDoesNotExistIsResourceNotFound() {
        Billing billing = billing();
        String id = newProject(billing);
        assertError(dx().post("/" + id + "/invite", billing.admin().token(), Dx.obj("invitee",
                "user-" + unique("ghost"), "level", "VIEW")), 404, "ResourceNotFound");
        assertError(dx().post("/" + id + "/invite", billing.admin().token(), Dx.obj("invitee",
                "org-" + unique("ghost"), "level", "VIEW")), 404, "ResourceNotFound");
        assertError(dx().post("/project-0123456789BFGJKPQVXYZbfg/invite", billing.admin().token(), Dx.obj("invitee",
                person("x").id(), "level", "VIEW")), 404, "ResourceNotFound");
    }

    @Test
    void publicReachesEveryUserIncludingUsersCreatedLater() {
        Billing billing = billing();
        String id = newProject(billing);
        invite(id, billing.admin(), "PUBLIC", "VIEW");
        Person later = person("later");
        assertThat(level(id, later)).isEqualTo("VIEW");
        assertThat(describe(id, billing.admin().token()).get("permissions").get("PUBLIC").asText()).isEqualTo("VIEW");
    }

    @Test
    void anOrgGrantReachesItsMembersCappedByTheirProjectAccess() {
        Billing billing = billing();
        String id = newProject(billing);
        String team = billableOrg();
        Person uploader = person("uploader");
        member(team, uploader, false, "UPLOAD");
        Person orgAdmin = person("teamadmin");
        admin(team, orgAdmin);
        member(team, billing.admin(), false, "VIEW");
        invite(id, billing.admin(), team, "ADMINISTER");
        assertThat(level(id, uploader)).isEqualTo("UPLOAD");
        assertThat(level(id, orgAdmin)).isEqualTo("ADMINISTER");
    }

    @Test
    void invitingAnOrgFollowsItsRestrictProjectSharing() {
        Billing billing = billing();
        String id = newProject(billing);
        String outsiders = billableOrg();
        assertError(dx().post("/" + id + "/invite", billing.admin().token(), Dx.obj("invitee", outsiders,
                "level", "VIEW")), 401, "PermissionDenied");
        String adminsOnly = org(Map.of("restrictProjectSharing", "ADMIN"), false);
        member(adminsOnly, billing.admin(), false, "VIEW");
        assertError(dx().post("/" + id + "/invite", billing.admin().token(), Dx.obj("invitee", adminsOnly,
                "level", "VIEW")), 401, "PermissionDenied");
    }

    @Test
    void anInviteNeverLowersAnExistingGrant() {
        Billing billing = billing();
        String id = newProject(billing);
        Person bob = person("bob");
        invite(id, billing.admin(), bob.id(), "CONTRIBUTE");
        invite(id, billing.admin(), bob.id(), "VIEW");
        assertThat(level(id, bob)).isEqualTo("CONTRIBUTE");
    }

    // ---- decreasePermissions ----

    @Test
    void anAdministratorDecreasesAndRemovesMembers() {
        Billing billing = billing();
        String id = newProject(billing);
        Person bob = person("bob");
        Person carol = person("carol");
        invite(id, billing.admin(), bob.id(), "CONTRIBUTE");
        invite(id, billing.admin(), carol.id(), "VIEW");
        Map<String, Object> change = new HashMap<>();
        change.put(bob.id(), "VIEW");
        change.put(carol.id(), null);
        dx().post("/" + id + "/decreasePermissions", billing.admin().token(), change).expectOk();
        assertThat(level(id, bob)).isEqualTo("VIEW");
        assertError(dx().post("/" + id + "/describe", carol.token(), "{}"), 401, "PermissionDenied");
    }

    @Test
    void decreasePermissionsRefusesWhatItCannotDo() {
        Billing billing = billing();
        String id = newProject(billing);
        String token = billing.admin().token();
        Person bob = person("bob");
        invite(id, billing.admin(), bob.id(), "VIEW");
        assertError(dx().post("/" + id + "/decreasePermissions", token, "{}"), 422, "InvalidInput");
        assertError(dx().post("/" + id + "/decreasePermissions", token, Dx.obj(bob.id(), "SUPER")), 422, "InvalidInput");
        assertError(dx().post("/" + id + "/decreasePermissions", token, Dx.obj("bob", "VIEW")), 422, "InvalidInput");
        assertError(dx().post("/" + id + "/decreasePermissions", token, Dx.obj(bob.id(), "CONTRIBUTE")), 422,
                "InvalidInput");
        assertError(dx().post("/" + id + "/decreasePermissions", token, Dx.obj(person("x").id(), "VIEW")), 422,
                "InvalidInput");
        assertError(dx().post("/" + id + "/decreasePermissions", token, Dx.obj(billing.admin().id(), "VIEW")), 422,
                "InvalidState");
        assertError(dx().post("/" + id + "/decreasePermissions", bob.token(), Dx.obj(billing.admin().id(), "VIEW")),
                401, "PermissionDenied");
        assertError(dx().post("/project-0123456789BFGJKPQVXYZbfg/decreasePermissions", token, Dx.obj(bob.id(), "VIEW")),
                404, "ResourceNotFound");
    }

    @Test
    void aMemberDecreasesThemself() {
        Billing billing = billing();
        String id = newProject(billing);
        Person bob = person("bob");
        invite(id, billing.admin(), bob.id(), "CONTRIBUTE");
        dx().post("/" + id + "/decreasePermissions", bob.token(), Dx.obj(bob.id(), "VIEW")).expectOk();
        assertThat(level(id, bob)).isEqualTo("VIEW");
    }

    // ---- leave ----

    @Test
    void aMemberLeaves() {
        Billing billing = billing();
        String id = newProject(billing);
        Person bob = person("bob");
        invite(id, billing.admin(), bob.id(), "VIEW");
        dx().post("/" + id + "/leave", bob.token(), "{}").expectOk();
        assertError(dx().post("/" + id + "/describe", bob.token(), "{}"), 401, "PermissionDenied");
    }

    @Test
    void leaveRefusesWhatItCannotDo() {
        Billing billing = billing();
        String id = newProject(billing);
        assertError(dx().post("/" + id + "/leave", billing.admin().token(), "{}"), 422, "InvalidState");
        assertError(dx().post("/" + id + "/leave", billing.admin().token(), Dx.obj("force", true)), 422,
                "InvalidInput");
        assertError(dx().post("/" + id + "/leave", person("stranger").token(), "{}"), 401, "PermissionDenied");
        assertError(dx().post("/project-0123456789BFGJKPQVXYZbfg/leave", billing.admin().token(), "{}"), 404,
                "ResourceNotFound");
        Person viaPublic = person("public");
        invite(id, billing.admin(), "PUBLIC", "VIEW");
        assertError(dx().post("/" + id + "/leave", viaPublic.token(), "{}"), 422, "InvalidState");
    }

    // ---- grants from a TRE beside a person's own ----

    @Test
    void aTreGrantAndAPersonsOwnGrantCoexistAndAreWithdrawnSeparately() {
        Billing billing = billing();
        String id = newProject(billing);
        Person bob = person("bob");
        invite(id, billing.admin(), bob.id(), "VIEW");
        commands.sendAndWait(new GrantProjectAccessCommand(id, bob.id(), ProjectLevel.CONTRIBUTE, "tre-genomics"));
        assertThat(level(id, bob)).isEqualTo("CONTRIBUTE");
        assertThat(describe(id, billing.admin().token()).get("permissions").get(bob.id()).asText())
                .isEqualTo("CONTRIBUTE");

        commands.sendAndWait(new RevokeProjectAccessCommand(id, bob.id(), "tre-genomics"));
        assertThat(level(id, bob)).isEqualTo("VIEW");

        commands.sendAndWait(new GrantProjectAccessCommand(id, bob.id(), ProjectLevel.CONTRIBUTE, "tre-genomics"));
        dx().post("/" + id + "/leave", bob.token(), "{}").expectOk();
        assertThat(level(id, bob)).isEqualTo("CONTRIBUTE");
        assertError(dx().post("/" + id + "/decreasePermissions", billing.admin().token(), Dx.obj(bob.id(), "VIEW")),
                422, "InvalidInput");
        assertThat(level(id, bob)).isEqualTo("CONTRIBUTE");
        commands.sendAndWait(new RevokeProjectAccessCommand(id, bob.id(), "tre-genomics"));
        assertError(dx().post("/" + id + "/describe", bob.token(), "{}"), 401, "PermissionDenied");
    }

    // ---- an org member leaves the org ----

    @Test
    void removingAnOrgMemberRevokesTheirOwnGrantsAndElevatesTheRequesterWhereTheyWereSoleAdministrator() {
        Billing billing = billing();
        Person leaver = person("leaver");
        member(billing.orgId(), leaver, true, "CONTRIBUTE");
        String sole = newProject(leaver, billing.orgId());
        String shared = newProject(billing);
        invite(shared, billing.admin(), leaver.id(), "CONTRIBUTE");
        String elsewhere = newProject(billing());
        Map<String, Boolean> revoked = new HashMap<>();
        dx().post("/" + billing.orgId() + "/removeMember", billing.admin().token(), Dx.obj("user", leaver.id()))
                .expectOk().body().get("projects").fields()
                .forEachRemaining(entry -> revoked.put(entry.getKey(), entry.getValue().asBoolean()));
        assertThat(revoked).containsOnly(Map.entry(sole, true), Map.entry(shared, false));
        assertThat(level(sole, billing.admin())).isEqualTo("ADMINISTER");
        assertError(dx().post("/" + shared + "/describe", leaver.token(), "{}"), 401, "PermissionDenied");
        assertThat(elsewhere).isNotIn(revoked.keySet());
    }
}
