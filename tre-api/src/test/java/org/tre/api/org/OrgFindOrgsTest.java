package org.tre.api.org;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /system/findOrgs}: the orgs the caller belongs to (DECISIONS.md §11). */
class OrgFindOrgsTest extends OrgApiTest {

    private Dx.Response find(String token, Object... keysAndValues) {
        return dx().post("/system/findOrgs", token, Dx.obj(keysAndValues));
    }

    @Test
    void findsTheOrgsTheCallerBelongsToAtEachLevel() {
        Person me = person("me");
        Person other = person("other");
        String mine = newOrg(me.token());
        String theirs = newOrg(other.token());
        String joined = newOrg(other.token());
        member(joined, other.token(), me.id());
        assertThat(ids(find(me.token(), "level", "MEMBER").expectOk().body())).containsExactly(mine, joined).isSorted();
        assertThat(ids(find(me.token()).expectOk().body())).containsExactlyInAnyOrder(mine, joined);
        assertThat(ids(find(me.token(), "level", "ADMIN").expectOk().body())).containsExactly(mine);
        assertThat(ids(find(me.token()).expectOk().body())).doesNotContain(theirs);
        assertError(find(me.token(), "level", "OWNER"), 422, "InvalidInput");
    }

    @Test
    void allowBillableActivitiesFilters() {
        Person me = person("me");
        Person other = person("other");
        String mine = newOrg(me.token());
        String joined = newOrg(other.token());
        member(joined, other.token(), me.id());
        assertThat(ids(find(me.token(), "allowBillableActivities", true).expectOk().body())).containsExactly(mine);
        assertThat(ids(find(me.token(), "allowBillableActivities", false).expectOk().body())).containsExactly(joined);
    }

    @Test
    void describeAddsTheOrgAsTheMemberSeesIt() {
        Person me = person("me");
        String mine = newOrg(me.token());
        JsonNode result = find(me.token(), "describe", true).expectOk().body().get("results").get(0);
        assertThat(result.get("id").asText()).isEqualTo(mine);
        JsonNode describe = result.get("describe");
        assertThat(describe.get("id").asText()).isEqualTo(mine);
        assertThat(describe.get("class").asText()).isEqualTo("org");
        assertThat(describe.get("level").asText()).isEqualTo("ADMIN");
        assertThat(texts(describe.get("admins"))).containsExactly(me.id());
        assertThat(find(me.token()).expectOk().body().get("results").get(0).has("describe")).isFalse();
    }

    @Test
    void pagesWithLimitAndNext() {
        Person me = person("me");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(newOrg(me.token()));
        }
        List<String> seen = new ArrayList<>();
        JsonNode next = null;
        int pages = 0;
        do {
            JsonNode body = (next == null ? find(me.token(), "limit", 2) : find(me.token(), "limit", 2, "starting", next))
                    .expectOk().body();
            assertThat(body.get("results").size()).isLessThanOrEqualTo(2);
            seen.addAll(ids(body));
            next = body.get("next").isNull() ? null : body.get("next");
            pages++;
        } while (next != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected.stream().sorted().toList());
        assertError(find(me.token(), "limit", 0), 422, "InvalidInput");
        assertError(find(me.token(), "limit", 1001), 422, "InvalidInput");
    }
}
