package org.tre.api.user;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tre.api.support.Dx;
import org.tre.api.support.ServiceTest;
import org.tre.directory.token.AuthTokens;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /system/whoami}, {@code /system/newAuthToken}, {@code /system/destroyAuthToken} over HTTP. */
@ExtendWith(OutputCaptureExtension.class)
class TokenRoutesTest extends ServiceTest {

    private static final Object SOME_PROJECT = Dx.obj("projects", Dx.obj("project-0123456789BFGJKPQVXYZbfg", "VIEW"));

    @Test
    void whoamiNamesTheHolderOfTheToken() {
        String id = newUser(unique("ann"));
        assertThat(dx().post("/system/whoami", tokenFor(id), "{}").expectOk().body().get("id").asText()).isEqualTo(id);
    }

    @Test
    void whoamiAddsTheClientIpOnlyWhenAskedForIt() throws Exception {
        String id = newUser(unique("amy"));
        String token = tokenFor(id);
        assertThat(dx().post("/system/whoami", token, "{}").expectOk().raw().body()).isEqualTo("{\"id\":\"" + id + "\"}");
        JsonNode withIp = dx().post("/system/whoami", token, Dx.obj("fields", Dx.obj("clientIp", true))).expectOk().body();
        assertThat(withIp.get("id").asText()).isEqualTo(id);
        // The test connects over loopback, so the server sees a loopback peer, of IPv4 or IPv6.
        assertThat(InetAddress.getByName(withIp.get("clientIp").asText()).isLoopbackAddress()).isTrue();
        assertThat(dx().post("/system/whoami", token, Dx.obj("fields", Dx.obj("clientIp", false))).expectOk().raw().body())
                .isEqualTo("{\"id\":\"" + id + "\"}");
        assertThat(dx().post("/system/whoami", token, Dx.obj("fields", Dx.obj("preferences", true, "clientIp", true)))
                .expectOk().body().fieldNames()).toIterable().containsExactly("id", "clientIp");
    }

    @Test
    void whoamiRefusesFieldsOfTheWrongShapeAndKeysItDoesNotTake() {
        String token = tokenFor(newUser(unique("abe")));
        assertError(dx().post("/system/whoami", token, Dx.obj("fields", Dx.obj("clientIp", "yes"))), 422,
                "InvalidInput");
        assertError(dx().post("/system/whoami", token, Dx.obj("fields", List.of("clientIp"))), 422, "InvalidInput");
        assertError(dx().post("/system/whoami", token, Dx.obj("preferences", true)), 422, "InvalidInput");
    }

    @Test
    void aNewTokenIsABearerTokenWithItsExpiry() {
        String id = newUser(unique("ben"));
        long expires = System.currentTimeMillis() + 3_600_000;
        JsonNode issued = dx().post("/system/newAuthToken", tokenFor(id), Dx.obj("expires", expires, "label", "ci"))
                .expectOk().body();
        assertThat(issued.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(issued.get("expires").asLong()).isEqualTo(expires);
        assertThat(issued.get("access_token").asText()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(dx().post("/system/whoami", issued.get("access_token").asText(), "{}").expectOk()
                .body().get("id").asText()).isEqualTo(id);
    }

    @Test
    void onlyTheOperatorMakesTokensForOthers() {
        String victim = newUser(unique("cat"));
        String token = tokenFor(newUser(unique("dan")));
        assertError(dx().post("/system/newAuthToken", token, Dx.obj("user", victim)), 401, "PermissionDenied");
    }

    @Test
    void aTokenForAnUnknownUserIsResourceNotFound() {
        assertError(dx().post("/system/newAuthToken", ADMIN_TOKEN, Dx.obj("user", "user-" + unique("ghost"))), 404,
                "ResourceNotFound");
    }

    @Test
    void aLimitedTokenCannotMintTokens() {
        String id = newUser(unique("eve"));
        String limited = dx().post("/system/newAuthToken", ADMIN_TOKEN, Dx.obj("user", id, "scope", SOME_PROJECT))
                .expectOk().body().get("access_token").asText();
        assertThat(dx().post("/system/whoami", limited, "{}").status()).isEqualTo(200);
        assertError(dx().post("/system/newAuthToken", limited, "{}"), 401, "PermissionDenied");
    }

    @Test
    void badScopesAndExpiriesAreInvalidInput() {
        String token = tokenFor(newUser(unique("fay")));
        List<Object> badInputs = List.of(
                Dx.obj("scope", Dx.obj("full", false)),
                Dx.obj("scope", Dx.obj("projects", Dx.obj("project-short", "VIEW"))),
                Dx.obj("scope", Dx.obj("projects", Dx.obj("project-0123456789BFGJKPQVXYZbfg", "OWN"))),
                Dx.obj("scope", Dx.obj("full", true, "projects", Dx.obj())),
                Dx.obj("scope", "full"),
                Dx.obj("expires", System.currentTimeMillis() - 1000),
                Dx.obj("expires", "tomorrow"),
                Dx.obj("expires", 1.5),
                Dx.obj("label", 7),
                Dx.obj("user", "org-somebody"));
        for (Object input : badInputs) {
            assertError(dx().post("/system/newAuthToken", token, input), 422, "InvalidInput");
        }
    }

    @Test
    void anExpiredTokenIsInvalidAuthentication() throws InterruptedException {
        String id = newUser(unique("gus"));
        String shortLived = dx().post("/system/newAuthToken", ADMIN_TOKEN,
                        Dx.obj("user", id, "expires", System.currentTimeMillis() + 700))
                .expectOk().body().get("access_token").asText();
        Thread.sleep(900);
        assertError(dx().post("/system/whoami", shortLived, "{}"), 401, "InvalidAuthentication");
    }

    @Test
    void aDestroyedTokenNoLongerWorks() {
        String id = newUser(unique("hal"));
        String token = tokenFor(id);
        dx().post("/system/destroyAuthToken", token, Dx.obj("tokenSignature", AuthTokens.sha256Hex(token))).expectOk();
        assertError(dx().post("/system/whoami", token, "{}"), 401, "InvalidAuthentication");
    }

    @Test
    void nobodyDestroysAnotherUsersToken() {
        String victimToken = tokenFor(newUser(unique("ida")));
        String attacker = tokenFor(newUser(unique("jon")));
        assertError(dx().post("/system/destroyAuthToken", attacker,
                Dx.obj("tokenSignature", AuthTokens.sha256Hex(victimToken))), 401, "PermissionDenied");
        assertThat(dx().post("/system/whoami", victimToken, "{}").status()).isEqualTo(200);
    }

    @Test
    void theOperatorDestroysAnyUsersToken() {
        String token = tokenFor(newUser(unique("kim")));
        dx().post("/system/destroyAuthToken", ADMIN_TOKEN, Dx.obj("tokenSignature", AuthTokens.sha256Hex(token)))
                .expectOk();
        assertError(dx().post("/system/whoami", token, "{}"), 401, "InvalidAuthentication");
    }

    @Test
    void destroyingNeedsTheSignatureOfALiveToken() {
        String token = tokenFor(newUser(unique("lou")));
        assertError(dx().post("/system/destroyAuthToken", token, Dx.obj("tokenSignature", "abc")), 422, "InvalidInput");
        assertError(dx().post("/system/destroyAuthToken", token, Dx.obj("tokenSignature", "0".repeat(64))), 404,
                "ResourceNotFound");
        assertError(dx().post("/system/destroyAuthToken", ADMIN_TOKEN,
                Dx.obj("tokenSignature", AuthTokens.sha256Hex(ADMIN_TOKEN))), 401, "PermissionDenied");
    }

    @Test
    void tokensAreKeptOnlyAsHashesAndNeverReachTheEventStoreOrTheLog(CapturedOutput output) {
        String id = newUser(unique("max"));
        String token = tokenFor(id);
        String hash = AuthTokens.sha256Hex(token);
        dx().post("/system/whoami", token, "{}").expectOk();

        List<String> stored = jdbc.queryForList("SELECT token_hash FROM auth_token WHERE user_id = ?", String.class, id);
        assertThat(stored).containsExactly(hash);
        Integer plain = jdbc.queryForObject("SELECT COUNT(*) FROM auth_token WHERE token_hash = ? OR label = ?",
                Integer.class, token, token);
        assertThat(plain).isZero();

        List<byte[]> payloads = jdbc.queryForList(
                "SELECT payload FROM domainevententry WHERE aggregateidentifier = ?", byte[].class, id);
        assertThat(payloads).isNotEmpty();
        for (byte[] payload : payloads) {
            String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(token).doesNotContain(hash);
        }
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(ADMIN_TOKEN);
    }
}
