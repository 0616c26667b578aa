package org.tre.api.user;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.ServiceTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /user/new} and {@code /user-xxxx/describe} over HTTP. */
class UserRoutesTest extends ServiceTest {

    @Test
    void theOperatorCreatesAUserWhoseIdIsTheLowercasedUsername() {
        String username = unique("Carol");
        Dx.Response created = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", username,
                "email", username + "@example.org", "first", "Carol", "middle", "Ann", "last", "Danvers"));
        assertThat(created.expectOk().body().get("id").asText()).isEqualTo("user-" + username.toLowerCase());
    }

    @Test
    void aUserWithoutNamesIsDescribedWithEmptyStringsAndTheFlagsDxSendsAreAccepted() {
        String username = unique("Nameless");
        String id = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", username,
                "email", username + "@example.org")).expectOk().body().get("id").asText();
        JsonNode described = dx().post("/" + id + "/describe", ADMIN_TOKEN,
                Dx.obj("appsInstalled", true, "subscriptions", true)).expectOk().body();
        for (String part : List.of("first", "middle", "last")) {
            assertThat(described.get(part).isTextual()).as(part).isTrue();
            assertThat(described.get(part).asText()).as(part).isEmpty();
        }
        assertError(dx().post("/" + id + "/describe", ADMIN_TOKEN, Dx.obj("appsInstaled", true)), 422,
                "InvalidInput");
    }

    @Test
    void usernamesFollowTheOrgHandleRules() {
        for (String bad : new String[]{"ab", "1abc", "has space", "dash-ed", "x".repeat(34), ""}) {
            assertError(dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", bad, "email", "e@example.org")), 422,
                    "InvalidInput");
        }
    }

    @Test
    void usernameAndEmailAreRequiredAndEmailsMustLookLikeEmails() {
        assertError(dx().post("/user/new", ADMIN_TOKEN, Dx.obj("email", "e@example.org")), 422, "InvalidInput");
        assertError(dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", unique("u"))), 422, "InvalidInput");
        assertError(dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", unique("u"), "email", "not-an-email")),
                422, "InvalidInput");
    }

    @Test
    void aUsernameIsTakenCaseInsensitively() {
        String username = unique("dave");
        newUser(username);
        Dx.Response again = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", username.toUpperCase(),
                "email", "other-" + username + "@example.org"));
        assertError(again, 422, "InvalidState");
    }

    @Test
    void anEmailBelongsToOneUser() {
        String username = unique("erin");
        newUser(username);
        Dx.Response again = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", unique("erin"),
                "email", username.toUpperCase() + "@EXAMPLE.org"));
        assertError(again, 422, "InvalidState");
    }

    @Test
    void onlyTheOperatorCreatesUsers() {
        String token = tokenFor(newUser(unique("frank")));
        assertError(dx().post("/user/new", token, Dx.obj("username", unique("g"), "email", "g@example.org")), 401,
                "PermissionDenied");
    }

    @Test
    void anAdminOfAnOrgLicensedToProvisionCreatesUsersForIt() {
        String adminId = newUser(unique("prov"));
        String admin = tokenFor(adminId);
        String handle = unique("provorg");
        dx().post("/org/new", admin, Dx.obj("handle", handle, "name", "Provisioning")).expectOk();
        String orgId = "org-" + handle.toLowerCase();
        String username = unique("hired");
        var input = Dx.obj("username", username, "email", username + "@example.org", "provisioningOrg", orgId);
        assertError(dx().post("/user/new", admin, input), 401, "PermissionDenied");

        dx().post("/" + orgId + "/setLicenses", ADMIN_TOKEN,
                Dx.obj("licenses", Dx.obj("userCreationFeaturesEnabled", true))).expectOk();
        assertThat(dx().post("/user/new", admin, input).expectOk().body().get("id").asText())
                .isEqualTo("user-" + username.toLowerCase());
        assertError(dx().post("/user/new", admin, Dx.obj("username", unique("x"), "email", "x@example.org",
                "provisioningOrg", "org-" + unique("nosuch"))), 404, "ResourceNotFound");
    }

    @Test
    void aUserSeesTheirWholeRecordWithAFullScopeToken() {
        String id = newUser(unique("grace"));
        JsonNode self = dx().post("/" + id + "/describe", tokenFor(id), "{}").expectOk().body();
        assertThat(self.get("id").asText()).isEqualTo(id);
        assertThat(self.get("class").asText()).isEqualTo("user");
        assertThat(self.get("email").asText()).endsWith("@example.org");
        assertThat(self.get("created").isIntegralNumber()).isTrue();
    }

    @Test
    void othersSeeOnlyTheNamesOfAUser() {
        String id = newUser(unique("heidi"));
        String other = tokenFor(newUser(unique("ivan")));
        JsonNode seen = dx().post("/" + id + "/describe", other, "{}").expectOk().body();
        assertThat(fieldNames(seen)).containsExactlyInAnyOrder("id", "class", "first", "middle", "last", "handle");
    }

    @Test
    void aLimitedTokenSeesOnlyTheNamesEvenOfItsOwnUser() {
        String id = newUser(unique("judy"));
        String limited = dx().post("/system/newAuthToken", ADMIN_TOKEN, Dx.obj("user", id,
                "scope", Dx.obj("projects", Dx.obj("project-0123456789BFGJKPQVXYZbfg", "VIEW")))).expectOk()
                .body().get("access_token").asText();
        JsonNode seen = dx().post("/" + id + "/describe", limited, "{}").expectOk().body();
        assertThat(seen.has("email")).isFalse();
    }

    @Test
    void theOperatorSeesEveryField() {
        String id = newUser(unique("ken"));
        JsonNode seen = dx().post("/" + id + "/describe", ADMIN_TOKEN, "{}").expectOk().body();
        assertThat(seen.has("email")).isTrue();
    }

    @Test
    void fieldsSelectsWhatDescribeReturns() {
        String id = newUser(unique("leo"));
        JsonNode seen = dx().post("/" + id + "/describe", ADMIN_TOKEN,
                Dx.obj("fields", Dx.obj("handle", true, "email", false))).expectOk().body();
        assertThat(fieldNames(seen)).containsExactlyInAnyOrder("id", "handle");
        assertError(dx().post("/" + id + "/describe", ADMIN_TOKEN, Dx.obj("fields", Dx.obj("handle", "yes"))), 422,
                "InvalidInput");
    }

    @Test
    void theSameNonceTwiceCreatesOneUserAndAnswersTheSame() {
        String username = unique("mia");
        var input = Dx.obj("username", username, "email", username + "@example.org", "nonce", "retry-" + username);
        Dx.Response first = dx().post("/user/new", ADMIN_TOKEN, input).expectOk();
        Dx.Response second = dx().post("/user/new", ADMIN_TOKEN, input).expectOk();
        assertThat(second.raw().body()).isEqualTo(first.raw().body());
        assertThat(createdEvents("user-" + username)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneNonceCreateOneUser() throws Exception {
        String username = unique("nina");
        var input = Dx.obj("username", username, "email", username + "@example.org", "nonce", "n-" + username);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Dx.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> dx().post("/user/new", ADMIN_TOKEN, input));
            }
            for (Future<Dx.Response> response : pool.invokeAll(calls)) {
                assertThat(response.get().status()).isEqualTo(200);
                assertThat(response.get().body().get("id").asText()).isEqualTo("user-" + username);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(createdEvents("user-" + username)).isEqualTo(1);
    }

    @Test
    void theSameNonceWithOtherInputIsInvalidInput() {
        String username = unique("olga");
        String nonce = "nonce-" + username;
        dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", username, "email", username + "@example.org",
                "nonce", nonce)).expectOk();
        Dx.Response changed = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", unique("olga"),
                "email", "changed@example.org", "nonce", nonce));
        assertError(changed, 422, "InvalidInput");
    }

    @Test
    void aNonceIsAtMost128Bytes() {
        String username = unique("pat");
        Dx.Response tooLong = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", username,
                "email", username + "@example.org", "nonce", "é".repeat(65)));
        assertError(tooLong, 422, "InvalidInput");
        assertError(dx().post("/" + "user-" + username + "/describe", ADMIN_TOKEN, "{}"), 404, "ResourceNotFound");
    }

    private int createdEvents(String userId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND payloadtype LIKE '%UserCreatedEvent'", Integer.class, userId);
        return n == null ? 0 : n;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
