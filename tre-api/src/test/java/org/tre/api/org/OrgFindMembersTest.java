package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /org-xxxx/findMembers} (org-api.txt, DECISIONS.md §12). */
class OrgFindMembersTest extends OrgApiTest {

    private Dx.Response find(String orgId, String token, Object... keysAndValues) {
        return dx().post("/" + orgId + "/findMembers", token, Dx.obj(keysAndValues));
    }

    private void visibility(String orgId, String adminToken, String value) {
        dx().post("/" + orgId + "/update", adminToken, Dx.obj("policies", Dx.obj("memberListVisibility", value)))
                .expectOk();
    }

    @Test
    void resultsHoldEachMembersLevelAndFlagsAscendingById() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id(), "projectAccess", "VIEW", "appAccess", false, "treManagement", true);
        JsonNode answer = find(orgId, admin.token()).expectOk().body();
        assertThat(answer.get("next").isNull()).isTrue();
        List<String> ids = ids(answer);
        assertThat(ids).containsExactlyInAnyOrder(admin.id(), member.id());
        assertThat(ids).isSorted();
        JsonNode row = answer.get("results").get(ids.indexOf(member.id()));
        assertThat(fieldNames(row)).containsExactlyInAnyOrder("id", "level", "allowBillableActivities",
                "projectAccess", "appAccess", "treManagement");
        assertThat(row.get("level").asText()).isEqualTo("MEMBER");
        assertThat(row.get("projectAccess").asText()).isEqualTo("VIEW");
        assertThat(row.get("appAccess").asBoolean()).isFalse();
        assertThat(row.get("treManagement").asBoolean()).isTrue();
        JsonNode adminRow = answer.get("results").get(ids.indexOf(admin.id()));
        assertThat(adminRow.get("level").asText()).isEqualTo("ADMIN");
        assertThat(adminRow.get("allowBillableActivities").asBoolean()).isTrue();
    }

    @Test
    void withVisibilityAdminOnlyAdminsMayList() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        find(orgId, admin.token()).expectOk();
        assertError(find(orgId, member.token()), 401, "PermissionDenied");
        assertError(find(orgId, person("stranger").token()), 401, "PermissionDenied");
    }

    @Test
    void withVisibilityMemberEveryMemberMayList() {
        Person admin = person("boss");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), member.id());
        visibility(orgId, admin.token(), "MEMBER");
        assertThat(ids(find(orgId, member.token()).expectOk().body())).contains(admin.id(), member.id());
        assertError(find(orgId, person("stranger").token()), 401, "PermissionDenied");
    }

    @Test
    void withVisibilityPublicAnyUserMayList() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        visibility(orgId, admin.token(), "PUBLIC");
        assertThat(ids(find(orgId, person("stranger").token()).expectOk().body())).containsExactly(admin.id());
    }

    @Test
    void aLimitedTokenIsPermissionDeniedWhateverTheVisibility() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        visibility(orgId, admin.token(), "PUBLIC");
        assertError(find(orgId, limitedToken(admin.id())), 401, "PermissionDenied");
    }

    @Test
    void theOperatorMayListAnyOrg() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertThat(ids(find(orgId, ADMIN_TOKEN).expectOk().body())).containsExactly(admin.id());
    }

    @Test
    void levelRestrictsTheResults() {
        Person admin = person("boss");
        Person admin2 = person("admin2");
        Person member = person("staff");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), admin2.id(), "level", "ADMIN");
        member(orgId, admin.token(), member.id());
        assertThat(ids(find(orgId, admin.token(), "level", "ADMIN").expectOk().body()))
                .containsExactlyInAnyOrder(admin.id(), admin2.id());
        assertThat(ids(find(orgId, admin.token(), "level", "MEMBER").expectOk().body())).containsExactly(member.id());
        assertError(find(orgId, admin.token(), "level", "OWNER"), 422, "InvalidInput");
    }

    @Test
    void idRestrictsTheResultsToTheNamedUsers() {
        Person admin = person("boss");
        Person a = person("alpha");
        Person b = person("beta");
        String orgId = newOrg(admin.token());
        member(orgId, admin.token(), a.id());
        member(orgId, admin.token(), b.id());
        assertThat(ids(find(orgId, admin.token(), "id", List.of(b.id(), "user-" + unique("nobody"))).expectOk()
                .body())).containsExactly(b.id());
        assertThat(ids(find(orgId, admin.token(), "id", List.of()).expectOk().body())).isEmpty();
        assertError(find(orgId, admin.token(), "id", b.id()), 422, "InvalidInput");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add("user-u" + i);
        }
        assertError(find(orgId, admin.token(), "id", tooMany), 422, "InvalidInput");
    }

    @Test
    void describeAddsThePublicUserDescription() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        JsonNode row = find(orgId, admin.token(), "describe", true).expectOk().body().get("results").get(0);
        JsonNode describe = row.get("describe");
        assertThat(fieldNames(describe)).containsExactlyInAnyOrder("id", "class", "first", "middle", "last", "handle");
        assertThat(describe.get("id").asText()).isEqualTo(admin.id());
        assertThat(describe.get("class").asText()).isEqualTo("user");
        assertThat(describe.get("first").asText()).isEqualTo("First");
        assertThat(find(orgId, admin.token(), "describe", Dx.obj()).expectOk().body().get("results").get(0)
                .has("describe")).isTrue();
        assertThat(find(orgId, admin.token()).expectOk().body().get("results").get(0).has("describe")).isFalse();
        assertError(find(orgId, admin.token(), "describe", "yes"), 422, "InvalidInput");
    }

    @Test
    void pagesOverEveryMemberWithLimitAndNext() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        List<String> expected = new ArrayList<>(List.of(admin.id()));
        for (int i = 0; i < 4; i++) {
            Person member = person("pager");
            member(orgId, admin.token(), member.id());
            expected.add(member.id());
        }
        List<String> seen = new ArrayList<>();
        JsonNode starting = null;
        int pages = 0;
        do {
            Dx.Response page = starting == null ? find(orgId, admin.token(), "limit", 2)
                    : find(orgId, admin.token(), "limit", 2, "starting", starting);
            JsonNode body = page.expectOk().body();
            assertThat(body.get("results").size()).isLessThanOrEqualTo(2);
            seen.addAll(ids(body));
            starting = body.get("next").isNull() ? null : body.get("next");
            pages++;
        } while (starting != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected.stream().sorted().toList());
    }

    @Test
    void limitIsFromOneTo1000() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertError(find(orgId, admin.token(), "limit", 0), 422, "InvalidInput");
        assertError(find(orgId, admin.token(), "limit", 1001), 422, "InvalidInput");
        assertError(find(orgId, admin.token(), "limit", "10"), 422, "InvalidInput");
        find(orgId, admin.token(), "limit", 1).expectOk();
        find(orgId, admin.token(), "limit", 1000).expectOk();
        assertError(find(orgId, admin.token(), "starting", 5), 422, "InvalidInput");
    }

    @Test
    void anUnknownOrgIsResourceNotFound() {
        assertError(find("org-" + unique("nosuch"), person("x").token()), 404, "ResourceNotFound");
    }
}
