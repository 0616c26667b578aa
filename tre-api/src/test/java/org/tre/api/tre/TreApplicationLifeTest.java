package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * Data access requests over HTTP (DECISIONS.md §15): a request's whole life as its applicant, a
 * collaborator, each step's reviewer, another step's reviewer, the TRE admin, an authorized user who is
 * no party, an outsider and the operator; resubmission after a rejection; separation of duties; the
 * TRE's side. The TRE is active with the steps {@code ethics} (ethicist) and {@code science}
 * (scientist); its data type groups hold the field 22418.
 */
class TreApplicationLifeTest extends TreApiTest {

    Person ethicist;
    Person scientist;
    Person applicant;
    Person collaborator;
    Person bystander;
    Person outsider;
    String tre;

    @BeforeEach
    void activeTreWithTwoSteps() {
        ethicist = person("ethic");
        scientist = person("scien");
        applicant = person("appl");
        collaborator = person("collab");
        bystander = person("bystand");
        outsider = person("outsid");
        tre = readyTre(ethicist);
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "science", "name", "Science", "description", ""));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "science", "users", List.of(scientist.id())));
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(applicant.id(), collaborator.id(), bystander.id())));
        ok(tre, "activate", Dx.obj());
    }

    private Dx.Response on(String request, String verb, Person who, Object input) {
        return dx().post("/" + request + "/" + verb, who.token(), input);
    }

    private Dx.Response on(String request, String verb, String token, Object input) {
        return dx().post("/" + request + "/" + verb, token, input);
    }

    private JsonNode describeRequest(String request, Person who) {
        return on(request, "describe", who, Dx.obj()).expectOk().body();
    }

    private String newRequest(Person who, Object... extra) {
        return newRequestFor(who, Dx.obj(extra));
    }

    private String newRequestFor(Person who, com.fasterxml.jackson.databind.node.ObjectNode input) {
        input.put("tre", tre);
        if (!input.has("name")) {
            input.put("name", "Height and genes");
        }
        if (!input.has("fields")) {
            input.set("fields", Dx.JSON.valueToTree(List.of("22418")));
        }
        return dx().post("/treApplication/new", who.token(), input).expectOk().body().get("id").asText();
    }

    private List<String> findRequests(String token, Object input) {
        return ids(dx().post("/system/findTreApplications", token, input).expectOk().body());
    }

    @Test
    void aRequestsWholeLifeWithAResubmissionAfterARejection() {
        // Creation: only authorized users of the active TRE; shape first.
        assertError(dx().post("/treApplication/new", outsider.token(), Dx.obj("tre", tre, "name", "X")), 401,
                "PermissionDenied");
        assertError(dx().post("/treApplication/new", applicant.token(), Dx.obj("tre", "tre-nosuchtre", "name", "X")),
                404, "ResourceNotFound");
        assertError(dx().post("/treApplication/new", applicant.token(), Dx.obj("tre", tre)), 422, "InvalidInput");
        assertError(dx().post("/treApplication/new", applicant.token(), Dx.obj("tre", tre, "name", "X",
                "purpose", "typo")), 422, "InvalidInput");
        assertError(dx().post("/treApplication/new", limitedToken(applicant.id()), Dx.obj("tre", tre, "name", "X")),
                401, "PermissionDenied");
        String request = newRequest(applicant, "nonce", "first-try", "description", "We study height");
        assertThat(request).matches("treApplication-[0-9BFGJKPQVXYZbfgjkpqvxyz]{24}");
        assertThat(newRequest(applicant, "nonce", "first-try", "description", "We study height")).isEqualTo(request);

        JsonNode draft = describeRequest(request, applicant);
        assertThat(draft.get("class").asText()).isEqualTo("treApplication");
        assertThat(draft.get("state").asText()).isEqualTo("draft");
        assertThat(draft.get("decision").isNull()).isTrue();
        assertThat(draft.get("round").asInt()).isZero();
        assertThat(draft.get("applicant").asText()).isEqualTo(applicant.id());
        assertThat(draft.get("createdBy").asText()).isEqualTo(applicant.id());
        assertThat(draft.get("projects")).isEmpty();
        assertThat(texts(draft.get("permissions"))).containsExactly("describe", "describeCohortMetadata", "history",
                "update", "createCohortMetadata", "addCollaborators", "removeCollaborators", "submit", "delete");

        // Collaborators: users only, existing, authorized.
        assertError(on(request, "addCollaborators", applicant, Dx.obj("users", List.of(org))), 422, "InvalidInput");
        assertError(on(request, "addCollaborators", applicant, Dx.obj("users", List.of("PUBLIC"))), 422,
                "InvalidInput");
        assertError(on(request, "addCollaborators", applicant, Dx.obj("users", List.of("user-nosuchperson"))), 404,
                "ResourceNotFound");
        assertError(on(request, "addCollaborators", applicant, Dx.obj("users", List.of(outsider.id()))), 422,
                "InvalidInput");
        assertError(on(request, "addCollaborators", applicant, Dx.obj("users", List.of(applicant.id()))), 422,
                "InvalidInput");
        assertError(on(request, "addCollaborators", collaborator, Dx.obj("users", List.of(collaborator.id()))), 401,
                "PermissionDenied");
        on(request, "addCollaborators", applicant, Dx.obj("users", List.of(collaborator.id()))).expectOk();

        // Who may read it: its people, the TRE's reviewers and admins, the operator; nobody else.
        assertThat(texts(describeRequest(request, collaborator).get("permissions")))
                .containsExactly("describe", "describeCohortMetadata", "history");
        assertThat(texts(describeRequest(request, ethicist).get("permissions")))
                .containsExactly("describe", "describeCohortMetadata", "history", "update");
        assertThat(texts(describeRequest(request, admin).get("permissions")))
                .containsExactly("describe", "describeCohortMetadata", "history");
        assertThat(on(request, "describe", ADMIN_TOKEN, Dx.obj()).expectOk().body().get("id").asText())
                .isEqualTo(request);
        assertError(on(request, "describe", bystander, Dx.obj()), 401, "PermissionDenied");
        assertError(on(request, "describe", outsider, Dx.obj()), 401, "PermissionDenied");
        assertError(on(request, "update", collaborator, Dx.obj("name", "Mine now")), 401, "PermissionDenied");
        assertError(on(request, "update", admin, Dx.obj("name", "Mine now")), 401, "PermissionDenied");
        assertError(on(request, "describe", applicant, Dx.obj("fields", Dx.obj("colour", true))), 422,
                "InvalidInput");
        assertThat(fieldNames(on(request, "describe", applicant, Dx.obj("fields", Dx.obj("state", true)))
                .expectOk().body())).containsExactly("id", "state");

        // The cohort: once created, updated; read by those who may read the request.
        assertError(on(request, "updateCohortMetadata", applicant, Dx.obj("cohort", Dx.obj("age", 40))), 422,
                "InvalidState");
        assertError(on(request, "createCohortMetadata", applicant, Dx.obj("cohort", List.of(1))), 422,
                "InvalidInput");
        assertError(on(request, "createCohortMetadata", applicant, Dx.obj("cohort", Dx.obj("x", "y".repeat(70_000)))),
                422, "InvalidInput");
        on(request, "createCohortMetadata", applicant, Dx.obj("cohort", Dx.obj("age", Dx.obj("min", 40)))).expectOk();
        assertError(on(request, "createCohortMetadata", applicant, Dx.obj("cohort", Dx.obj())), 422, "InvalidState");
        assertThat(on(request, "describeCohortMetadata", collaborator, Dx.obj()).expectOk().body().get("cohort")
                .toString()).isEqualTo("{\"age\":{\"min\":40}}");
        assertError(on(request, "describeCohortMetadata", bystander, Dx.obj()), 401, "PermissionDenied");
        assertThat(describeRequest(request, applicant).get("hasCohort").asBoolean()).isTrue();

        // Round 1: submitted, the TRE's steps copied, each pending.
        assertError(on(request, "approve", ethicist, Dx.obj("reviewStepId", "ethics")), 422, "InvalidState");
        assertError(on(request, "submit", collaborator, Dx.obj()), 401, "PermissionDenied");
        on(request, "submit", applicant, Dx.obj()).expectOk();
        JsonNode review = describeRequest(request, applicant);
        assertThat(review.get("state").asText()).isEqualTo("in-review");
        assertThat(review.get("decision").asText()).isEqualTo("pending");
        assertThat(review.get("round").asInt()).isEqualTo(1);
        assertThat(fieldNames(review.get("reviewSteps"))).containsExactly("ethics", "science");
        assertThat(fieldNames(review.get("reviewSteps").get("ethics")))
                .containsExactly("name", "state", "decidedBy", "decided", "comment");
        assertThat(review.get("reviewSteps").get("science").get("state").asText()).isEqualTo("pending");
        assertThat(review.get("submitted").asLong()).isPositive();
        assertError(on(request, "update", applicant, Dx.obj("name", "Late")), 422, "InvalidState");
        assertError(on(request, "submit", applicant, Dx.obj()), 422, "InvalidState");
        assertThat(texts(describeRequest(request, ethicist).get("permissions"))).contains("approve", "reject");

        // The reviewers' queue.
        assertThat(findRequests(ethicist.token(), Dx.obj("awaitingMyReview", true))).containsExactly(request);
        assertThat(findRequests(scientist.token(), Dx.obj("awaitingMyReview", true, "tre", tre)))
                .containsExactly(request);
        assertThat(findRequests(admin.token(), Dx.obj("tre", tre))).containsExactly(request);
        assertThat(findRequests(admin.token(), Dx.obj("awaitingMyReview", true))).isEmpty();
        assertThat(findRequests(applicant.token(), Dx.obj("state", "in-review"))).containsExactly(request);
        assertThat(findRequests(applicant.token(), Dx.obj("state", "draft"))).isEmpty();
        assertThat(findRequests(bystander.token(), Dx.obj())).isEmpty();
        assertThat(findRequests(outsider.token(), Dx.obj())).isEmpty();
        assertThat(findRequests(ADMIN_TOKEN, Dx.obj("applicant", applicant.id()))).containsExactly(request);
        assertError(dx().post("/system/findTreApplications", applicant.token(), Dx.obj("state", "pending")), 422,
                "InvalidInput");
        JsonNode described = dx().post("/system/findTreApplications", collaborator.token(), Dx.obj("describe", true))
                .expectOk().body().get("results").get(0).get("describe");
        assertThat(described.get("state").asText()).isEqualTo("in-review");

        // Decisions: only a step's reviewer, a known step, a comment on rejection.
        assertError(on(request, "approve", scientist, Dx.obj("reviewStepId", "ethics")), 401, "PermissionDenied");
        assertError(on(request, "approve", admin, Dx.obj("reviewStepId", "ethics")), 401, "PermissionDenied");
        assertError(on(request, "approve", applicant, Dx.obj("reviewStepId", "ethics")), 401, "PermissionDenied");
        assertError(on(request, "approve", bystander, Dx.obj("reviewStepId", "ethics")), 401, "PermissionDenied");
        assertError(on(request, "approve", ethicist, Dx.obj("reviewStepId", "finance")), 422, "InvalidInput");
        assertError(on(request, "reject", ethicist, Dx.obj("reviewStepId", "ethics")), 422, "InvalidInput");
        assertError(on(request, "approve", limitedToken(ethicist.id()), Dx.obj("reviewStepId", "ethics")), 401,
                "PermissionDenied");
        on(request, "approve", scientist, Dx.obj("reviewStepId", "science", "comment", "Sound design")).expectOk();
        assertError(on(request, "reject", scientist, Dx.obj("reviewStepId", "science", "comment", "Changed my mind")),
                422, "InvalidState");
        on(request, "reject", ethicist, Dx.obj("reviewStepId", "ethics", "comment", "Why do you need genes?"))
                .expectOk();

        // A rejection ends the round at once.
        JsonNode revision = describeRequest(request, collaborator);
        assertThat(revision.get("state").asText()).isEqualTo("in-revision");
        assertThat(revision.get("decision").asText()).isEqualTo("rejected");
        JsonNode ethics = revision.get("reviewSteps").get("ethics");
        assertThat(ethics.get("state").asText()).isEqualTo("rejected");
        assertThat(ethics.get("decidedBy").asText()).isEqualTo(ethicist.id());
        assertThat(ethics.get("comment").asText()).isEqualTo("Why do you need genes?");
        assertThat(findRequests(ethicist.token(), Dx.obj("awaitingMyReview", true))).isEmpty();
        assertThat(findRequests(scientist.token(), Dx.obj("awaitingMyReview", true))).isEmpty();

        // Round 2: revised, resubmitted, every step pending again, both approve.
        on(request, "update", applicant, Dx.obj("description", "Genes explain height")).expectOk();
        on(request, "submit", applicant, Dx.obj()).expectOk();
        JsonNode second = describeRequest(request, applicant);
        assertThat(second.get("round").asInt()).isEqualTo(2);
        assertThat(second.get("reviewSteps").get("science").get("state").asText()).isEqualTo("pending");
        assertThat(second.get("reviewSteps").get("ethics").get("comment").isNull()).isTrue();
        on(request, "approve", ethicist, Dx.obj("reviewStepId", "ethics", "comment", "Clear now")).expectOk();
        assertThat(describeRequest(request, applicant).get("state").asText()).isEqualTo("in-review");
        on(request, "approve", scientist, Dx.obj("reviewStepId", "science")).expectOk();
        JsonNode approved = describeRequest(request, applicant);
        assertThat(approved.get("state").asText()).isEqualTo("approved");
        assertThat(approved.get("decision").asText()).isEqualTo("approved");
        assertThat(approved.get("approved").asLong()).isGreaterThanOrEqualTo(approved.get("submitted").asLong());
        assertError(on(request, "approve", ethicist, Dx.obj("reviewStepId", "ethics")), 422, "InvalidState");
        assertError(on(request, "delete", applicant, Dx.obj()), 422, "InvalidState");
        // Approved, the request's parties dispense into its projects (and create them, with /project/new).
        assertThat(texts(approved.get("permissions")))
                .containsExactly("describe", "describeCohortMetadata", "history", "removeCollaborators", "dispense");

        // The audit: who approved step ethics of this request, when, and what they said.
        JsonNode approvals = on(request, "history", admin, Dx.obj("types", List.of("ReviewStepApprovedEvent")))
                .expectOk().body().get("results");
        JsonNode ethicsApproval = null;
        for (JsonNode event : approvals) {
            if (event.get("data").get("reviewStepId").asText().equals("ethics")) {
                ethicsApproval = event;
            }
        }
        assertThat(ethicsApproval).isNotNull();
        assertThat(ethicsApproval.get("userId").asText()).isEqualTo(ethicist.id());
        assertThat(ethicsApproval.get("data").get("decidedBy").asText()).isEqualTo(ethicist.id());
        assertThat(ethicsApproval.get("data").get("round").asInt()).isEqualTo(2);
        assertThat(ethicsApproval.get("data").get("comment").asText()).isEqualTo("Clear now");
        assertThat(ethicsApproval.get("timestamp").asLong()).isPositive();
        List<String> types = new ArrayList<>();
        on(request, "history", collaborator, Dx.obj()).expectOk().body().get("results")
                .forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactly("AccessRequestCreatedEvent", "CollaboratorsAddedEvent",
                "CohortMetadataCreatedEvent", "AccessRequestSubmittedEvent", "ReviewStepApprovedEvent",
                "ReviewStepRejectedEvent", "AccessRequestUpdatedEvent", "AccessRequestSubmittedEvent",
                "ReviewStepApprovedEvent", "ReviewStepApprovedEvent", "AccessRequestApprovedEvent");
        assertError(on(request, "history", bystander, Dx.obj()), 401, "PermissionDenied");
        assertError(on(request, "history", limitedToken(admin.id()), Dx.obj()), 401, "PermissionDenied");
        assertError(on(request, "history", admin, Dx.obj("limit", 0)), 422, "InvalidInput");

        // The TRE's admins see its requests by state; its reviewers do not.
        JsonNode counts = describe(tre, admin.token()).get("applicationCounts");
        assertThat(counts.get("approved").asInt()).isEqualTo(1);
        assertThat(counts.get("draft").asInt()).isZero();
        assertThat(fieldNames(counts)).containsExactly("draft", "in-review", "approved", "in-revision");
        assertThat(describe(tre, ethicist.token()).has("applicationCounts")).isFalse();

        // Collaborators may be removed in any state; the removed one no longer reads it.
        on(request, "removeCollaborators", applicant, Dx.obj("users", List.of(collaborator.id()))).expectOk();
        assertError(on(request, "describe", collaborator, Dx.obj()), 401, "PermissionDenied");
    }

    @Test
    void separationOfDutiesHoldsFromBothSides() {
        // The applicant makes a reviewer a collaborator: the reviewer may no longer decide.
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(ethicist.id())));
        String request = newRequest(applicant);
        on(request, "addCollaborators", applicant, Dx.obj("users", List.of(ethicist.id()))).expectOk();
        on(request, "submit", applicant, Dx.obj()).expectOk();
        assertError(on(request, "approve", ethicist, Dx.obj("reviewStepId", "ethics")), 401, "PermissionDenied");
        assertThat(texts(describeRequest(request, ethicist).get("permissions"))).doesNotContain("approve", "reject");
        assertThat(findRequests(ethicist.token(), Dx.obj("awaitingMyReview", true))).doesNotContain(request);
        // A second reviewer of the same step, no party, decides.
        Person second = person("second");
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(second.id())));
        on(request, "approve", second, Dx.obj("reviewStepId", "ethics")).expectOk();

        // A reviewer creates a request for an applicant: they never decide it.
        String forApplicant = newRequestFor(scientist, Dx.obj("applicant", applicant.id()));
        JsonNode made = describeRequest(forApplicant, applicant);
        assertThat(made.get("applicant").asText()).isEqualTo(applicant.id());
        assertThat(made.get("createdBy").asText()).isEqualTo(scientist.id());
        assertError(dx().post("/treApplication/new", bystander.token(), Dx.obj("tre", tre, "name", "For you",
                "applicant", applicant.id())), 401, "PermissionDenied");
        assertError(dx().post("/treApplication/new", scientist.token(), Dx.obj("tre", tre, "name", "For you",
                "applicant", outsider.id())), 422, "InvalidInput");
        on(forApplicant, "submit", applicant, Dx.obj()).expectOk();
        assertError(on(forApplicant, "approve", scientist, Dx.obj("reviewStepId", "science")), 401,
                "PermissionDenied");

        // A reviewer taken off the step can no longer decide it.
        ok(tre, "removeApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(second.id())));
        assertError(on(forApplicant, "approve", second, Dx.obj("reviewStepId", "ethics")), 401, "PermissionDenied");
    }

    @Test
    void theTresSideDeactivationDeletionAndTheRequestsTombstone() {
        String inReview = newRequest(applicant);
        on(inReview, "submit", applicant, Dx.obj()).expectOk();
        String draft = newRequest(applicant);
        ok(tre, "deactivate", Dx.obj());

        // Amending blocks new requests and submission, not decisions.
        assertError(dx().post("/treApplication/new", applicant.token(), Dx.obj("tre", tre, "name", "X")), 422,
                "InvalidState");
        assertError(on(draft, "submit", applicant, Dx.obj()), 422, "InvalidState");
        assertThat(texts(describeRequest(draft, applicant).get("permissions"))).doesNotContain("submit");
        on(inReview, "reject", ethicist, Dx.obj("reviewStepId", "ethics", "comment", "Not now")).expectOk();

        // The TRE is not deleted while it has requests not deleted.
        assertError(call(tre, "delete", admin.token(), Dx.obj()), 422, "InvalidState");
        assertThat(describe(tre, admin.token()).get("applicationCounts").get("in-revision").asInt()).isEqualTo(1);
        on(draft, "delete", applicant, Dx.obj()).expectOk();
        on(inReview, "delete", applicant, Dx.obj()).expectOk();

        // A deleted request answers ResourceNotFound everywhere but its history.
        for (String verb : List.of("describe", "update", "describeCohortMetadata", "submit", "delete")) {
            assertError(on(draft, verb, applicant, Dx.obj()), 404, "ResourceNotFound");
        }
        assertError(on(draft, "addCollaborators", applicant, Dx.obj("users", List.of(collaborator.id()))), 404,
                "ResourceNotFound");
        assertError(on(inReview, "approve", scientist, Dx.obj("reviewStepId", "science")), 404, "ResourceNotFound");
        assertThat(on(draft, "history", applicant, Dx.obj()).expectOk().body().get("results")).hasSize(2);
        assertThat(findRequests(applicant.token(), Dx.obj())).doesNotContain(draft, inReview);
        assertError(on("treApplication-0123456789BFGJKPQVXYZbfg", "describe", applicant, Dx.obj()), 404,
                "ResourceNotFound");
        assertError(on("treApplication-0123456789BFGJKPQVXYZbfg", "submit", applicant, Dx.obj()), 404,
                "ResourceNotFound");
        assertError(on("treApplication-nonsense", "update", applicant, Dx.obj("name", "x")), 404, "ResourceNotFound");

        call(tre, "delete", admin.token(), Dx.obj()).expectOk();
    }

    @Test
    void aRequestAsItStoodAtAMoment() throws InterruptedException {
        String request = newRequest(applicant);
        on(request, "submit", applicant, Dx.obj()).expectOk();
        Thread.sleep(5);
        long inReview = System.currentTimeMillis();
        Thread.sleep(5);
        on(request, "reject", ethicist, Dx.obj("reviewStepId", "ethics", "comment", "No")).expectOk();

        JsonNode then = on(request, "describe", admin, Dx.obj("at", inReview)).expectOk().body();
        assertThat(then.get("state").asText()).isEqualTo("in-review");
        assertThat(then.get("permissions")).isEmpty();
        assertThat(describeRequest(request, admin).get("state").asText()).isEqualTo("in-revision");
        assertError(on(request, "describe", admin, Dx.obj("at", 1)), 404, "ResourceNotFound");
        assertError(on(request, "describe", bystander, Dx.obj("at", inReview)), 401, "PermissionDenied");
        assertError(on(request, "describe", limitedToken(applicant.id()), Dx.obj("at", inReview)), 401,
                "PermissionDenied");
        assertThat(on(request, "describe", limitedToken(applicant.id()), Dx.obj()).expectOk().body()
                .get("permissions")).extracting(JsonNode::asText).containsExactly("describe", "describeCohortMetadata");
    }

    @Test
    void submissionChecksTheFieldsAgainstTheDataTypeGroups() {
        String request = newRequest(applicant, "fields", List.of("22418", "99999"));
        assertError(on(request, "submit", applicant, Dx.obj()), 422, "InvalidInput");
        on(request, "update", applicant, Dx.obj("fields", List.of())).expectOk();
        assertError(on(request, "submit", applicant, Dx.obj()), 422, "InvalidInput");
        on(request, "update", applicant, Dx.obj("fields", List.of("22418"))).expectOk();
        ok(tre, "removeAuthorizedUsers", Dx.obj("users", List.of(applicant.id())));
        assertError(on(request, "submit", applicant, Dx.obj()), 401, "PermissionDenied");
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(applicant.id())));
        on(request, "submit", applicant, Dx.obj()).expectOk();
    }
}
