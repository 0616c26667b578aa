package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.TrePlatformTest;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What activation and role changes do to the platform (DECISIONS.md §8), observed as the affected
 * users see it: through project describe. Side effects run after the command, so each check waits
 * (bounded) for the effect.
 */
class TreSideEffectsTest extends TrePlatformTest {

    // Generous: the waits end as soon as the effect shows, and a loaded CI machine is slow.
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void activationProvisionsTheRobotTheWorkingProjectAndTheDispensalQueue() {
        String tre = activeTre();
        JsonNode provisioned = eventually(() -> describe(tre, admin), d -> d.has("workingProject"));
        String robot = provisioned.get("robotUser").asText();
        String working = provisioned.get("workingProject").asText();
        assertThat(robot).isEqualTo("user-tre_" + tre.substring(4) + "_robot");
        assertThat(provisioned.get("dispensalQueue").asText()).startsWith("dispensalQueue-");
        assertThat(dx().post("/" + robot + "/describe", ADMIN_TOKEN, "{}").expectOk().body().get("robot").asBoolean())
                .isTrue();
        // The admins' VIEW on the working project is a grant that follows provisioning: wait for it too.
        awaitLevel(working, admin, "VIEW");
        JsonNode project = dx().post("/" + working + "/describe", admin, "{}").expectOk().body();
        assertThat(project.get("billTo").asText()).isEqualTo(org);
        assertThat(project.get("region").asText()).isEqualTo(REGION);
        assertThat(project.get("level").asText()).isEqualTo("VIEW");
        assertThat(describe(tre, reviewer).has("workingProject")).isFalse();
        assertThat(dx().post("/system/newAuthToken", ADMIN_TOKEN, Dx.obj("user", robot)).errorType())
                .isEqualTo("PermissionDenied");
    }

    @Test
    void reviewersAndAuthorizedUsersSeeTheShowcaseAndLoseItWithTheirRole() {
        String tre = activeTre();
        awaitLevel(showcaseProject, reviewer, "VIEW");
        awaitLevel(showcaseProject, authorized, "VIEW");
        awaitLevel(showcaseProject, orgMember, "VIEW");
        assertThat(level(dataProject, reviewer)).isEqualTo("NONE");
        assertThat(level(showcaseProject, outsider)).isEqualTo("NONE");

        ok(tre, "removeAuthorizedUsers", Dx.obj("users", List.of(whoami(authorized))));
        awaitLevel(showcaseProject, authorized, "NONE");
        ok(tre, "removeApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(whoami(reviewer))));
        awaitLevel(showcaseProject, reviewer, "NONE");
    }

    @Test
    void aTreGrantNeverTakesAwayAccessThePersonHasForAnotherReason() {
        String tre = activeTre();
        awaitLevel(showcaseProject, reviewer, "VIEW");
        dx().post("/" + showcaseProject + "/invite", admin, Dx.obj("invitee", whoami(reviewer), "level", "CONTRIBUTE"))
                .expectOk();
        ok(tre, "removeApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(whoami(reviewer))));
        eventually(() -> dx().post("/" + showcaseProject + "/describe", admin, "{}").expectOk().body(),
                d -> d.get("permissions").path(whoami(reviewer)).asText().equals("CONTRIBUTE"));
        assertThat(level(showcaseProject, reviewer)).isEqualTo("CONTRIBUTE");
    }

    @Test
    void aNewAdminAdministersTheInventoryProjectsUntilRemoved() {
        String tre = activeTre();
        String secondId = newUser(unique("tadmin2"));
        String second = tokenFor(secondId);
        dx().post("/" + org + "/invite", admin, Dx.obj("invitee", secondId, "treManagement", true)).expectOk();
        ok(tre, "addTreAdmins", Dx.obj("users", List.of(secondId)));
        awaitLevel(dataProject, second, "ADMINISTER");
        awaitLevel(showcaseProject, second, "ADMINISTER");

        ok(tre, "removeTreAdmins", Dx.obj("users", List.of(secondId)));
        awaitLevel(dataProject, second, "NONE");
    }

    @Test
    void deletingTheTreWithdrawsEveryGrantItGave() {
        String tre = activeTre();
        awaitLevel(showcaseProject, authorized, "VIEW");
        ok(tre, "deactivate", Dx.obj());
        assertThat(level(showcaseProject, authorized)).isEqualTo("VIEW");
        ok(tre, "delete", Dx.obj());
        awaitLevel(showcaseProject, authorized, "NONE");
        awaitLevel(showcaseProject, reviewer, "NONE");
    }

    @Test
    void supportAccessGivesTheSupportOrgViewOnTheWorkingProjectAndTakesItBack() {
        String support = unique("support");
        dx().post("/org/new", outsider, Dx.obj("handle", support, "name", "Support")).expectOk();
        String tre = activeTre("org-" + support.toLowerCase());
        String working = eventually(() -> describe(tre, admin), d -> d.has("workingProject"))
                .get("workingProject").asText();
        assertThat(level(working, outsider)).isEqualTo("NONE");
        ok(tre, "update", Dx.obj("allowSupportAccess", true));
        awaitLevel(working, outsider, "VIEW");
        ok(tre, "update", Dx.obj("allowSupportAccess", false));
        awaitLevel(working, outsider, "NONE");
    }

    private String activeTre() {
        return activeTre(null);
    }

    /** A TRE of the platform, active, with a reviewer and two authorized entries (a user and an org). */
    private String activeTre(String supportOrg) {
        String handle = unique("fx").toLowerCase();
        String tre = create("/tre/new", Dx.obj("handle", handle, "name", "Effects", "description", "d",
                "summary", "s", "billTo", org, "region", REGION));
        if (supportOrg != null) {
            ok(tre, "update", Dx.obj("supportOrg", supportOrg));
        }
        ok(tre, "setInventory", inventory("1.0.0"));
        ok(tre, "setPolicies", Dx.obj());
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "Board"));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(whoami(reviewer))));
        String memberOrg = unique("partners");
        dx().post("/org/new", orgMember, Dx.obj("handle", memberOrg, "name", "Partners")).expectOk();
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(whoami(authorized), "org-" + memberOrg.toLowerCase())));
        ok(tre, "activate", Dx.obj());
        return tre;
    }

    private void awaitLevel(String project, String token, String expected) {
        eventually(() -> level(project, token), expected::equals);
    }

    /** The caller's level on the project, NONE when describe refuses them. */
    private String level(String project, String token) {
        Dx.Response response = dx().post("/" + project + "/describe", token, "{}");
        return response.status() == 200 ? response.body().get("level").asText() : "NONE";
    }

    private JsonNode describe(String tre, String token) {
        return dx().post("/" + tre + "/describe", token, "{}").expectOk().body();
    }

    private void ok(String tre, String verb, Object input) {
        dx().post("/" + tre + "/" + verb, admin, input).expectOk();
    }

    private static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + PATIENCE + "; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
