package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /org/new} over HTTP (org-api.txt, DECISIONS.md §12). */
class OrgNewTest extends OrgApiTest {

    @Test
    void theIdIsOrgPlusTheLowercasedHandleAndTheCreatorIsTheOnlyAdmin() {
        Person creator = person("founder");
        String handle = unique("AcMe");
        Dx.Response created = dx().post("/org/new", creator.token(), Dx.obj("handle", handle, "name", "Acme Labs"));
        String orgId = created.expectOk().body().get("id").asText();
        assertThat(orgId).isEqualTo("org-" + handle.toLowerCase());
        assertThat(fieldNames(created.body())).containsExactly("id");

        JsonNode org = describe(orgId, creator.token());
        assertThat(org.get("handle").asText()).isEqualTo(handle);
        assertThat(org.get("name").asText()).isEqualTo("Acme Labs");
        assertThat(texts(org.get("admins"))).containsExactly(creator.id());
        assertThat(org.get("level").asText()).isEqualTo("ADMIN");
        assertThat(org.get("allowBillableActivities").asBoolean()).isTrue();
        assertThat(org.get("projectAccess").asText()).isEqualTo("ADMINISTER");
        assertThat(org.get("treManagement").asBoolean()).as("treManagement is never implicit").isFalse();
    }

    @Test
    void aNewOrgHasTheDefaultPoliciesAndIsNotBillable() {
        Person creator = person("founder");
        String orgId = newOrg(creator.token());
        JsonNode org = describe(orgId, creator.token());
        JsonNode policies = org.get("policies");
        assertThat(policies.get("memberListVisibility").asText()).isEqualTo("ADMIN");
        assertThat(policies.get("restrictProjectTransfer").asText()).isEqualTo("MEMBER");
        assertThat(policies.get("restrictProjectSharing").asText()).isEqualTo("MEMBER");
        assertThat(policies.get("jobReuse").asBoolean()).isFalse();
        assertThat(policies.get("projectSpendingLimitNotificationThreshold").asInt()).isEqualTo(90);
        assertThat(policies.get("monthlyProjectComputeLimitDefault").isNull()).isTrue();
        assertThat(policies.get("enforceTerminationForProjectStorageLimit").asBoolean()).isFalse();
        assertThat(org.has("billingInformation")).as("not billable").isFalse();
        assertThat(texts(org.get("permittedRegions"))).containsExactly("aws:us-east-1");
        assertThat(org.get("defaultRegion").asText()).isEqualTo("aws:us-east-1");
    }

    @Test
    void handlesFollowTheRules() {
        Person creator = person("founder");
        for (String bad : new String[]{"ab", "1abc", "_abc", "has space", "dash-ed", "x".repeat(34), "", "ü" + "abc"}) {
            assertError(dx().post("/org/new", creator.token(), Dx.obj("handle", bad, "name", "N")), 422,
                    "InvalidInput");
        }
        assertError(dx().post("/org/new", creator.token(), Dx.obj("handle", 42, "name", "N")), 422, "InvalidInput");
        assertError(dx().post("/org/new", creator.token(), Dx.obj("name", "N")), 422, "InvalidInput");
        assertError(dx().post("/org/new", creator.token(), Dx.obj("handle", unique("org"))), 422, "InvalidInput");
    }

    @Test
    void handlesOfThreeAndOfThirtyThreeCharactersWithDotsAndUnderscoresAreAccepted() {
        Person creator = person("founder");
        String suffix = unique("").replace("x", "");
        String longest = ("L." + suffix + "_" + "a".repeat(40)).substring(0, 33);
        dx().post("/org/new", creator.token(), Dx.obj("handle", longest, "name", "Long")).expectOk();
        // Every other handle of this run is longer, and each run has its own database.
        String shortest = "Q" + Long.toString(36 * 36 + new java.util.Random().nextInt(36 * 36 - 1), 36).substring(1);
        dx().post("/org/new", creator.token(), Dx.obj("handle", shortest, "name", "Short")).expectOk();
    }

    @Test
    void aHandleTakenByAnOrgInAnotherCaseIsInvalidState() {
        Person creator = person("founder");
        String handle = unique("dup");
        dx().post("/org/new", creator.token(), Dx.obj("handle", handle, "name", "First")).expectOk();
        assertError(dx().post("/org/new", creator.token(), Dx.obj("handle", handle.toUpperCase(), "name", "Second")),
                422, "InvalidState");
    }

    @Test
    void aHandleTakenByAUserIsInvalidStateAndAUsernameTakenByAnOrgToo() {
        Person creator = person("founder");
        String username = unique("taken");
        newUser(username);
        assertError(dx().post("/org/new", creator.token(), Dx.obj("handle", username.toUpperCase(), "name", "N")),
                422, "InvalidState");

        String orgHandle = unique("orgname");
        dx().post("/org/new", creator.token(), Dx.obj("handle", orgHandle, "name", "N")).expectOk();
        assertError(dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", orgHandle.toUpperCase(),
                "email", orgHandle + "@example.org")), 422, "InvalidState");
    }

    @Test
    void concurrentRequestsForOneHandleCreateOneOrg() throws Exception {
        String handle = unique("race");
        List<Person> people = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(person("racer"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<Dx.Response> answers = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Callable<Dx.Response>> calls = new java.util.ArrayList<>();
            for (Person p : people) {
                calls.add(() -> dx().post("/org/new", p.token(), Dx.obj("handle", handle, "name", p.id())));
            }
            for (var answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        answers.stream().filter(a -> a.status() != 200).forEach(a -> assertError(a, 422, "InvalidState"));
        JsonNode org = describe("org-" + handle.toLowerCase(), ADMIN_TOKEN);
        assertThat(texts(org.get("admins"))).hasSize(1).containsExactly(org.get("name").asText());
    }

    @Test
    void theSameNonceTwiceCreatesOneOrgAndAnswersTheSame() {
        Person creator = person("founder");
        String handle = unique("nonce");
        var input = Dx.obj("handle", handle, "name", "N", "nonce", "n-" + handle);
        Dx.Response first = dx().post("/org/new", creator.token(), input).expectOk();
        Dx.Response second = dx().post("/org/new", creator.token(), input).expectOk();
        assertThat(second.raw().body()).isEqualTo(first.raw().body());
        assertThat(events("org-" + handle.toLowerCase(), "OrgCreatedEvent")).isEqualTo(1);
    }

    @Test
    void theSameNonceWithOtherInputIsInvalidInputAndCreatesNothing() {
        Person creator = person("founder");
        String nonce = unique("n");
        dx().post("/org/new", creator.token(), Dx.obj("handle", unique("first"), "name", "N", "nonce", nonce))
                .expectOk();
        String other = unique("second");
        assertError(dx().post("/org/new", creator.token(), Dx.obj("handle", other, "name", "N", "nonce", nonce)), 422,
                "InvalidInput");
        assertError(dx().post("/org-" + other.toLowerCase() + "/describe", ADMIN_TOKEN, "{}"), 404,
                "ResourceNotFound");
    }

    @Test
    void aNonceIsAtMost128Bytes() {
        Person creator = person("founder");
        String handle = unique("longnonce");
        assertError(dx().post("/org/new", creator.token(), Dx.obj("handle", handle, "name", "N",
                "nonce", "é".repeat(65))), 422, "InvalidInput");
        assertError(dx().post("/org-" + handle.toLowerCase() + "/describe", ADMIN_TOKEN, "{}"), 404,
                "ResourceNotFound");
        dx().post("/org/new", creator.token(), Dx.obj("handle", handle, "name", "N", "nonce", "é".repeat(64)))
                .expectOk();
    }

    @Test
    void aLimitedScopeTokenIsPermissionDenied() {
        Person creator = person("founder");
        String handle = unique("limited");
        assertError(dx().post("/org/new", limitedToken(creator.id()), Dx.obj("handle", handle, "name", "N")), 401,
                "PermissionDenied");
        assertError(dx().post("/org-" + handle.toLowerCase() + "/describe", ADMIN_TOKEN, "{}"), 404,
                "ResourceNotFound");
    }

    @Test
    void noTokenIsInvalidAuthentication() {
        assertError(dx().post("/org/new", null, Dx.obj("handle", unique("anon"), "name", "N")), 401,
                "InvalidAuthentication");
    }

    @Test
    void aNewOrgMayNotSetTheSpendingLimitPolicies() {
        Person creator = person("founder");
        List<Object[]> policies = List.of(
                new Object[]{"monthlyProjectComputeLimitDefault", 100},
                new Object[]{"monthlyProjectEgressBytesLimitDefault", 100},
                new Object[]{"monthlyProjectStorageLimitDefault", 1.5},
                new Object[]{"enforceTerminationForProjectComputeLimit", true},
                new Object[]{"enforceTerminationForProjectEgressBytesLimit", true},
                new Object[]{"enforceTerminationForProjectStorageLimit", false},
                new Object[]{"projectSpendingLimitNotificationThreshold", 50});
        for (Object[] policy : policies) {
            String handle = unique("limits");
            Dx.Response refused = dx().post("/org/new", creator.token(), Dx.obj("handle", handle, "name", "N",
                    "policies", Dx.obj(policy[0], policy[1])));
            assertError(refused, 401, "PermissionDenied");
            assertThat(refused.errorMessage()).contains((String) policy[0]);
            assertError(dx().post("/org-" + handle.toLowerCase() + "/describe", ADMIN_TOKEN, "{}"), 404,
                    "ResourceNotFound");
        }
    }

    @Test
    void aNewOrgMaySetTheOtherPolicies() {
        Person creator = person("founder");
        String orgId = dx().post("/org/new", creator.token(), Dx.obj("handle", unique("pol"), "name", "N",
                        "policies", Dx.obj("memberListVisibility", "PUBLIC", "restrictProjectTransfer", "ADMIN",
                                "restrictProjectSharing", "ADMIN", "jobReuse", true)))
                .expectOk().body().get("id").asText();
        JsonNode policies = describe(orgId, creator.token()).get("policies");
        assertThat(policies.get("memberListVisibility").asText()).isEqualTo("PUBLIC");
        assertThat(policies.get("restrictProjectTransfer").asText()).isEqualTo("ADMIN");
        assertThat(policies.get("restrictProjectSharing").asText()).isEqualTo("ADMIN");
        assertThat(policies.get("jobReuse").asBoolean()).isTrue();
        assertThat(policies.get("projectSpendingLimitNotificationThreshold").asInt()).isEqualTo(90);
    }

    @Test
    void policiesWithWrongValuesOrUnknownNamesAreInvalidInput() {
        Person creator = person("founder");
        for (var policies : List.of(Dx.obj("memberListVisibility", "EVERYONE"), Dx.obj("restrictProjectTransfer",
                "PUBLIC"), Dx.obj("jobReuse", "yes"), Dx.obj("noSuchPolicy", true))) {
            assertError(dx().post("/org/new", creator.token(), Dx.obj("handle", unique("bad"), "name", "N",
                    "policies", policies)), 422, "InvalidInput");
        }
        assertError(dx().post("/org/new", creator.token(), Dx.obj("handle", unique("bad"), "name", "N",
                "policies", "PUBLIC")), 422, "InvalidInput");
    }
}
