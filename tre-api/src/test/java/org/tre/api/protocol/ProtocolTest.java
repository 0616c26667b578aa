package org.tre.api.protocol;

import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.ServiceTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** PROTOCOL.md over real HTTP: requests, the error table, request ids and CORS. */
class ProtocolTest extends ServiceTest {

    @Test
    void anEmptyBodyCountsAsAnEmptyObject() {
        Dx.Response response = dx().send("/system/whoami", ADMIN_TOKEN, null, null, Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("id").asText()).isEqualTo("user-admin");
    }

    @Test
    void aJsonContentTypeMayNameACharsetAndTheApiVersionHeaderIsIgnored() {
        Dx.Response response = dx().send("/system/whoami?ignored=1", ADMIN_TOKEN, "application/json; charset=utf-8",
                "{}", Map.of("DNAnexus-API", "1.0.0"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformedJson400() {
        Dx.Response response = dx().post("/system/whoami", ADMIN_TOKEN, "{\"unclosed\": ");
        assertError(response, 400, "MalformedJSON");
    }

    @Test
    void repeatedKeysAndTrailingTextAreMalformedJson() {
        assertError(dx().post("/system/whoami", ADMIN_TOKEN, "{\"a\": 1, \"a\": 2}"), 400, "MalformedJSON");
        assertError(dx().post("/system/whoami", ADMIN_TOKEN, "{} {}"), 400, "MalformedJSON");
    }

    @Test
    void anyOtherContentTypeIsMalformedJson400() {
        Dx.Response response = dx().send("/system/whoami", ADMIN_TOKEN, "text/plain", "{}", Map.of());
        assertError(response, 400, "MalformedJSON");
    }

    @Test
    void jsonThatIsNotAnObjectIsInvalidInput422() {
        assertError(dx().post("/system/whoami", ADMIN_TOKEN, "[1, 2]"), 422, "InvalidInput");
        assertError(dx().post("/system/whoami", ADMIN_TOKEN, "\"text\""), 422, "InvalidInput");
    }

    @Test
    void noTokenIsInvalidAuthentication401() {
        assertError(dx().post("/system/whoami", null, "{}"), 401, "InvalidAuthentication");
    }

    @Test
    void anUnknownTokenIsInvalidAuthentication401() {
        assertError(dx().post("/system/whoami", "notAToken", "{}"), 401, "InvalidAuthentication");
        Dx.Response basic = dx().send("/system/whoami", null, "application/json", "{}",
                Map.of("Authorization", "Basic dXNlcjpwYXNz"));
        assertError(basic, 401, "InvalidAuthentication");
    }

    @Test
    void authenticationIsCheckedBeforeTheBody() {
        assertError(dx().post("/system/whoami", null, "{not json"), 401, "InvalidAuthentication");
    }

    @Test
    void aKnownCallerWithoutTheRightIsPermissionDenied401() {
        String token = tokenFor(newUser(unique("perm")));
        Dx.Response response = dx().post("/user/new", token, Dx.obj("username", unique("other"), "email", "o@e.org"));
        assertError(response, 401, "PermissionDenied");
    }

    @Test
    void anUnknownRouteIsResourceNotFound404() {
        assertError(dx().post("/nothing/here", ADMIN_TOKEN, "{}"), 404, "ResourceNotFound");
        assertError(dx().post("/system/noSuchVerb", ADMIN_TOKEN, "{}"), 404, "ResourceNotFound");
        assertError(dx().post("/", ADMIN_TOKEN, "{}"), 404, "ResourceNotFound");
        assertError(dx().post("/user-alice/describe/extra", ADMIN_TOKEN, "{}"), 404, "ResourceNotFound");
    }

    @Test
    void aMethodOtherThanPostIsResourceNotFound() {
        Dx.Response response = dx().exchange("GET", "/system/whoami", ADMIN_TOKEN, null, null, Map.of());
        assertError(response, 404, "ResourceNotFound");
    }

    @Test
    void anUnknownEntityIsResourceNotFound404() {
        assertError(dx().post("/user-nosuchperson/describe", ADMIN_TOKEN, "{}"), 404, "ResourceNotFound");
    }

    @Test
    void aMistypedFieldIsInvalidInput422NamingTheField() {
        Dx.Response response = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", 42, "email", "a@b.org"));
        assertError(response, 422, "InvalidInput");
        assertThat(response.errorMessage()).contains("username");
    }

    @Test
    void anUnknownKeyIsInvalidInputNamingTheKey() {
        Dx.Response response = dx().post("/system/whoami", ADMIN_TOKEN, Dx.obj("surprise", true));
        assertError(response, 422, "InvalidInput");
        assertThat(response.errorMessage()).contains("surprise");
    }

    @Test
    void anOperationTheStateForbidsIsInvalidState422() {
        String username = unique("state");
        newUser(username);
        Dx.Response again = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", username, "email", "x" + username
                + "@example.org"));
        assertError(again, 422, "InvalidState");
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertThat(dx().post("/system/whoami", ADMIN_TOKEN, "{}").header("X-Request-ID")).isNotBlank();
        assertThat(dx().post("/system/whoami", null, "{}").header("X-Request-ID")).isNotBlank();
        assertThat(dx().post("/no/route", null, "{}").header("X-Request-ID")).isNotBlank();
        assertThat(dx().exchange("OPTIONS", "/system/whoami", null, null, null, Map.of()).header("X-Request-ID"))
                .isNotBlank();
        String first = dx().post("/system/whoami", ADMIN_TOKEN, "{}").header("X-Request-ID");
        String second = dx().post("/system/whoami", ADMIN_TOKEN, "{}").header("X-Request-ID");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aPreflightEchoesTheOriginAndTheRequestedHeaders() {
        Dx.Response response = dx().exchange("OPTIONS", "/user/new", null, null, null, Map.of(
                "Origin", "https://workbench.example.org",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type, dnanexus-api"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://workbench.example.org");
        assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("authorization, content-type, dnanexus-api");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
    }

    @Test
    void anOrdinaryCallFromAPageGetsItsOriginBack() {
        Dx.Response response = dx().send("/system/whoami", ADMIN_TOKEN, "application/json", "{}",
                Map.of("Origin", "https://workbench.example.org"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://workbench.example.org");
    }
}
