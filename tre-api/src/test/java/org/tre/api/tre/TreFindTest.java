package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /system/findTres}: who finds which TRE (DECISIONS.md §4), describe, and paging (PROTOCOL.md). */
class TreFindTest extends TreApiTest {

    private Dx.Response find(String token, Object input) {
        return dx().post("/system/findTres", token, input);
    }

    @Test
    void eachRoleFindsItsTres() {
        Person reviewer = person("rev");
        Person user = person("user");
        Person groupAdmin = person("gadmin");
        Person orgMember = person("member");
        Person outsider = person("outsider");
        String group = newOrg(groupAdmin.token());
        member(group, groupAdmin.token(), orgMember.id(), "level", "MEMBER");
        String forReviewer = newTre();
        ok(forReviewer, "addApplicationReviewStep", Dx.obj("reviewStepId", "s", "name", "S", "description", ""));
        ok(forReviewer, "addApplicationReviewers", Dx.obj("reviewStepId", "s", "users", List.of(reviewer.id())));
        String forUser = newTre();
        ok(forUser, "addAuthorizedUsers", Dx.obj("users", List.of(user.id())));
        String forOrg = newTre();
        ok(forOrg, "addAuthorizedUsers", Dx.obj("users", List.of(group)));
        String deleted = newTre();
        ok(deleted, "addAuthorizedUsers", Dx.obj("users", List.of(user.id(), group)));
        ok(deleted, "delete", Dx.obj());

        assertThat(findAll(dx(), admin.token())).contains(forReviewer, forUser, forOrg).doesNotContain(deleted);
        assertThat(findAll(dx(), ADMIN_TOKEN)).contains(forReviewer, forUser, forOrg).doesNotContain(deleted);
        List<String> mine = List.of(forReviewer, forUser, forOrg, deleted);
        assertThat(findAll(dx(), reviewer.token())).contains(forReviewer)
                .doesNotContain(forUser, forOrg, deleted);
        assertThat(findAll(dx(), user.token())).contains(forUser).doesNotContain(forReviewer, forOrg, deleted);
        assertThat(findAll(dx(), orgMember.token())).contains(forOrg).doesNotContain(forReviewer, forUser, deleted);
        assertThat(findAll(dx(), groupAdmin.token())).contains(forOrg).doesNotContain(forReviewer, forUser, deleted);
        assertThat(findAll(dx(), outsider.token())).doesNotContainAnyElementsOf(mine);

        ok(forUser, "addAuthorizedUsers", Dx.obj("users", List.of("PUBLIC")));
        assertThat(findAll(dx(), outsider.token())).contains(forUser).doesNotContain(forReviewer, forOrg, deleted);
        Person later = person("later");
        assertThat(findAll(dx(), later.token())).contains(forUser);
        ok(forUser, "removeAuthorizedUsers", Dx.obj("users", List.of("PUBLIC")));
        assertThat(findAll(dx(), outsider.token())).doesNotContain(forUser);
        // PUBLIC had replaced the user's entry.
        assertThat(findAll(dx(), user.token())).doesNotContain(forUser);
    }

    @Test
    void describeFollowsTheRole() {
        Person user = person("user");
        String tre = newTre();
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(user.id())));
        JsonNode asUser = resultFor(find(user.token(), Dx.obj("describe", true)), tre);
        assertThat(fieldNames(asUser.get("describe"))).containsExactlyInAnyOrderElementsOf(TreDescribeTest.BASIC);
        assertThat(asUser.get("describe")).isEqualTo(describe(tre, user.token()));
        JsonNode asAdmin = resultFor(find(admin.token(), Dx.obj("describe", true)), tre);
        assertThat(asAdmin.get("describe")).isEqualTo(describe(tre, admin.token()));
        JsonNode plain = resultFor(find(user.token(), Dx.obj()), tre);
        assertThat(fieldNames(plain)).containsExactly("id");
        JsonNode notDescribed = resultFor(find(user.token(), Dx.obj("describe", false)), tre);
        assertThat(fieldNames(notDescribed)).containsExactly("id");
    }

    private static JsonNode resultFor(Dx.Response response, String tre) {
        for (JsonNode result : response.expectOk().body().get("results")) {
            if (result.get("id").asText().equals(tre)) {
                return result;
            }
        }
        throw new AssertionError(tre + " not found in " + response.body());
    }

    @Test
    void pagesWithLimitNextAndStarting() {
        Person user = person("pager");
        List<String> tres = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String tre = newTre();
            ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(user.id())));
            tres.add(tre);
        }
        // Other tests may have made PUBLIC TREs, which this user finds too: check the pages, not their size.
        List<String> all = findAll(dx(), user.token());
        assertThat(all).containsAll(tres).isSorted().doesNotHaveDuplicates();
        List<String> paged = new ArrayList<>();
        ObjectNode input = Dx.obj("limit", 2);
        int pages = 0;
        while (true) {
            JsonNode page = find(user.token(), input).expectOk().body();
            pages++;
            assertThat(page.get("results").size()).isLessThanOrEqualTo(2);
            page.get("results").forEach(r -> paged.add(r.get("id").asText()));
            if (page.get("next").isNull()) {
                break;
            }
            assertThat(page.get("results")).hasSize(2);
            input = Dx.obj("limit", 2);
            input.set("starting", page.get("next"));
            assertThat(pages).isLessThan(1000);
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(paged).isEqualTo(all);
        // limit 1 on the first page names the second result as next.
        JsonNode first = find(user.token(), Dx.obj("limit", 1)).expectOk().body();
        assertThat(ids(first)).containsExactly(all.get(0));
        assertThat(first.get("next").isNull()).isFalse();
        ObjectNode second = Dx.obj("limit", 1);
        second.set("starting", first.get("next"));
        assertThat(ids(find(user.token(), second).expectOk().body())).containsExactly(all.get(1));
    }

    @Test
    void badInput() {
        Person user = person("user");
        assertError(find(user.token(), Dx.obj("limit", 0)), 422, "InvalidInput");
        assertError(find(user.token(), Dx.obj("limit", 1001)), 422, "InvalidInput");
        assertError(find(user.token(), Dx.obj("limit", "2")), 422, "InvalidInput");
        assertError(find(user.token(), Dx.obj("starting", 5)), 422, "InvalidInput");
        assertError(find(user.token(), Dx.obj("describe", "yes")), 422, "InvalidInput");
        assertError(find(user.token(), Dx.obj("handle", "x")), 422, "InvalidInput");
        assertThat(find(user.token(), Dx.obj("limit", 1000)).expectOk().body().has("next")).isTrue();
    }
}
