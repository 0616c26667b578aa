package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.TrePlatformTest;
import org.tre.messages.tre.TreProvisioning;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * Request projects and dispensal over HTTP (DECISIONS.md §15), as each role: the applicant
 * ({@code authorized}), a collaborator ({@code orgMember}, authorized through an org), an outsider,
 * the TRE's reviewer and admin; the robot's grant; the restrictions on invite and clone; policy
 * changes reaching the projects; and dispensals with their jobs and governance record.
 */
class RequestProjectsRoutesTest extends TrePlatformTest {

    private String tre;
    private String collaboratorId;
    private String fileA;
    private String fileB;
    private String fileC;
    private String goodTsv;

    @Test
    void theApplicantAndACollaboratorCreateProjectsThatEnforceTheTresPolicies() {
        String request = approved();
        String project = dx().post("/project/new", authorized, Dx.obj("name", "analysis", "treApplication", request,
                "dispense", false, "tre", tre, "billTo", org, "region", REGION)).expectOk().body().get("id").asText();
        JsonNode described = dx().post("/" + project + "/describe", authorized, "{}").expectOk().body();
        assertThat(described.get("tre").asText()).isEqualTo(tre);
        assertThat(described.get("treApplication").asText()).isEqualTo(request);
        assertThat(described.get("treDispensal").isNull()).isTrue();
        assertThat(described.get("billTo").asText()).isEqualTo(org);
        assertThat(described.get("region").asText()).isEqualTo(REGION);
        assertThat(described.get("level").asText()).isEqualTo("ADMINISTER");
        assertThat(described.get("restricted").asBoolean()).isTrue();
        assertThat(described.get("permissions").get(TreProvisioning.robotUser(tre)).asText()).isEqualTo("CONTRIBUTE");
        assertError(dx().post("/" + project + "/update", authorized, Dx.obj("restricted", false)), 401,
                "PermissionDenied");
        assertError(dx().post("/" + project + "/transfer", authorized, Dx.obj("invitee", org)), 401,
                "PermissionDenied");
        String theirs = requestProject(orgMember, request, "collaborator's");
        JsonNode describedRequest = dx().post("/" + request + "/describe", orgMember, "{}").expectOk().body();
        assertThat(describedRequest.get("projects")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(List.of(project, theirs));
        assertThat(describedRequest.get("permissions")).extracting(JsonNode::asText).contains("dispense")
                .doesNotContain("createProject");
    }

    @Test
    void nobodyElseHasAProjectOfTheRequestAndOnlyAnApprovedRequestOfAnActiveTreHasThem() {
        String request = approved();
        for (String who : List.of(outsider, reviewer, admin)) {
            assertError(dx().post("/project/new", who, Dx.obj("name", "no", "treApplication", request)), 401,
                    "PermissionDenied");
        }
        assertError(dx().post("/project/new", authorized, Dx.obj("name", "no", "treApplication", request,
                "billTo", "org-elsewhere")), 422, "InvalidInput");
        assertError(dx().post("/project/new", authorized, Dx.obj("name", "no", "treApplication", request,
                "restricted", false)), 422, "InvalidInput");
        assertError(dx().post("/project/new", authorized, Dx.obj("name", "no", "tre", tre)), 422, "InvalidInput");
        String draft = dx().post("/treApplication/new", authorized, Dx.obj("tre", tre, "name", "draft",
                "fields", List.of("22418"))).expectOk().body().get("id").asText();
        assertError(dx().post("/project/new", authorized, Dx.obj("name", "no", "treApplication", draft)), 422,
                "InvalidState");
        requestProject(authorized, request, "kept");
        dx().post("/" + tre + "/deactivate", admin, "{}").expectOk();
        assertError(dx().post("/project/new", authorized, Dx.obj("name", "no", "treApplication", request)), 422,
                "InvalidState");
        assertError(dx().post("/" + tre + "/delete", admin, "{}"), 422, "InvalidState");
    }

    @Test
    void invitesGoToTheRequestsPartiesOnlyAndTheRobotKeepsItsGrant() {
        String request = approved();
        String project = requestProject(authorized, request, "shared");
        dx().post("/" + project + "/invite", authorized, Dx.obj("invitee", collaboratorId, "level", "UPLOAD"))
                .expectOk();
        Dx.Response outsiderInvite = dx().post("/" + project + "/invite", authorized,
                Dx.obj("invitee", whoami(outsider), "level", "VIEW"));
        assertError(outsiderInvite, 401, "PermissionDenied");
        assertThat(outsiderInvite.errorMessage()).contains("TRE restriction").contains(request);
        assertError(dx().post("/" + project + "/invite", authorized, Dx.obj("invitee", "PUBLIC", "level", "VIEW")),
                401, "PermissionDenied");
        assertError(dx().post("/" + project + "/invite", authorized, Dx.obj("invitee", org, "level", "VIEW")), 401,
                "PermissionDenied");
        assertError(dx().post("/" + project + "/invite", orgMember, Dx.obj("invitee", whoami(authorized),
                "level", "VIEW")), 401, "PermissionDenied");
        String robot = TreProvisioning.robotUser(tre);
        Dx.Response lowered = dx().post("/" + project + "/decreasePermissions", authorized, Dx.obj(robot, "VIEW"));
        assertError(lowered, 401, "PermissionDenied");
        assertThat(lowered.errorMessage()).contains("robot");
        assertError(dx().post("/" + project + "/decreasePermissions", authorized, Dx.obj(robot, null)), 401,
                "PermissionDenied");
    }

    @Test
    void removingACollaboratorWithdrawsTheirAccessToTheRequestsProjects() {
        String request = approved();
        String project = requestProject(authorized, request, "shared");
        dx().post("/" + project + "/invite", authorized, Dx.obj("invitee", collaboratorId, "level", "CONTRIBUTE"))
                .expectOk();
        String theirs = requestProject(orgMember, request, "theirs");
        dx().post("/" + request + "/removeCollaborators", authorized, Dx.obj("users", List.of(collaboratorId)))
                .expectOk();
        await(() -> dx().post("/" + project + "/describe", orgMember, "{}").status() == 401, "withdrawn from shared");
        await(() -> dx().post("/" + theirs + "/describe", orgMember, "{}").status() == 401, "withdrawn from theirs");
        // The project they administered alone goes to the applicant.
        assertThat(dx().post("/" + theirs + "/describe", authorized, "{}").expectOk().body().get("level").asText())
                .isEqualTo("ADMINISTER");
        assertError(dx().post("/" + project + "/invite", authorized, Dx.obj("invitee", collaboratorId,
                "level", "VIEW")), 401, "PermissionDenied");
    }

    @Test
    void clonesStayWithinTheRequestAndNeverCrossTheTreBoundary() {
        String request = approved();
        // A restricted project lets nothing out at all; here the request's own boundary is what is tested.
        ok("setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("restricted", false)));
        String first = requestProject(authorized, request, "first");
        String second = requestProject(authorized, request, "second");
        String other = requestProject(authorized, approved(), "other request");
        String record = dx().post("/record/new", authorized, Dx.obj("project", first, "name", "result")).expectOk()
                .body().get("id").asText();
        dx().post("/" + first + "/clone", authorized, Dx.obj("objects", List.of(record), "project", second))
                .expectOk();
        assertError(dx().post("/" + first + "/clone", authorized, Dx.obj("objects", List.of(record), "project",
                other)), 401, "PermissionDenied");
        dx().post("/" + dataProject + "/invite", admin, Dx.obj("invitee", whoami(authorized), "level", "VIEW"))
                .expectOk();
        assertError(dx().post("/" + dataProject + "/clone", authorized, Dx.obj("objects", List.of(dataset),
                "project", first)), 401, "PermissionDenied");
    }

    @Test
    void aPolicyChangeReachesEveryRequestProject() {
        String request = approved();
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            projects.add(requestProject(authorized, request, "p" + i));
        }
        dx().post("/" + tre + "/setPolicies", admin, Dx.obj("restrictedWorkspace",
                Dx.obj("downloadRestricted", true))).expectOk();
        await(() -> "idle".equals(dx().post("/" + tre + "/describe", admin, Dx.obj("fields", Dx.obj("policySync",
                true))).expectOk().body().get("policySync").get("state").asText()), "policy sync idle");
        for (String project : projects) {
            JsonNode described = dx().post("/" + project + "/describe", authorized, "{}").expectOk().body();
            assertThat(described.get("downloadRestricted").asBoolean()).as(project).isTrue();
        }
    }

    @Test
    void aDispenseTrueProjectReceivesTheVersionsObjectsForTheRequestsFieldsMarkedDispensed() {
        String request = approved();
        String project = dx().post("/project/new", orgMember, Dx.obj("name", "dispensed", "treApplication", request))
                .expectOk().body().get("id").asText();
        JsonNode dispensal = awaitDispensal(project, orgMember);
        assertThat(dispensal.get("state").asText()).isEqualTo("done");
        assertThat(dispensal.get("inventoryVersion").asText()).isEqualTo("1.0.0");
        // The Other group's file goes to nobody asking 22418 only.
        assertThat(dispensal.get("objects")).extracting(JsonNode::asText)
                .containsExactly(dataset, goodTsv, fileA, fileC);
        assertThat(dx().post("/file-" + fileA.substring(5) + "/describe", orgMember, Dx.obj("project", project))
                .status()).isEqualTo(200);
        assertError(dx().post("/" + project + "/removeObjects", orgMember, Dx.obj("objects", List.of(fileA))), 401,
                "PermissionDenied");
        String job = dispensal.get("job").asText();

        JsonNode described = dx().post("/" + job + "/describe", orgMember, Dx.obj("fields", Dx.obj("state", true),
                "defaultFields", true)).expectOk().body();
        assertThat(described.get("class").asText()).isEqualTo("job");
        assertThat(described.get("executableName").asText()).isEqualTo("tre-dispensal");
        assertThat(described.get("launchedBy").asText()).isEqualTo(TreProvisioning.robotUser(tre));
        assertThat(described.get("project").asText()).isEqualTo(project);
        assertThat(described.get("requestedBy").asText()).isEqualTo(collaboratorId);
        assertThat(dx().post("/" + job + "/describe", admin, Dx.obj("fields", Dx.obj("state", true, "nosuch", true)))
                .expectOk().body().fieldNames()).toIterable().containsExactly("id", "state");
        assertError(dx().post("/" + job + "/describe", outsider, "{}"), 401, "PermissionDenied");
        assertError(dx().post("/job-BBBBBBBBBBBBBBBBBBBBBBBB/describe", outsider, "{}"), 404, "ResourceNotFound");
        assertError(dx().post("/" + job + "/describe", outsider, Dx.obj("fields", "all")), 422, "InvalidInput");

        assertError(dx().post("/" + request + "/dispense", authorized, Dx.obj("project", project)), 422,
                "InvalidState");
        JsonNode history = dx().post("/" + tre + "/history", admin, Dx.obj("types",
                List.of("TreDispensalStartedEvent", "TreDispensalFinishedEvent"))).expectOk().body().get("results");
        assertThat(history).hasSize(2);
        JsonNode started = history.get(0);
        assertThat(started.get("userId").asText()).isEqualTo(TreProvisioning.robotUser(tre));
        assertThat(started.get("data").get("requestedBy").asText()).isEqualTo(collaboratorId);
        assertThat(started.get("data").get("requestId").asText()).isEqualTo(request);
        assertThat(started.get("data").get("projectId").asText()).isEqualTo(project);
        assertThat(started.get("data").get("inventoryVersion").asText()).isEqualTo("1.0.0");
        assertThat(started.get("data").get("policies").get("restricted").asBoolean()).isTrue();
        assertThat(history.get(1).get("data").get("objects")).hasSize(4);
    }

    @Test
    void aFailedDispensalIsAskedForAgainAndTakesTheVersionActiveWhenItStarts() {
        String request = approved();
        String project = requestProject(authorized, request, "later");
        assertError(dx().post("/" + request + "/dispense", outsider, Dx.obj("project", project)), 401,
                "PermissionDenied");
        assertError(dx().post("/" + request + "/dispense", authorized, Dx.obj("project", "nope")), 422,
                "InvalidInput");
        // 1.1.0 names a file that is not in the inventory's project: the dispensal fails on record.
        String broken = create("/file/new", Dx.obj("project", dataProject, "name", "broken.tsv", "content",
                "file\nfile-BBBBBBBBBBBBBBBBBBBBBBBB\n"));
        amend("1.1.0", broken);
        JsonNode first = dx().post("/" + request + "/dispense", authorized, Dx.obj("project", project)).expectOk().body();
        JsonNode failed = awaitDispensal(project, authorized);
        assertThat(failed.get("job").asText()).isEqualTo(first.get("job").asText());
        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(failed.get("failureReason").asText()).isEqualTo("ResourceNotFound");
        assertThat(failed.get("inventoryVersion").asText()).isEqualTo("1.1.0");
        amend("1.2.0", goodTsv);
        JsonNode second = dx().post("/" + request + "/dispense", orgMember, Dx.obj("project", project)).expectOk()
                .body();
        assertThat(second.get("job").asText()).isNotEqualTo(first.get("job").asText());
        JsonNode done = awaitDispensal(project, authorized);
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("inventoryVersion").asText()).isEqualTo("1.2.0");
    }

    @Test
    void theTresDescribeAnswersWhatEachProjectReceivedNowAndAsItStoodBefore() {
        String request = approved();
        long beforeAny = System.currentTimeMillis();
        String project = dx().post("/project/new", orgMember, Dx.obj("name", "received", "treApplication", request))
                .expectOk().body().get("id").asText();
        String job = awaitDispensal(project, orgMember).get("job").asText();

        JsonNode dispensals = dx().post("/" + tre + "/describe", admin, Dx.obj("fields", Dx.obj("dispensals", true)))
                .expectOk().body().get("dispensals");
        assertThat(dispensals).hasSize(1);
        JsonNode received = dispensals.get(0);
        assertThat(received.get("job").asText()).isEqualTo(job);
        assertThat(received.get("treApplication").asText()).isEqualTo(request);
        assertThat(received.get("project").asText()).isEqualTo(project);
        assertThat(received.get("state").asText()).isEqualTo("done");
        assertThat(received.get("inventoryVersion").asText()).isEqualTo("1.0.0");
        assertThat(received.get("policies").get("restricted").asBoolean()).isTrue();
        assertThat(received.get("objects")).extracting(o -> o.get("objectId").asText())
                .containsExactly(dataset, goodTsv, fileA, fileC);
        assertThat(received.get("requestedBy").asText()).isEqualTo(collaboratorId);
        assertThat(received.get("finished").asLong()).isGreaterThanOrEqualTo(received.get("started").asLong());

        assertThat(dx().post("/" + tre + "/describe", admin, Dx.obj("at", beforeAny, "fields",
                Dx.obj("dispensals", true))).expectOk().body().get("dispensals")).isEmpty();
        assertThat(dx().post("/" + tre + "/describe", authorized, Dx.obj("fields", Dx.obj("dispensals", true)))
                .expectOk().body().has("dispensals")).isFalse();
        assertThat(dx().post("/" + tre + "/describe", admin, "{}").expectOk().body().has("dispensals")).isFalse();
    }

    // ---- helpers ----

    private void amend(String version, String tsv) {
        dx().post("/" + tre + "/deactivate", admin, "{}").expectOk();
        ok("setInventory", inventoryWith(version, tsv));
        ok("activate", Dx.obj());
    }

    private JsonNode awaitDispensal(String project, String token) {
        JsonNode[] last = new JsonNode[1];
        await(() -> {
            last[0] = dx().post("/" + project + "/describe", token, Dx.obj("fields", Dx.obj("treDispensal", true)))
                    .expectOk().body().get("treDispensal");
            return last[0] != null && !last[0].isNull()
                    && List.of("done", "failed").contains(last[0].get("state").asText());
        }, "dispensal into " + project);
        return last[0];
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A request of the applicant with the collaborator, approved; the TRE is made on first use. */
    private String approved() {
        if (tre == null) {
            tre = activeTre();
        }
        String request = dx().post("/treApplication/new", authorized, Dx.obj("tre", tre, "name", "study",
                "fields", List.of("22418"))).expectOk().body().get("id").asText();
        dx().post("/" + request + "/addCollaborators", authorized, Dx.obj("users", List.of(collaboratorId)))
                .expectOk();
        dx().post("/" + request + "/submit", authorized, "{}").expectOk();
        dx().post("/" + request + "/approve", reviewer, Dx.obj("reviewStepId", "ethics")).expectOk();
        return request;
    }

    private Object inventoryWith(String version, String tsv) {
        return Dx.obj("file", Dx.obj("project", dataProject, "id", tsv),
                "dataset", Dx.obj("project", dataProject, "id", dataset),
                "showcase", Dx.obj("project", showcaseProject, "id", showcase),
                "dataTypeGroups", Dx.obj("project", dataProject, "id", groupsFile),
                "assays", List.of(), "version", version);
    }

    private String activeTre() {
        fileA = create("/file/new", Dx.obj("project", dataProject, "name", "a.vcf", "content", "A"));
        fileB = create("/file/new", Dx.obj("project", dataProject, "name", "b.vcf", "content", "B"));
        fileC = create("/file/new", Dx.obj("project", dataProject, "name", "c.txt", "content", "C"));
        goodTsv = create("/file/new", Dx.obj("project", dataProject, "name", "files.tsv", "content",
                "file\tdataTypeGroup\n" + fileA + "\tGenotypes\n" + fileB + "\tOther\n" + fileC + "\t\n"));
        String handle = unique("prj").toLowerCase();
        tre = create("/tre/new", Dx.obj("handle", handle, "name", "Projects", "description", "d",
                "summary", "s", "billTo", org, "region", REGION));
        ok("setInventory", inventoryWith("1.0.0", goodTsv));
        ok("setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("restricted", true)));
        ok("addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "Board"));
        ok("addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(whoami(reviewer))));
        String partners = unique("pp");
        dx().post("/org/new", orgMember, Dx.obj("handle", partners, "name", "Partners")).expectOk();
        collaboratorId = whoami(orgMember);
        ok("addAuthorizedUsers", Dx.obj("users", List.of(whoami(authorized), "org-" + partners.toLowerCase())));
        ok("activate", Dx.obj());
        return tre;
    }

    private void ok(String verb, Object input) {
        dx().post("/" + tre + "/" + verb, admin, input).expectOk();
    }
}
