package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.TrePlatformTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /system/findProjects} over HTTP: what each caller may see, the level and filters, paging. */
class SystemFindProjectsTest extends TrePlatformTest {

    @Test
    void listsOnlyWhatTheCallerHoldsAtTheLevelAsked() {
        String name = unique("visible");
        String project = create("/project/new", Dx.obj("name", name, "billTo", org, "region", REGION));
        String reader = whoami(outsider);
        assertThat(ids(find(outsider, Dx.obj("name", name)))).isEmpty();
        dx().post("/" + project + "/invite", admin, Dx.obj("invitee", reader, "level", "VIEW")).expectOk();

        JsonNode seen = find(outsider, Dx.obj("name", name, "describe", Dx.obj("fields", Dx.obj("name", true))));
        assertThat(ids(seen)).containsExactly(project);
        assertThat(seen.get("results").get(0).get("level").asText()).isEqualTo("VIEW");
        assertThat(seen.get("results").get(0).get("describe").get("name").asText()).isEqualTo(name);
        assertThat(ids(find(outsider, Dx.obj("name", name, "level", "CONTRIBUTE")))).isEmpty();
        assertThat(ids(find(admin, Dx.obj("name", name, "level", "ADMINISTER")))).containsExactly(project);
        assertThat(ids(find(admin, Dx.obj("name", name, "billTo", "org-elsewhere")))).isEmpty();
        assertThat(ids(find(admin, Dx.obj("name", name, "billTo", List.of(org))))).containsExactly(project);
    }

    @Test
    void aPublicProjectIsSeenByAnyoneButNotAsExplicitPermission() {
        String name = unique("open");
        String project = create("/project/new", Dx.obj("name", name, "billTo", org, "region", REGION));
        dx().post("/" + project + "/invite", admin, Dx.obj("invitee", "PUBLIC", "level", "VIEW")).expectOk();
        assertThat(ids(find(outsider, Dx.obj("name", name, "public", true)))).containsExactly(project);
        assertThat(ids(find(outsider, Dx.obj("name", name, "explicitPermission", true)))).isEmpty();
        assertThat(ids(find(admin, Dx.obj("name", name, "explicitPermission", true)))).containsExactly(project);
    }

    @Test
    void pagesEveryProjectOnceAndRefusesUnknownKeys() {
        String name = unique("paged");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(create("/project/new", Dx.obj("name", name, "billTo", org, "region", REGION)));
        }
        List<String> seen = new ArrayList<>();
        JsonNode starting = null;
        do {
            JsonNode page = find(admin, starting == null ? Dx.obj("name", name, "limit", 2)
                    : Dx.obj("name", name, "limit", 2, "starting", starting));
            assertThat(page.get("results").size()).isLessThanOrEqualTo(2);
            seen.addAll(ids(page));
            starting = page.get("next").isNull() ? null : page.get("next");
        } while (starting != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(made).doesNotHaveDuplicates();
        assertError(dx().post("/system/findProjects", admin, Dx.obj("nmae", name)), 422, "InvalidInput");
        assertError(dx().post("/system/findProjects", admin, Dx.obj("level", "OWNER")), 422, "InvalidInput");
        assertError(dx().post("/system/findProjects", admin, Dx.obj("limit", 0)), 422, "InvalidInput");
    }

    private JsonNode find(String token, Object input) {
        return dx().post("/system/findProjects", token, input).expectOk().body();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("results").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }
}
