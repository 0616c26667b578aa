package org.tre.api.tre;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * activate, deactivate and delete (tre-api.md, DECISIONS.md §2, §8), and the rules every TRE route
 * shares: non-admins are refused, an unknown or deleted TRE is not found, unknown keys are invalid.
 */
class TreLifecycleRoutesTest extends TreApiTest {

    private void refusedAs(String tre, String verb, String expectedWords) {
        Dx.Response response = call(tre, verb, admin.token(), Dx.obj());
        assertError(response, 422, "InvalidState");
        assertThat(response.errorMessage()).containsIgnoringCase(expectedWords);
    }

    @Test
    void activationChecksInTheOrderOfDecisions() {
        Person reviewer = person("rev");
        String handle = unique("rc").toLowerCase();
        ObjectNode input = newTreInput(handle);
        input.put("customizedRateCard", true);
        String tre = create("/tre/new", input);
        refusedAs(tre, "activate", "inventory");
        ok(tre, "setInventory", inventory("1.0.0"));
        refusedAs(tre, "activate", "policies");
        ok(tre, "setPolicies", Dx.obj());
        refusedAs(tre, "activate", "rate card");
        setLicenses(org, "rateCard", true);
        refusedAs(tre, "activate", "review step");
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", ""));
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "data", "name", "Data", "description", ""));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(reviewer.id())));
        refusedAs(tre, "activate", "data");
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "data", "users", List.of(reviewer.id())));
        ok(tre, "activate", Dx.obj());
        assertThat(describe(tre, admin.token()).get("state").asText()).isEqualTo("active");
        refusedAs(tre, "activate", "active");
        // The licenses the org had are still there: setLicenses {"rateCard"} changed only the rate card.
        assertThat(create("/tre/new", newTreInput(unique("more").toLowerCase()))).startsWith("tre-");
    }

    @Test
    void aStepWhoseOnlyReviewerWasRemovedBlocksReactivation() {
        Person reviewer = person("rev");
        String tre = activeTre(reviewer);
        ok(tre, "deactivate", Dx.obj());
        ok(tre, "removeApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(reviewer.id())));
        refusedAs(tre, "activate", "ethics");
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(reviewer.id())));
        // Activating from amending without a pending inventory keeps the active one.
        ok(tre, "activate", Dx.obj());
        assertThat(describe(tre, admin.token()).get("inventory").asText()).isEqualTo("1.0.0");
        assertThat(describe(tre, admin.token()).get("inventoryDetails")).hasSize(1);
    }

    @Test
    void deactivateOnlyFromActive() {
        Person reviewer = person("rev");
        String tre = readyTre(reviewer);
        refusedAs(tre, "deactivate", "draft");
        ok(tre, "activate", Dx.obj());
        ok(tre, "deactivate", Dx.obj());
        assertThat(describe(tre, admin.token()).get("state").asText()).isEqualTo("amending");
        refusedAs(tre, "deactivate", "amending");
    }

    @Test
    void deleteOnlyInDraftOrAmending() {
        Person reviewer = person("rev");
        String tre = activeTre(reviewer);
        refusedAs(tre, "delete", "active");
        // Request projects, which block deletion too, are RequestProjectsRoutesTest's.
        ok(tre, "deactivate", Dx.obj());
        ok(tre, "delete", Dx.obj());
        // A draft TRE deletes at once.
        ok(newTre(), "delete", Dx.obj());
    }

    @Test
    void afterDeleteEveryRouteIsNotFound() {
        Person reviewer = person("rev");
        Person user = person("user");
        String tre = readyTre(reviewer);
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(user.id(), "PUBLIC")));
        ok(tre, "delete", Dx.obj());
        for (String verb : TRE_VERBS) {
            for (String token : List.of(admin.token(), reviewer.token(), user.token(), ADMIN_TOKEN)) {
                assertError(call(tre, verb, token, validInput(verb, user.id())), 404, "ResourceNotFound");
            }
        }
        assertThat(findAll(dx(), admin.token())).doesNotContain(tre);
        assertThat(findAll(dx(), user.token())).doesNotContain(tre);
    }

    @Test
    void anUnknownTreIsNotFoundOnEveryRoute() {
        String tre = "tre-" + unique("nosuch").toLowerCase();
        for (String verb : TRE_VERBS) {
            assertError(call(tre, verb, admin.token(), validInput(verb, admin.id())), 404, "ResourceNotFound");
            assertError(call(tre, verb, ADMIN_TOKEN, validInput(verb, admin.id())), 404, "ResourceNotFound");
        }
        // Ids no TRE can have: uppercase, empty handle, no handle rules at all.
        String real = newTre();
        for (String id : List.of(real.toUpperCase().replace("TRE-", "tre-"), "tre-", "tre-a b")) {
            assertError(call(id.replace(" ", "%20"), "describe", admin.token(), Dx.obj()), 404, "ResourceNotFound");
        }
    }

    @Test
    void nonAdminsArePermissionDeniedOnEveryAdminRoute() {
        Person reviewer = person("rev");
        Person user = person("user");
        Person manager = manager();
        Person outsider = person("outsider");
        String tre = readyTre(reviewer);
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(user.id(), org)));
        String before = describe(tre, admin.token()).toString();
        // The operator, an org ADMIN of billTo without TRE adminship, reviewers, authorized users, members.
        Person orgAdmin = person("orgadmin");
        member(org, admin.token(), orgAdmin.id(), "level", "ADMIN");
        treManagement(org, orgAdmin.id());
        for (String verb : ADMIN_VERBS) {
            for (Person p : List.of(reviewer, user, manager, outsider, orgAdmin)) {
                assertError(call(tre, verb, p.token(), validInput(verb, manager.id())), 401, "PermissionDenied");
            }
            assertError(call(tre, verb, ADMIN_TOKEN, validInput(verb, manager.id())), 401, "PermissionDenied");
        }
        assertThat(describe(tre, admin.token()).toString()).isEqualTo(before);
    }

    @Test
    void aLimitedTokenIsRefusedWhereTheSpecAsksForAFullScope() {
        Person reviewer = person("rev");
        String tre = readyTre(reviewer);
        String limited = limitedToken(admin.id());
        for (String verb : List.of("activate", "deactivate", "delete", "getDataTypeGroups")) {
            assertError(call(tre, verb, limited, Dx.obj()), 401, "PermissionDenied");
        }
        assertThat(describe(tre, admin.token()).get("state").asText()).isEqualTo("draft");
        ok(tre, "activate", Dx.obj());
        assertError(call(tre, "deactivate", limited, Dx.obj()), 401, "PermissionDenied");
        assertThat(describe(tre, admin.token()).get("state").asText()).isEqualTo("active");
    }

    @Test
    void unknownKeysAreInvalidInputOnEveryRoute() {
        Person reviewer = person("rev");
        String tre = readyTre(reviewer);
        for (String verb : TRE_VERBS) {
            ObjectNode input = validInput(verb, reviewer.id());
            input.put("colour", "blue");
            assertError(call(tre, verb, admin.token(), input), 422, "InvalidInput");
            // Even for someone who may not call the route: shape comes first.
            Person outsider = person("o");
            assertError(call(tre, verb, outsider.token(), input), 422, "InvalidInput");
            // And on a TRE that does not exist.
            assertError(call("tre-" + unique("nosuch").toLowerCase(), verb, admin.token(), input), 422,
                    "InvalidInput");
        }
        ObjectNode newInput = newTreInput(unique("k").toLowerCase());
        newInput.put("colour", "blue");
        assertError(dx().post("/tre/new", admin.token(), newInput), 422, "InvalidInput");
        assertError(dx().post("/system/findTres", admin.token(), Dx.obj("colour", "blue")), 422, "InvalidInput");
        assertThat(describe(tre, admin.token()).get("state").asText()).isEqualTo("draft");
    }

    /**
     * PROTOCOL.md: clients retry 5xx, so no bad input may ever produce one. Every key of a valid input,
     * and every key one level down, replaced by a value of each JSON type.
     */
    @Test
    void noInputOfTheWrongTypeEverGivesA5xx() {
        Person reviewer = person("rev");
        String tre = readyTre(reviewer);
        List<Object> values = new java.util.ArrayList<>(java.util.Arrays.asList(null, 1, 1.5, "s", "", true,
                List.of(), List.of(1), List.of(Dx.obj()), Dx.obj(), Dx.obj("x", 1)));
        List<String> knownTypes = List.of("InvalidInput", "InvalidState", "InvalidType", "ResourceNotFound",
                "PermissionDenied");
        List<String> verbs = new java.util.ArrayList<>(TRE_VERBS);
        verbs.remove("delete");
        for (String verb : verbs) {
            ObjectNode valid = validInput(verb, reviewer.id());
            if (verb.equals("describe")) {
                valid.set("fields", Dx.obj("name", true));
            }
            List<ObjectNode> mutants = new java.util.ArrayList<>();
            for (var names = valid.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                for (Object value : values) {
                    ObjectNode mutant = valid.deepCopy();
                    mutant.set(key, Dx.JSON.valueToTree(value));
                    mutants.add(mutant);
                    if (valid.get(key).isObject()) {
                        for (var inner = valid.get(key).fieldNames(); inner.hasNext(); ) {
                            ObjectNode deep = valid.deepCopy();
                            ((ObjectNode) deep.get(key)).set(inner.next(), Dx.JSON.valueToTree(value));
                            mutants.add(deep);
                        }
                    }
                    if (valid.get(key).isArray() && valid.get(key).size() > 0 && valid.get(key).get(0).isObject()) {
                        for (var inner = valid.get(key).get(0).fieldNames(); inner.hasNext(); ) {
                            ObjectNode deep = valid.deepCopy();
                            ((ObjectNode) deep.get(key).get(0)).set(inner.next(), Dx.JSON.valueToTree(value));
                            mutants.add(deep);
                        }
                    }
                }
            }
            for (ObjectNode mutant : mutants) {
                Dx.Response response = call(tre, verb, admin.token(), mutant);
                assertThat(response.status()).as(verb + " " + mutant).isLessThan(500);
                if (response.status() != 200) {
                    assertThat(response.errorType()).as(verb + " " + mutant).isIn(knownTypes);
                }
            }
        }
        for (Object value : values) {
            for (String key : List.of("handle", "name", "description", "summary", "billTo", "region",
                    "customizedRateCard", "customizedURL", "nonce")) {
                ObjectNode mutant = newTreInput(unique("f").toLowerCase());
                mutant.set(key, Dx.JSON.valueToTree(value));
                Dx.Response response = dx().post("/tre/new", admin.token(), mutant);
                assertThat(response.status()).as("/tre/new " + mutant).isLessThan(500);
            }
            for (String key : List.of("limit", "starting", "describe")) {
                Dx.Response response = dx().post("/system/findTres", admin.token(),
                        Dx.obj(key, value));
                assertThat(response.status()).as("findTres " + key + "=" + value).isLessThan(500);
            }
        }
    }

    @Test
    void aBodyThatIsNoObjectIsInvalidInput() {
        String tre = newTre();
        for (String verb : TRE_VERBS) {
            assertError(call(tre, verb, admin.token(), "[]"), 422, "InvalidInput");
        }
        assertError(call(tre, "describe", admin.token(), "{"), 400, "MalformedJSON");
        assertError(call(tre, "describe", null, "{}"), 401, "InvalidAuthentication");
    }
}
