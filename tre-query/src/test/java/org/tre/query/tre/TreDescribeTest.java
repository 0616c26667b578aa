package org.tre.query.tre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.messages.tre.Policies;
import org.tre.messages.tre.TreEvents.ApplicationReviewStepAddedEvent;
import org.tre.messages.tre.TreEvents.ApplicationReviewersAddedEvent;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreEvents.TreDeactivatedEvent;
import org.tre.messages.tre.TreEvents.TreInventorySetEvent;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;
import org.tre.messages.tre.TreEvents.TreSideEffectFailedEvent;
import org.tre.query.tre.TreDescribe.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tre.query.tre.TreEventsFixture.ALICE;
import static org.tre.query.tre.TreEventsFixture.BOB;
import static org.tre.query.tre.TreEventsFixture.CAROL;
import static org.tre.query.tre.TreEventsFixture.DORA;
import static org.tre.query.tre.TreEventsFixture.ORG;
import static org.tre.query.tre.TreEventsFixture.SHOWCASE_PROJECT;
import static org.tre.query.tre.TreEventsFixture.TRE;
import static org.tre.query.tre.TreEventsFixture.activated;
import static org.tre.query.tre.TreEventsFixture.at;
import static org.tre.query.tre.TreEventsFixture.created;
import static org.tre.query.tre.TreEventsFixture.inventorySet;

/** Role filtering (DECISIONS.md §4, §9): who holds which role, and what each role sees of a view. */
class TreDescribeTest {

    private static final List<String> BASIC = List.of("id", "name", "description", "summary", "handle", "region",
            "billTo", "state", "public", "policies", "inventory", "showcaseInventory");
    private static final List<String> ADMIN_ONLY = List.of("inventoryDetails", "treAdmins", "authorizedUsers",
            "customizedRateCard", "customizedURL", "supportOrg", "allowSupportAccess", "applicationReviewSteps",
            "created", "modified", "policySync");

    private final ObjectMapper json = new ObjectMapper();

    /** Alice admin, Bob reviewer, Carol and the org authorized; Dora nothing. */
    private static TreView tre(Object... more) {
        List<Object> events = new ArrayList<>(List.of(created(TRE, ALICE),
                new ApplicationReviewStepAddedEvent(TRE, "ethics", "Ethics", ""),
                new ApplicationReviewersAddedEvent(TRE, "ethics", List.of(BOB)),
                new AuthorizedUsersAddedEvent(TRE, List.of(CAROL, ORG), List.of(CAROL, ORG))));
        events.addAll(List.of(more));
        TreView view = null;
        for (int i = 0; i < events.size(); i++) {
            view = TreFold.apply(view, events.get(i), at(1000L * (i + 1)));
        }
        return view;
    }

    private static Role roleOf(TreView view, String userId, String... orgs) {
        Set<String> principals = new LinkedHashSet<>(List.of(orgs));
        principals.add(userId);
        principals.add("PUBLIC");
        return TreDescribe.roleOf(view, userId, principals, false);
    }

    private ObjectNode render(TreView view, Role role) {
        return TreDescribe.render(view, role, null, json);
    }

    private ObjectNode render(TreView view, Role role, Map<String, Boolean> fields) {
        return TreDescribe.render(view, role, fields, json);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Nested
    class Roles {

        @Test
        void eachPersonHoldsTheStrongestRoleTheyHave() {
            TreView view = tre();
            assertThat(roleOf(view, ALICE)).isEqualTo(Role.ADMIN);
            assertThat(roleOf(view, BOB)).isEqualTo(Role.REVIEWER);
            assertThat(roleOf(view, CAROL)).isEqualTo(Role.AUTHORIZED);
            assertThat(roleOf(view, DORA)).isEqualTo(Role.NONE);
        }

        @Test
        void anAdminWhoAlsoReviewsIsAnAdminAndAnAuthorizedReviewerAReviewer() {
            TreView view = tre(new ApplicationReviewersAddedEvent(TRE, "ethics", List.of(ALICE, CAROL)));
            assertThat(roleOf(view, ALICE)).isEqualTo(Role.ADMIN);
            assertThat(roleOf(view, CAROL)).isEqualTo(Role.REVIEWER);
        }

        @Test
        void membersOfAnAuthorizedOrgAreAuthorized() {
            assertThat(roleOf(tre(), DORA, ORG)).isEqualTo(Role.AUTHORIZED);
            assertThat(roleOf(tre(), DORA, "org-other")).isEqualTo(Role.NONE);
        }

        @Test
        void publicAuthorizesEveryoneButMakesNoOneAReviewerOrAdmin() {
            TreView view = tre(new AuthorizedUsersAddedEvent(TRE, List.of("PUBLIC"), List.of("PUBLIC")));
            assertThat(roleOf(view, DORA)).isEqualTo(Role.AUTHORIZED);
            assertThat(roleOf(view, BOB)).isEqualTo(Role.REVIEWER);
            assertThat(TreDescribe.roleOf(view, DORA, Set.of(DORA), false)).isEqualTo(Role.NONE);
        }

        @Test
        void theOperatorSeesWhatAdminsSee() {
            assertThat(TreDescribe.roleOf(tre(), "user-operator", Set.of("user-operator"), true)).isEqualTo(Role.ADMIN);
        }

        @Test
        void anOrgCannotHoldAUsersRoleOnItsMembersBehalf() {
            TreView view = tre(new ApplicationReviewersAddedEvent(TRE, "ethics", List.of(ORG)));
            assertThat(roleOf(view, DORA, ORG)).isEqualTo(Role.AUTHORIZED);
        }
    }

    @Nested
    class Fields {

        @Test
        void adminsSeeEveryFieldAndTheRestTheBasicOnes() {
            TreView view = tre();
            assertThat(names(render(view, Role.ADMIN))).containsExactlyInAnyOrderElementsOf(
                    concat(BASIC, ADMIN_ONLY));
            ObjectNode asAdmin = render(view, Role.ADMIN);
            for (Role role : List.of(Role.REVIEWER, Role.AUTHORIZED)) {
                ObjectNode basic = render(view, role);
                assertThat(names(basic)).as(role.name()).containsExactlyInAnyOrderElementsOf(BASIC);
                for (String field : BASIC) {
                    assertThat(basic.get(field)).as(field).isEqualTo(asAdmin.get(field));
                }
            }
        }

        @Test
        void noRoleSeesNothing() {
            assertThatThrownBy(() -> render(tre(), Role.NONE)).isInstanceOfSatisfying(DxException.class,
                    e -> assertThat(e.type()).isEqualTo(ErrorType.PermissionDenied));
        }

        @Test
        void fieldsPicksTheOnesMappedToTrueThatTheRoleMaySee() {
            TreView view = tre();
            Map<String, Boolean> fields = new LinkedHashMap<>();
            fields.put("name", true);
            fields.put("treAdmins", true);
            fields.put("created", true);
            fields.put("state", false);
            assertThat(names(render(view, Role.ADMIN, fields))).containsExactly("id", "name", "treAdmins", "created");
            assertThat(names(render(view, Role.AUTHORIZED, fields))).containsExactly("id", "name");
            assertThat(names(render(view, Role.REVIEWER, Map.of()))).containsExactly("id");
        }

        @Test
        void provisionedResourcesAndFailuresAppearToAdminsOnceThereAreAny() {
            ObjectNode before = render(tre(), Role.ADMIN);
            assertThat(names(before)).doesNotContain("robotUser", "workingProject", "dispensalQueue",
                    "sideEffectFailures");

            TreView view = tre(new TreProvisionedEvent(TRE, "user-tre_genomics_robot", "project-work", "queue-1"),
                    new TreSideEffectFailedEvent(TRE, "grants", "directory down"));
            ObjectNode after = render(view, Role.ADMIN);
            assertThat(after.get("robotUser").asText()).isEqualTo("user-tre_genomics_robot");
            assertThat(after.get("workingProject").asText()).isEqualTo("project-work");
            assertThat(after.get("dispensalQueue").asText()).isEqualTo("queue-1");
            assertThat(after.get("sideEffectFailures").get(0).get("effect").asText()).isEqualTo("grants");
            assertThat(after.get("sideEffectFailures").get(0).get("at").asLong()).isEqualTo(6_000);
            assertThat(names(render(view, Role.AUTHORIZED))).containsExactlyInAnyOrderElementsOf(BASIC);
        }

        @Test
        void unknownFieldNamesAreInvalidInput() {
            TreDescribe.requireKnownFields(null);
            TreDescribe.requireKnownFields(Map.of("name", true, "policySync", false));
            assertThatThrownBy(() -> TreDescribe.requireKnownFields(Map.of("nmae", true)))
                    .isInstanceOfSatisfying(DxException.class,
                            e -> assertThat(e.type()).isEqualTo(ErrorType.InvalidInput));
        }
    }

    @Nested
    class Values {

        @Test
        void aDraftShowsItsStateAndNoInventoryEvenWithOnePending() {
            ObjectNode out = render(tre(inventorySet("1.0.0", false)), Role.AUTHORIZED);
            assertThat(out.get("state").asText()).isEqualTo("draft");
            assertThat(out.get("inventory").isNull()).isTrue();
            assertThat(out.get("showcaseInventory").isNull()).isTrue();
            assertThat(out.get("public").asBoolean()).isFalse();
        }

        @Test
        void theInventoryIsTheActiveVersionAndTheShowcaseItsShowcase() {
            TreView view = tre(inventorySet("1.0.0", false), activated("1.0.0", null), new TreDeactivatedEvent(TRE),
                    inventorySet("1.1.0", false));
            ObjectNode out = render(view, Role.REVIEWER);
            assertThat(out.get("state").asText()).isEqualTo("amending");
            assertThat(out.get("inventory").asText()).isEqualTo("1.0.0");
            assertThat(out.get("showcaseInventory"))
                    .isEqualTo(json.createObjectNode().put("project", SHOWCASE_PROJECT).put("id", "record-1.0.0"));
        }

        @Test
        void anEmptyShowcaseIsAnEmptyMappingOnceActive() {
            Inventory noShowcase = new Inventory("1.0.0", ObjectRef.NONE, ObjectRef.NONE, ObjectRef.NONE, null,
                    List.of());
            ObjectNode out = render(tre(new TreInventorySetEvent(TRE, noShowcase, false), activated("1.0.0", null)),
                    Role.AUTHORIZED);
            assertThat(out.get("showcaseInventory").isObject()).isTrue();
            assertThat(out.get("showcaseInventory")).isEmpty();
        }

        @Test
        void publicIsTrueExactlyWhenPublicIsAnAuthorizedUser() {
            TreView view = tre(new AuthorizedUsersAddedEvent(TRE, List.of("PUBLIC"), List.of("PUBLIC")));
            assertThat(render(view, Role.AUTHORIZED).get("public").asBoolean()).isTrue();
        }

        @Test
        void policiesShowAllTenKeysUnderRestrictedWorkspaceNullWhereNotEnforced() {
            JsonNode policies = render(tre(), Role.AUTHORIZED).get("policies");
            assertThat(names(policies)).containsExactly("restrictedWorkspace");
            assertThat(names(policies.get("restrictedWorkspace"))).containsExactlyElementsOf(Policies.KEYS);
            policies.get("restrictedWorkspace").forEach(value -> assertThat(value.isNull()).isTrue());
        }

        @Test
        void inventoryDetailsShowEachVersionWithItsStateNewestFirst() {
            TreView view = tre(inventorySet("1.0.0", false), activated("1.0.0", null), new TreDeactivatedEvent(TRE),
                    inventorySet("1.1.0", false));
            JsonNode details = render(view, Role.ADMIN).get("inventoryDetails");
            assertThat(details).hasSize(2);
            assertThat(names(details.get(0))).containsExactly("version", "state", "activated", "created", "file",
                    "dataset", "showcase", "dataTypeGroups", "assays");
            assertThat(details.get(0).get("version").asText()).isEqualTo("1.1.0");
            assertThat(details.get(0).get("state").asText()).isEqualTo("pending");
            assertThat(details.get(0).get("activated").isNull()).isTrue();
            assertThat(details.get(0).get("dataset")).isEqualTo(json.createObjectNode());
            assertThat(details.get(0).get("dataTypeGroups").isNull()).isTrue();
            assertThat(details.get(1).get("state").asText()).isEqualTo("active");
            assertThat(details.get(1).get("activated").asLong()).isEqualTo(6_000);
            assertThat(names(details.get(1).get("assays").get(0))).containsExactly("entity", "project",
                    "workingProject", "dataset", "assayPidMapDatabase");
        }

        @Test
        void reviewStepsMapTheirIdsToNameDescriptionAndReviewers() {
            JsonNode steps = render(tre(), Role.ADMIN).get("applicationReviewSteps");
            assertThat(steps).isEqualTo(json.createObjectNode().set("ethics", json.createObjectNode()
                    .put("name", "Ethics").put("description", "").set("reviewers", json.createArrayNode().add(BOB))));
        }

        @Test
        void policySyncShowsItsStateAndPendingCount() {
            JsonNode sync = render(tre(), Role.ADMIN).get("policySync");
            assertThat(names(sync)).containsExactly("state", "pending");
            assertThat(sync.get("state").asText()).isEqualTo("idle");
            assertThat(sync.get("pending").asLong()).isZero();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
