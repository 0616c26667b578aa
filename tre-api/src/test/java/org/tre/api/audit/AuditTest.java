package org.tre.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.TrePlatformTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** The audit routes of DECISIONS.md §13, over HTTP: history, and the TRE as it stood at a moment. */
class AuditTest extends TrePlatformTest {

    @Test
    void aTresHistoryNamesEveryChangeWithWhoAndWhichRequest() {
        String tre = draftTre();
        Dx.Response policies = dx().post("/" + tre + "/setPolicies", admin,
                Dx.obj("restrictedWorkspace", Dx.obj("restricted", true))).expectOk();
        JsonNode results = dx().post("/" + tre + "/history", admin, "{}").expectOk().body().get("results");
        assertThat(types(results)).containsExactly("TreCreatedEvent", "TrePoliciesSetEvent");
        JsonNode created = results.get(0);
        assertThat(created.get("sequence").asLong()).isZero();
        assertThat(created.get("userId").asText()).isEqualTo(whoami(admin));
        assertThat(created.get("data").get("handle").asText()).isEqualTo(tre.substring(4));
        JsonNode set = results.get(1);
        assertThat(set.get("sequence").asLong()).isEqualTo(1);
        assertThat(set.get("requestId").asText()).isEqualTo(policies.header("X-Request-ID"));
        assertThat(set.get("data").get("changed").get("restricted").asBoolean()).isTrue();
        assertThat(set.get("timestamp").asLong()).isGreaterThanOrEqualTo(created.get("timestamp").asLong());
    }

    @Test
    void followOnEventsCarryTheRequestThatSetThemOff() {
        String tre = activeTre();
        Dx.Response activation = lastActivation;
        JsonNode provisioned = null;
        long deadline = System.currentTimeMillis() + 15_000;
        while (provisioned == null && System.currentTimeMillis() < deadline) {
            for (JsonNode event : dx().post("/" + tre + "/history", admin, Dx.obj("types",
                    List.of("TreProvisionedEvent"))).expectOk().body().get("results")) {
                provisioned = event;
            }
        }
        assertThat(provisioned).as("provisioning recorded").isNotNull();
        assertThat(provisioned.get("requestId").asText()).isEqualTo(activation.header("X-Request-ID"));
        assertThat(provisioned.get("userId").asText()).isEqualTo(whoami(admin));
    }

    @Test
    void historyFiltersByTypeAndTimeAndPages() {
        String tre = draftTre();
        for (int i = 0; i < 3; i++) {
            dx().post("/" + tre + "/update", admin, Dx.obj("name", "Name " + i)).expectOk();
        }
        JsonNode updates = dx().post("/" + tre + "/history", admin, Dx.obj("types", List.of("TreUpdatedEvent")))
                .expectOk().body().get("results");
        assertThat(updates).hasSize(3);
        long second = updates.get(1).get("timestamp").asLong();
        JsonNode fromSecond = dx().post("/" + tre + "/history", admin, Dx.obj("after", second,
                "types", List.of("TreUpdatedEvent"))).expectOk().body().get("results");
        assertThat(fromSecond.size()).isBetween(1, 2);
        assertThat(dx().post("/" + tre + "/history", admin, Dx.obj("before", updates.get(0).get("timestamp").asLong()
                - 1_000_000)).expectOk().body().get("results")).isEmpty();

        JsonNode page = dx().post("/" + tre + "/history", admin, Dx.obj("limit", 2)).expectOk().body();
        assertThat(page.get("results")).hasSize(2);
        JsonNode rest = dx().post("/" + tre + "/history", admin, Dx.obj("starting", page.get("next"))).expectOk()
                .body();
        assertThat(rest.get("results").get(0).get("sequence").asLong()).isEqualTo(2);
        assertThat(rest.get("next").isNull()).isTrue();
        assertError(dx().post("/" + tre + "/history", admin, Dx.obj("limit", 0)), 422, "InvalidInput");
    }

    @Test
    void historyIsForAdminsAndTheOperatorAndOutlivesTheTre() {
        String tre = draftTre();
        assertError(dx().post("/" + tre + "/history", reviewer, "{}"), 401, "PermissionDenied");
        assertError(dx().post("/" + tre + "/history", outsider, "{}"), 401, "PermissionDenied");
        assertThat(dx().post("/" + tre + "/history", ADMIN_TOKEN, "{}").status()).isEqualTo(200);
        dx().post("/" + tre + "/delete", admin, "{}").expectOk();
        assertError(dx().post("/" + tre + "/describe", admin, "{}"), 404, "ResourceNotFound");
        JsonNode after = dx().post("/" + tre + "/history", admin, "{}").expectOk().body().get("results");
        assertThat(types(after)).endsWith("TreDeletedEvent");
        assertThat(dx().post("/" + tre + "/describe", admin, Dx.obj("at", System.currentTimeMillis())).expectOk()
                .body().get("state").asText()).isEqualTo("deleted");
        assertError(dx().post("/tre-" + unique("none") + "/history", admin, "{}"), 404, "ResourceNotFound");
    }

    @Test
    void describeAtAMomentShowsThePoliciesAndInventoryInForceThen() throws InterruptedException {
        String tre = activeTre();
        long beforeCreation = historyOf(tre).get(0).get("timestamp").asLong() - 1;
        Thread.sleep(5);
        long whileRestricted = System.currentTimeMillis();
        Thread.sleep(5);
        dx().post("/" + tre + "/setPolicies", admin, Dx.obj("restrictedWorkspace", Dx.obj("restricted", false)))
                .expectOk();
        dx().post("/" + tre + "/deactivate", admin, "{}").expectOk();
        dx().post("/" + tre + "/setInventory", admin, inventory("2.0.0")).expectOk();
        dx().post("/" + tre + "/activate", admin, "{}").expectOk();

        JsonNode then = dx().post("/" + tre + "/describe", admin, Dx.obj("at", whileRestricted)).expectOk().body();
        assertThat(then.get("policies").get("restrictedWorkspace").get("restricted").asBoolean()).isTrue();
        assertThat(then.get("inventory").asText()).isEqualTo("1.0.0");
        JsonNode now = dx().post("/" + tre + "/describe", admin, Dx.obj("at", System.currentTimeMillis() + 60_000))
                .expectOk().body();
        assertThat(now.get("inventory").asText()).isEqualTo("2.0.0");
        assertThat(now.get("policies").get("restrictedWorkspace").get("restricted").asBoolean()).isFalse();
        JsonNode fields = dx().post("/" + tre + "/describe", admin, Dx.obj("at", whileRestricted,
                "fields", Dx.obj("inventory", true))).expectOk().body();
        assertThat(fields.size()).isEqualTo(2);
        assertError(dx().post("/" + tre + "/describe", admin, Dx.obj("at", beforeCreation)), 404, "ResourceNotFound");
        assertError(dx().post("/" + tre + "/describe", reviewer, Dx.obj("at", whileRestricted)), 401,
                "PermissionDenied");
    }

    @Test
    void anOrgsHistoryHoldsItsMembershipAndLicenseChanges() {
        String orgHistory = "/" + org + "/history";
        JsonNode results = dx().post(orgHistory, admin, "{}").expectOk().body().get("results");
        assertThat(types(results)).contains("OrgCreatedEvent", "OrgMemberAddedEvent", "OrgLicensesSetEvent",
                "OrgMemberAccessChangedEvent");
        assertError(dx().post(orgHistory, outsider, "{}"), 401, "PermissionDenied");
        assertThat(dx().post(orgHistory, ADMIN_TOKEN, "{}").status()).isEqualTo(200);
        for (JsonNode event : results) {
            assertThat(event.get("data").toString()).doesNotContain(admin);
        }
    }

    private Dx.Response lastActivation;

    private String draftTre() {
        String handle = unique("aud").toLowerCase();
        return create("/tre/new", Dx.obj("handle", handle, "name", "Audited", "description", "d", "summary", "s",
                "billTo", org, "region", REGION));
    }

    private String activeTre() {
        String tre = draftTre();
        dx().post("/" + tre + "/setInventory", admin, inventory("1.0.0")).expectOk();
        dx().post("/" + tre + "/setPolicies", admin, Dx.obj("restrictedWorkspace", Dx.obj("restricted", true)))
                .expectOk();
        dx().post("/" + tre + "/addApplicationReviewStep", admin, Dx.obj("reviewStepId", "ethics", "name", "Ethics",
                "description", "Board")).expectOk();
        dx().post("/" + tre + "/addApplicationReviewers", admin, Dx.obj("reviewStepId", "ethics",
                "users", List.of(whoami(reviewer)))).expectOk();
        lastActivation = dx().post("/" + tre + "/activate", admin, "{}").expectOk();
        return tre;
    }

    private JsonNode historyOf(String tre) {
        return dx().post("/" + tre + "/history", admin, "{}").expectOk().body().get("results");
    }

    private static List<String> types(JsonNode results) {
        List<String> types = new ArrayList<>();
        results.forEach(r -> types.add(r.get("type").asText()));
        return types;
    }
}
