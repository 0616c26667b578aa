package org.tre.api.console;

import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.ServiceTest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * The console's files come out of the jar for GET under /console/, and nothing else about the API
 * changed: POST to any path, an unknown route, another method, a preflight are answered as before.
 */
class ConsoleResourcesTest extends ServiceTest {

    private Dx.Response get(String path) {
        return dx().exchange("GET", path, null, null, null, Map.of());
    }

    @Test
    void thePageAndItsAssetsAreServedWithTheirHeaders() {
        Dx.Response page = get("/console/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(ConsoleResources.CONTENT_SECURITY_POLICY);
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        // The protocol filter still stamps every answer.
        assertThat(page.header("X-Request-ID")).isNotBlank();
        String html = page.raw().body();
        assertThat(html).contains("<div id=\"app\"></div>").doesNotContain("/src/main.tsx");

        Matcher script = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"").matcher(html);
        assertThat(script.find()).as(html).isTrue();
        Dx.Response asset = get(script.group(1));
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Content-Type")).contains("javascript");
        assertThat(asset.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
        // The built script calls the API with the pasted token, never with a cookie.
        assertThat(asset.raw().body()).contains("Bearer ").contains("sessionStorage");
    }

    @Test
    void theBareAddressLeadsToThePage() {
        Dx.Response bare = get("/console");
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.header("Location")).isEqualTo("/console/");
    }

    @Test
    void aMissingOrOddFileIsResourceNotFound() {
        Dx.Response missing = get("/console/nothere.js");
        assertError(missing, 404, "ResourceNotFound");
        assertThat(missing.errorMessage()).isEqualTo("No console file /console/nothere.js");
        // Names only below the console's folder: no hidden file, no way up to the classpath's other files.
        assertError(get("/console/.gitignore"), 404, "ResourceNotFound");
        assertError(get("/console/assets/../../application.yml"), 404, "ResourceNotFound");
        assertThat(get("/console/assets/../../application.yml").raw().body()).doesNotContain("datasource");
        assertError(get("/console/..%2fapplication.yml"), 404, "ResourceNotFound");
    }

    @Test
    void thePostRoutesAndTheRefusalsOfTheApiAreUnchanged() {
        Dx.Response whoami = dx().post("/system/whoami", ADMIN_TOKEN, Dx.obj());
        assertThat(whoami.expectOk().body().get("id").asText()).isEqualTo("user-admin");

        // A POST under /console/ is a POST to no route, as any other path is.
        for (String path : new String[] {"/console/", "/console/index.html", "/nosuch/route"}) {
            Dx.Response post = dx().post(path, ADMIN_TOKEN, Dx.obj());
            assertError(post, 404, "ResourceNotFound");
            assertThat(post.errorMessage()).isEqualTo("No route " + path);
        }
        // Another method anywhere but /console/ is still refused with the protocol's words.
        for (String path : new String[] {"/system/whoami", "/consolex", "/"}) {
            Dx.Response other = get(path);
            assertError(other, 404, "ResourceNotFound");
            assertThat(other.errorMessage()).isEqualTo("No route GET " + path + ": every route of this API is a POST");
        }
        Dx.Response put = dx().exchange("PUT", "/console/", ADMIN_TOKEN, "application/json", "{}", Map.of());
        assertError(put, 404, "ResourceNotFound");
        assertThat(put.errorMessage()).isEqualTo("No route PUT /console/: every route of this API is a POST");

        Dx.Response preflight = dx().exchange("OPTIONS", "/console/", null, null, null,
                Map.of("Origin", "https://example.org", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST, OPTIONS");
    }
}
