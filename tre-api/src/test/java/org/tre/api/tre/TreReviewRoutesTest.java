package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** Review steps and reviewers: tre-api.md "Data Access Request Review Steps", DECISIONS.md §5. */
class TreReviewRoutesTest extends TreApiTest {

    private Dx.Response addStep(String tre, Object id, Object name, Object description) {
        return call(tre, "addApplicationReviewStep", admin.token(),
                Dx.obj("reviewStepId", id, "name", name, "description", description));
    }

    private JsonNode steps(String tre) {
        return describe(tre, admin.token()).get("applicationReviewSteps");
    }

    @Test
    void addingAStepChecksIdNameAndDescription() {
        String tre = newTre();
        for (Object id : new Object[]{"", "Ethics", "eth ics", "eth-ics", "eth_ics", "éthique", longText(257), 5}) {
            assertError(addStep(tre, id, "Ethics", "Board"), 422, "InvalidInput");
        }
        assertError(addStep(tre, "ethics", "", "Board"), 422, "InvalidInput");
        assertError(addStep(tre, "ethics", longText(257), "Board"), 422, "InvalidInput");
        assertError(addStep(tre, "ethics", "Ethics", longText(1001)), 422, "InvalidInput");
        assertError(call(tre, "addApplicationReviewStep", admin.token(), Dx.obj("reviewStepId", "ethics",
                "name", "Ethics")), 422, "InvalidInput");
        assertError(call(tre, "addApplicationReviewStep", admin.token(), Dx.obj("reviewStepId", "ethics",
                "name", "Ethics", "description", "", "reviewers", List.of())), 422, "InvalidInput");
        assertThat(steps(tre)).isEmpty();

        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "x".repeat(256), "name", longText(256),
                "description", longText(1000)));
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics2", "name", "Ethics", "description", ""));
        assertError(addStep(tre, "ethics2", "Again", "Again"), 422, "InvalidInput");
        JsonNode steps = steps(tre);
        assertThat(fieldNames(steps)).containsExactly("x".repeat(256), "ethics2");
        JsonNode step = steps.get("ethics2");
        assertThat(fieldNames(step)).containsExactlyInAnyOrder("name", "description", "reviewers");
        assertThat(step.get("name").asText()).isEqualTo("Ethics");
        assertThat(step.get("description").asText()).isEmpty();
        assertThat(step.get("reviewers")).isEmpty();
    }

    @Test
    void updatingAStep() {
        String tre = newTre();
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "B"));
        String verb = "updateApplicationReviewStep";
        assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "other", "name", "N")), 422,
                "InvalidInput");
        assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "ethics", "name", longText(257))), 422,
                "InvalidInput");
        assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "ethics", "name", "")), 422,
                "InvalidInput");
        assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "ethics", "description",
                longText(1001))), 422, "InvalidInput");
        assertError(call(tre, verb, admin.token(), Dx.obj("name", "N")), 422, "InvalidInput");
        assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "ethics", "users", List.of())), 422,
                "InvalidInput");
        ok(tre, verb, Dx.obj("reviewStepId", "ethics", "description", "New board"));
        JsonNode step = steps(tre).get("ethics");
        assertThat(step.get("name").asText()).isEqualTo("Ethics");
        assertThat(step.get("description").asText()).isEqualTo("New board");
        ok(tre, verb, Dx.obj("reviewStepId", "ethics", "name", "Renamed"));
        assertThat(steps(tre).get("ethics").get("name").asText()).isEqualTo("Renamed");
        assertThat(steps(tre).get("ethics").get("description").asText()).isEqualTo("New board");
    }

    @Test
    void removingAStep() {
        String tre = newTre();
        Person reviewer = person("rev");
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "B"));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(reviewer.id())));
        assertError(call(tre, "removeApplicationReviewStep", admin.token(), Dx.obj("reviewStepId", "other")), 422,
                "InvalidInput");
        assertError(call(tre, "removeApplicationReviewStep", admin.token(), Dx.obj()), 422, "InvalidInput");
        assertError(call(tre, "removeApplicationReviewStep", admin.token(), Dx.obj("reviewStepId", "ethics",
                "name", "x")), 422, "InvalidInput");
        assertThat(describe(tre, reviewer.token()).get("id").asText()).isEqualTo(tre);
        ok(tre, "removeApplicationReviewStep", Dx.obj("reviewStepId", "ethics"));
        assertThat(steps(tre)).isEmpty();
        // The reviewer of no step is no reviewer any more.
        assertError(call(tre, "describe", reviewer.token(), Dx.obj()), 401, "PermissionDenied");
        // The id is free again.
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Again", "description", ""));
    }

    @Test
    void stepsAreAddedAndRemovedOnlyInDraftButUpdatedAndStaffedInEveryState() {
        Person reviewer = person("rev");
        Person second = person("second");
        String tre = activeTre(reviewer);
        for (String state : List.of("active", "amending")) {
            assertError(addStep(tre, "more", "More", ""), 422, "InvalidState");
            assertError(call(tre, "removeApplicationReviewStep", admin.token(), Dx.obj("reviewStepId", "ethics")),
                    422, "InvalidState");
            ok(tre, "updateApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "In " + state));
            ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(second.id())));
            ok(tre, "removeApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(second.id())));
            assertThat(steps(tre).get("ethics").get("name").asText()).isEqualTo("In " + state);
            assertThat(texts(steps(tre).get("ethics").get("reviewers"))).containsExactly(reviewer.id());
            if (state.equals("active")) {
                ok(tre, "deactivate", Dx.obj());
            }
        }
        assertThat(fieldNames(steps(tre))).containsExactly("ethics");
    }

    @Test
    void reviewers() {
        String tre = newTre();
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "B"));
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "data", "name", "Data", "description", "D"));
        Person reviewer = person("rev");
        String nobody = "user-" + unique("nobody");
        for (String verb : List.of("addApplicationReviewers", "removeApplicationReviewers")) {
            assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "other",
                    "users", List.of(reviewer.id()))), 422, "InvalidInput");
            assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "ethics", "users", List.of())), 422,
                    "InvalidInput");
            assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "ethics", "users", List.of(org))),
                    422, "InvalidInput");
            assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "ethics", "users", List.of("PUBLIC"))),
                    422, "InvalidInput");
            assertError(call(tre, verb, admin.token(), Dx.obj("users", List.of(reviewer.id()))), 422,
                    "InvalidInput");
            assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "ethics",
                    "users", List.of(reviewer.id()), "role", "x")), 422, "InvalidInput");
            assertError(call(tre, verb, admin.token(), Dx.obj("reviewStepId", "ethics",
                    "users", List.of(reviewer.id(), nobody))), 404, "ResourceNotFound");
        }
        assertThat(texts(steps(tre).get("ethics").get("reviewers"))).isEmpty();
        // One reviewer on two steps.
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(reviewer.id())));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "data", "users", List.of(reviewer.id())));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "data", "users", List.of(reviewer.id())));
        assertThat(texts(steps(tre).get("data").get("reviewers"))).containsExactly(reviewer.id());
        ok(tre, "removeApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(reviewer.id())));
        assertThat(texts(steps(tre).get("ethics").get("reviewers"))).isEmpty();
        // Still a reviewer through the other step.
        assertThat(describe(tre, reviewer.token()).has("applicationReviewSteps")).isFalse();
        ok(tre, "removeApplicationReviewers", Dx.obj("reviewStepId", "data", "users", List.of(reviewer.id())));
        assertError(call(tre, "describe", reviewer.token(), Dx.obj()), 401, "PermissionDenied");
    }

    @Test
    void atMostOneHundredReviewersPerStep() {
        String tre = newTre();
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "B"));
        List<String> hundredAndOne = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            hundredAndOne.add(newUser(unique("r")));
        }
        assertError(call(tre, "addApplicationReviewers", admin.token(), Dx.obj("reviewStepId", "ethics",
                "users", hundredAndOne)), 422, "InvalidInput");
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", hundredAndOne.subList(0, 60)));
        assertError(call(tre, "addApplicationReviewers", admin.token(), Dx.obj("reviewStepId", "ethics",
                "users", hundredAndOne.subList(60, 101))), 422, "InvalidInput");
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", hundredAndOne.subList(50, 100)));
        assertThat(steps(tre).get("ethics").get("reviewers")).hasSize(100);
    }

    @Test
    void everyReviewRouteNeedsAFullScopeToken() {
        String tre = newTre();
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "B"));
        Person reviewer = person("rev");
        String limited = limitedToken(admin.id());
        assertError(call(tre, "addApplicationReviewStep", limited, Dx.obj("reviewStepId", "more", "name", "M",
                "description", "")), 401, "PermissionDenied");
        assertError(call(tre, "updateApplicationReviewStep", limited, Dx.obj("reviewStepId", "ethics",
                "name", "M")), 401, "PermissionDenied");
        assertError(call(tre, "addApplicationReviewers", limited, Dx.obj("reviewStepId", "ethics",
                "users", List.of(reviewer.id()))), 401, "PermissionDenied");
        assertError(call(tre, "removeApplicationReviewers", limited, Dx.obj("reviewStepId", "ethics",
                "users", List.of(reviewer.id()))), 401, "PermissionDenied");
        assertError(call(tre, "removeApplicationReviewStep", limited, Dx.obj("reviewStepId", "ethics")), 401,
                "PermissionDenied");
        JsonNode steps = steps(tre);
        assertThat(fieldNames(steps)).containsExactly("ethics");
        assertThat(steps.get("ethics").get("name").asText()).isEqualTo("Ethics");
    }
}
