package org.tre.api.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tre.api.support.Dx;
import org.tre.api.support.ServiceTest;
import org.tre.directory.app.HttpsAppAllowlistProjection;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;
import static org.tre.api.support.DxAssertions.invalidInput;

/** {@code /system/setHttpsAppAllowlist} over HTTP, and the allowlist the run decision reads. */
class HttpsAppAllowlistRoutesTest extends ServiceTest {

    private static final String ROUTE = "/system/setHttpsAppAllowlist";

    @Autowired
    HttpsAppAllowlistProjection allowlist;

    private void set(String... apps) {
        assertThat(dx().post(ROUTE, ADMIN_TOKEN, Dx.obj("apps", List.of(apps))).expectOk().raw().body())
                .isEqualTo("{}");
    }

    @Test
    void theOperatorsListIsWhatTheRunDecisionReadsAndEachListReplacesTheLast() {
        set("jupyterlab", "rstudio");
        assertThat(allowlist.allows("jupyterlab")).isTrue();
        assertThat(allowlist.allows("rstudio")).isTrue();
        assertThat(allowlist.allows("vscode")).isFalse();
        set("vscode");
        assertThat(allowlist.apps()).containsExactly("vscode");
        assertThat(allowlist.allows("rstudio")).isFalse();
        set();
        assertThat(allowlist.apps()).isEmpty();
    }

    @Test
    void onlyTheOperatorSetsTheListAndOnlyWithAFullScopeToken() {
        set("jupyterlab");
        String someone = tokenFor(newUser(unique("https")));
        assertError(dx().post(ROUTE, someone, Dx.obj("apps", List.of("rstudio"))), 401, "PermissionDenied");
        String limited = dx().post("/system/newAuthToken", ADMIN_TOKEN, Dx.obj("scope",
                        Dx.obj("projects", Dx.obj("project-0123456789BFGJKPQVXYZbfg", "VIEW"))))
                .expectOk().body().get("access_token").asText();
        assertError(dx().post(ROUTE, limited, Dx.obj("apps", List.of("rstudio"))), 401, "PermissionDenied");
        assertThat(allowlist.apps()).containsExactly("jupyterlab");
    }

    @Test
    void theShapeOfTheListIsCheckedBeforeWhoAsks() {
        String someone = tokenFor(newUser(unique("httpsbad")));
        assertThat(invalidInput(dx().post(ROUTE, someone, "{}"))).isEqualTo("Missing required input 'apps'");
        assertThat(invalidInput(dx().post(ROUTE, ADMIN_TOKEN, "{}"))).isEqualTo("Missing required input 'apps'");
        assertThat(invalidInput(dx().post(ROUTE, ADMIN_TOKEN, "{\"apps\": null}")))
                .isEqualTo("Missing required input 'apps'");
        assertThat(invalidInput(dx().post(ROUTE, ADMIN_TOKEN, Dx.obj("apps", "rstudio")))).contains("'apps'");
        assertThat(invalidInput(dx().post(ROUTE, ADMIN_TOKEN, Dx.obj("apps", List.of(5))))).contains("apps");
        assertThat(invalidInput(dx().post(ROUTE, ADMIN_TOKEN, "{\"apps\": [null]}"))).contains("apps");
        assertThat(invalidInput(dx().post(ROUTE, ADMIN_TOKEN, Dx.obj("apps", List.of("app-rstudio x")))))
                .contains("must be an app name");
        assertThat(invalidInput(dx().post(ROUTE, ADMIN_TOKEN, Dx.obj("apps", List.of(""))))).contains("must be an app name");
        assertThat(invalidInput(dx().post(ROUTE, ADMIN_TOKEN, Dx.obj("apps", List.of(), "applets", List.of()))))
                .isEqualTo("Unknown input key 'applets'");
    }

    @Test
    void aRebuildRefillsTheListFromItsEvents() throws InterruptedException {
        set("jupyterlab", "rstudio");
        jdbc.update("DELETE FROM directory_https_app");
        assertThat(allowlist.allows("rstudio")).isFalse();
        dx().post("/system/rebuildProjections", ADMIN_TOKEN,
                Dx.obj("processingGroups", List.of(HttpsAppAllowlistProjection.PROCESSING_GROUP))).expectOk();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"idle".equals(dx().post("/system/rebuildStatus", ADMIN_TOKEN, "{}").expectOk().body()
                .get("state").asText())) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(allowlist.apps()).containsExactly("jupyterlab", "rstudio");
    }
}
