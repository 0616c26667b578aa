package org.tre.api.protocol;

import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.RawHttp;
import org.tre.api.support.ServiceTest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before any route runs, and bodies past the limit, answered over the real server
 * as DNAnexus errors (docs/DECISIONS.md, "Requests rejected before the application"). The requests go
 * out as raw bytes: no HTTP client sends most of them.
 */
class RejectedBeforeTheApplicationTest extends ServiceTest {

    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final String JSON_HEADERS = "Host: localhost\r\nContent-Type: application/json\r\nConnection: close";

    private RawHttp raw() {
        return new RawHttp(port);
    }

    private RawHttp.Response post(String path) {
        return raw().send("POST " + path + " HTTP/1.1", JSON_HEADERS + "\r\nAuthorization: Bearer " + ADMIN_TOKEN
                + "\r\nContent-Length: 2", "{}");
    }

    private static void assertRefusal(RawHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).isEqualTo("application/json");
        assertThat(response.errorType()).as(response.toString()).isEqualTo(type);
        assertThat(response.errorMessage()).as(response.toString()).isNotBlank();
        assertThat(response.header("X-Request-ID")).as(response.toString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void anEncodedSlashInThePathIsResourceNotFound() {
        RawHttp.Response response = post("/tre-..%2F..%2Fx/update");
        assertRefusal(response, 404, "ResourceNotFound");
        assertThat(response.errorMessage()).contains("/tre-..%2F..%2Fx/update");
    }

    @Test
    void anEncodedBackslashInThePathIsResourceNotFound() {
        assertRefusal(post("/tre-..%5C..%5Cx/update"), 404, "ResourceNotFound");
    }

    @Test
    void anEncodedNulInThePathIsResourceNotFound() {
        assertRefusal(post("/org-%00/setMemberAccess"), 404, "ResourceNotFound");
    }

    @Test
    void aMalformedPercentEscapeIsResourceNotFound() {
        assertRefusal(post("/tre-%zz/update"), 404, "ResourceNotFound");
        assertRefusal(post("/tre-x%/update"), 404, "ResourceNotFound");
    }

    @Test
    void anEscapeThatIsNotUtf8IsResourceNotFound() {
        assertRefusal(post("/tre-%FF/describe"), 404, "ResourceNotFound");
    }

    @Test
    void aPathAboveTheRootIsResourceNotFound() {
        assertRefusal(post("/tre-x/../../update"), 404, "ResourceNotFound");
        assertRefusal(post("/%2e%2e/update"), 404, "ResourceNotFound");
    }

    @Test
    void aUriPastTheHeaderLimitIsMalformedJsonNamingTheLimit() {
        RawHttp.Response response = post("/" + "a".repeat(9_000));
        assertRefusal(response, 400, "MalformedJSON");
        assertThat(response.errorMessage()).contains("8 KiB");
    }

    @Test
    void aHeaderPastTheLimitIsMalformedJson() {
        RawHttp.Response response = raw().send("POST /system/whoami HTTP/1.1",
                JSON_HEADERS + "\r\nX-Padding: " + "p".repeat(20_000), "");
        assertRefusal(response, 400, "MalformedJSON");
        assertThat(response.errorMessage()).contains("8 KiB");
    }

    @Test
    void moreHeadersThanTheLimitAreMalformedJson() {
        StringBuilder headers = new StringBuilder(JSON_HEADERS);
        for (int i = 0; i < 101; i++) {
            headers.append("\r\nX-Header-").append(i).append(": ").append(i);
        }
        RawHttp.Response response = raw().send("POST /system/whoami HTTP/1.1", headers.toString(), "");
        assertRefusal(response, 400, "MalformedJSON");
        assertThat(response.errorMessage()).contains("100 headers");
    }

    @Test
    void charactersHttpForbidsAreMalformedJson() {
        assertRefusal(raw().send("POST /system/{whoami} HTTP/1.1", JSON_HEADERS, ""), 400, "MalformedJSON");
        assertRefusal(raw().send("POST /system/whoami HTTP/1.1", JSON_HEADERS + "\r\nX-Nul: a\u0000b", ""), 400,
                "MalformedJSON");
    }

    @Test
    void aRequestWithoutHostIsMalformedJson() {
        assertRefusal(raw().send("POST /system/whoami HTTP/1.1", "Content-Length: 0\r\nConnection: close", ""), 400,
                "MalformedJSON");
    }

    @Test
    void anotherHttpVersionIsMalformedJsonNotA505() {
        assertRefusal(raw().send("POST /system/whoami HTTP/2.0", JSON_HEADERS, ""), 400, "MalformedJSON");
    }

    @Test
    void aTransferCodingTomcatLacksIsMalformedJsonNotA501() {
        assertRefusal(raw().send("POST /system/whoami HTTP/1.1", JSON_HEADERS + "\r\nTransfer-Encoding: gzip", ""),
                400, "MalformedJSON");
    }

    @Test
    void anExpectationOtherThanContinueIsMalformedJsonNotA417() {
        assertRefusal(raw().send("POST /system/whoami HTTP/1.1",
                JSON_HEADERS + "\r\nExpect: 200-ok\r\nContent-Length: 2", "{}"), 400, "MalformedJSON");
    }

    @Test
    void traceIsResourceNotFoundLikeEveryOtherMethod() {
        RawHttp.Response response = raw().send("TRACE /system/whoami HTTP/1.1", JSON_HEADERS, "");
        assertRefusal(response, 404, "ResourceNotFound");
        assertThat(response.errorMessage()).contains("every route of this API is a POST");
        assertThat(response.header("Allow")).isNull();
    }

    @Test
    void connectIsResourceNotFoundNotA501() {
        assertRefusal(raw().send("CONNECT localhost:443 HTTP/1.1", JSON_HEADERS, ""), 404, "ResourceNotFound");
    }

    @Test
    void everyOtherMethodWithABodyIsResourceNotFound() {
        for (String method : new String[]{"PUT", "DELETE", "PATCH", "GET", "PROPFIND"}) {
            RawHttp.Response response = raw().send(method + " /system/whoami HTTP/1.1", JSON_HEADERS
                    + "\r\nAuthorization: Bearer " + ADMIN_TOKEN + "\r\nContent-Length: 2", "{}");
            assertRefusal(response, 404, "ResourceNotFound");
            assertThat(response.errorMessage()).as(method).contains(method);
        }
    }

    @Test
    void headIsResourceNotFoundWithTheHeadersOfOne() {
        for (String path : new String[]{"/system/whoami", "/tre-%zz/update"}) {
            RawHttp.Response response = raw().send("HEAD " + path + " HTTP/1.1", JSON_HEADERS, "");
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(path).isEqualTo("application/json");
            assertThat(response.header("X-Request-ID")).as(path).isNotBlank();
            assertThat(response.body()).as(path).isEmpty();
        }
    }

    @Test
    void aRefusalAnswersTheOriginLikeAnyAnswer() {
        RawHttp.Response response = raw().send("POST /tre-%zz/update HTTP/1.1",
                JSON_HEADERS + "\r\nOrigin: https://workbench.example.org", "");
        assertRefusal(response, 404, "ResourceNotFound");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://workbench.example.org");
    }

    @Test
    void aDeclaredLengthPastTheLimitIsRefusedBeforeTheBodyIsSent() {
        // Only the head goes out: an answer proves the service did not wait for the body.
        RawHttp.Response response = raw().send("POST /system/whoami HTTP/1.1", JSON_HEADERS
                + "\r\nAuthorization: Bearer " + ADMIN_TOKEN + "\r\nContent-Length: " + (MAX_BODY + 1), "");
        assertRefusal(response, 422, "InvalidInput");
        assertThat(response.errorMessage()).contains("8 MiB");
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefusedBeforeItEnds() {
        // A chunk past the limit and no last chunk: an answer proves the service stopped reading near the
        // limit. (Tomcat fills its read buffer beyond the one byte past the limit, so that is a whole chunk.)
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int sent = 0; sent <= MAX_BODY; sent += chunk.length) {
            body.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(chunk);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        String head = "POST /system/whoami HTTP/1.1\r\n" + JSON_HEADERS + "\r\nAuthorization: Bearer " + ADMIN_TOKEN
                + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        RawHttp.Response response = raw().exchange(head.getBytes(StandardCharsets.US_ASCII), body.toByteArray(),
                false);
        assertRefusal(response, 422, "InvalidInput");
        assertThat(response.errorMessage()).contains("8 MiB");
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        String body = " ".repeat(MAX_BODY - 2) + "{}";
        Dx.Response response = dx().send("/system/whoami", ADMIN_TOKEN, "application/json", body, Map.of());
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    }
}
