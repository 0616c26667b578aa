package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.messages.org.Licenses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /org-xxxx/findProjects} and {@code /org-xxxx/bulkUpdateProjectLimit} over HTTP. */
class OrgProjectRoutesTest extends ProjectServiceTest {

    private JsonNode find(Billing billing, Object... input) {
        return dx().post("/" + billing.orgId() + "/findProjects", billing.admin().token(), Dx.obj(input))
                .expectOk().body();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("results").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    // ---- findProjects ----

    @Test
    void findsTheOrgsProjectsLastModifiedFirst() {
        Billing billing = billing();
        String first = newProject(billing, "name", "alpha");
        String second = newProject(billing, "name", "beta");
        String elsewhere = newProject(billing());
        dx().post("/" + first + "/update", billing.admin().token(), Dx.obj("name", "alpha2")).expectOk();
        JsonNode page = find(billing);
        assertThat(ids(page)).containsExactly(first, second);
        assertThat(ids(page)).doesNotContain(elsewhere);
        JsonNode result = page.get("results").get(0);
        assertThat(result.get("public").asBoolean()).isFalse();
        assertThat(result.get("level").asText()).isEqualTo("ADMINISTER");
        assertThat(result.has("describe")).isFalse();
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void pagesFollowTheNextCursor() {
        Billing billing = billing();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(newProject(billing));
        }
        List<String> seen = new ArrayList<>();
        JsonNode page = find(billing, "limit", 2);
        int pages = 1;
        seen.addAll(ids(page));
        while (!page.get("next").isNull()) {
            page = find(billing, "limit", 2, "starting", page.get("next").asText());
            seen.addAll(ids(page));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(made).doesNotHaveDuplicates();
        assertThat(seen).isEqualTo(ids(find(billing)));
    }

    @Test
    void filtersByNameIdTagsPropertiesRegionPublicCreatedAndPhi() {
        Billing billing = billing(Licenses.PHI_FEATURES);
        String a = newProject(billing, "name", "Genome-A", "tags", List.of("wgs", "eu"), "properties",
                Map.of("cohort", "uk"), "region", EU, "containsPHI", true);
        String b = newProject(billing, "name", "genome-b", "tags", List.of("wes"), "properties", Map.of("cohort", "us"));
        invite(b, billing.admin(), "PUBLIC", "VIEW");
        assertThat(ids(find(billing, "name", "Genome-A"))).containsExactly(a);
        assertThat(ids(find(billing, "name", Map.of("glob", "genome-?")))).containsExactly(b);
        assertThat(ids(find(billing, "name", Map.of("regexp", "^GENOME", "flags", "i")))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(find(billing, "id", List.of(b)))).containsExactly(b);
        assertThat(ids(find(billing, "tags", "wgs"))).containsExactly(a);
        assertThat(ids(find(billing, "tags", Map.of("$or", List.of("wes", "eu"))))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(find(billing, "tags", Map.of("$and", List.of("wgs", "wes"))))).isEmpty();
        assertThat(ids(find(billing, "properties", Map.of("cohort", "uk")))).containsExactly(a);
        assertThat(ids(find(billing, "properties", Map.of("cohort", true)))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(find(billing, "properties", Map.of("$or", List.of(Map.of("cohort", "us"), Map.of("x", true))))))
                .containsExactly(b);
        assertThat(ids(find(billing, "region", EU))).containsExactly(a);
        assertThat(ids(find(billing, "region", List.of(US, EU)))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(find(billing, "public", true))).containsExactly(b);
        assertThat(ids(find(billing, "public", false))).containsExactly(a);
        assertThat(ids(find(billing, "containsPHI", true))).containsExactly(a);
        assertThat(ids(find(billing, "created", Map.of("after", System.currentTimeMillis() + 60_000)))).isEmpty();
        assertThat(ids(find(billing, "created", Map.of("before", System.currentTimeMillis() + 60_000))))
                .containsExactlyInAnyOrder(a, b);
        assertThat(ids(find(billing, "cloudAccount", "acct-1"))).isEmpty();
    }

    @Test
    void describeTrueOrAMappingDescribesEachResult() {
        Billing billing = billing();
        String id = newProject(billing);
        JsonNode described = find(billing, "describe", true).get("results").get(0).get("describe");
        assertThat(described.get("id").asText()).isEqualTo(id);
        assertThat(described.get("billTo").asText()).isEqualTo(billing.orgId());
        JsonNode chosen = find(billing, "describe", Map.of("fields", Map.of("name", true), "monthlyComputeLimit", true))
                .get("results").get(0).get("describe");
        assertThat(ProjectRoutesTest.fieldNames(chosen)).containsExactlyInAnyOrder("id", "name", "monthlyComputeLimit");
    }

    @Test
    void theLevelIsTheAdminsOwnAndMayBeNone() {
        Billing billing = billing();
        Person member = person("member");
        member(billing.orgId(), member, true, "CONTRIBUTE");
        newProject(member, billing.orgId());
        JsonNode result = find(billing, "describe", true).get("results").get(0);
        assertThat(result.get("level").asText()).isEqualTo("NONE");
        assertThat(result.get("describe").get("level").asText()).isEqualTo("NONE");
    }

    @Test
    void findProjectsRefusesMalformedInput() {
        Billing billing = billing();
        String path = "/" + billing.orgId() + "/findProjects";
        String token = billing.admin().token();
        for (var input : List.of(Dx.obj("name", 5), Dx.obj("name", Map.of("glob", "a", "regexp", "b")),
                Dx.obj("name", Map.of("regexp", "(")), Dx.obj("name", Map.of("glob", "a", "flags", "i")),
                Dx.obj("id", "project-x"), Dx.obj("tags", Map.of("$xor", List.of())), Dx.obj("tags", 3),
                Dx.obj("properties", Map.of("k", false)), Dx.obj("properties", Map.of("$and", "x")),
                Dx.obj("region", 3), Dx.obj("public", "yes"), Dx.obj("created", Map.of()),
                Dx.obj("created", Map.of("after", "x")), Dx.obj("describe", "yes"),
                Dx.obj("describe", Map.of("colour", true)), Dx.obj("limit", 0), Dx.obj("limit", 1001),
                Dx.obj("starting", "nonsense"), Dx.obj("containsPHI", "no"))) {
            assertError(dx().post(path, token, input), 422, "InvalidInput");
        }
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add("project-" + i);
        }
        assertError(dx().post(path, token, Dx.obj("id", tooMany)), 422, "InvalidInput");
    }

    @Test
    void onlyAdminsOfTheOrgWithAFullScopeTokenFindProjects() {
        Billing billing = billing();
        String project = newProject(billing);
        Person member = person("member");
        member(billing.orgId(), member, true, "ADMINISTER");
        assertError(dx().post("/" + billing.orgId() + "/findProjects", member.token(), "{}"), 401, "PermissionDenied");
        String limited = limitedToken(billing.admin(), Map.of(project, "VIEW"));
        assertError(dx().post("/" + billing.orgId() + "/findProjects", limited, "{}"), 401, "PermissionDenied");
        assertError(dx().post("/org-" + unique("nowhere") + "/findProjects", billing.admin().token(), "{}"), 404,
                "ResourceNotFound");
    }

    // ---- bulkUpdateProjectLimit ----

    @Test
    void anOrgAdminSetsSpendingLimitsOnProjects() {
        Billing billing = billing(Licenses.MONTHLY_PROJECT_SPENDING_LIMIT, Licenses.MONTHLY_PROJECT_STORAGE_SPENDING_LIMIT);
        String a = newProject(billing);
        String b = newProject(billing);
        String path = "/" + billing.orgId() + "/bulkUpdateProjectLimit";
        JsonNode dry = dx().post(path, billing.admin().token(), Dx.obj("projects", List.of(a, b),
                "monthlyComputeLimit", 100, "dryRun", true)).expectOk().body();
        assertThat(dry.get("updatedCount").asInt()).isEqualTo(2);
        assertThat(describe(a, billing.admin().token()).get("monthlyComputeLimit").isNull()).isTrue();
        JsonNode done = dx().post(path, billing.admin().token(), Dx.obj("projects", List.of(a, b, a),
                "monthlyComputeLimit", 100, "monthlyEgressBytesLimit", 5000, "monthlyStorageLimit", 2.5))
                .expectOk().body();
        assertThat(done.get("updatedCount").asInt()).isEqualTo(2);
        JsonNode seen = describe(b, billing.admin().token());
        assertThat(seen.get("monthlyComputeLimit").asLong()).isEqualTo(100);
        assertThat(seen.get("monthlyEgressBytesLimit").asLong()).isEqualTo(5000);
        assertThat(seen.get("monthlyStorageLimit").asDouble()).isEqualTo(2.5);
        dx().post(path, billing.admin().token(), Dx.obj("projects", List.of(b), "monthlyComputeLimit", null)).expectOk();
        assertThat(describe(b, billing.admin().token()).get("monthlyComputeLimit").isNull()).isTrue();
        assertThat(describe(b, billing.admin().token()).get("monthlyEgressBytesLimit").asLong()).isEqualTo(5000);
    }

    @Test
    void bulkUpdateRefusesMalformedInput() {
        Billing billing = billing(Licenses.MONTHLY_PROJECT_SPENDING_LIMIT, Licenses.MONTHLY_PROJECT_STORAGE_SPENDING_LIMIT);
        String a = newProject(billing);
        String path = "/" + billing.orgId() + "/bulkUpdateProjectLimit";
        String token = billing.admin().token();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(a);
        }
        for (var input : List.of(Dx.obj("monthlyComputeLimit", 1), Dx.obj("projects", List.of()),
                Dx.obj("projects", List.of(a)), Dx.obj("projects", List.of(a), "monthlyComputeLimit", 1.5),
                Dx.obj("projects", List.of(a), "monthlyComputeLimit", -1),
                Dx.obj("projects", List.of(a), "monthlyEgressBytesLimit", "x"),
                Dx.obj("projects", List.of(a), "monthlyEgressBytesLimit", -5),
                Dx.obj("projects", List.of(a), "monthlyStorageLimit", "x"),
                Dx.obj("projects", List.of(a), "monthlyStorageLimit", -0.5),
                Dx.obj("projects", List.of(a), "monthlyComputeLimit", 1, "dryRun", "yes"),
                Dx.obj("projects", tooMany, "monthlyComputeLimit", 1))) {
            assertError(dx().post(path, token, input), 422, "InvalidInput");
        }
        String foreign = newProject(billing());
        assertError(dx().post(path, token, Dx.obj("projects", List.of(a, foreign), "monthlyComputeLimit", 1)), 422,
                "InvalidInput");
        assertError(dx().post(path, token, Dx.obj("projects", List.of("project-0123456789BFGJKPQVXYZbfg"),
                "monthlyComputeLimit", 1)), 404, "ResourceNotFound");
        assertError(dx().post("/org-" + unique("nowhere") + "/bulkUpdateProjectLimit", token,
                Dx.obj("projects", List.of(a), "monthlyComputeLimit", 1)), 404, "ResourceNotFound");
    }

    @Test
    void bulkUpdateNeedsTheLicensesAnOrgAdminAndAFullScopeToken() {
        Billing unlicensed = billing();
        String a = newProject(unlicensed);
        assertError(dx().post("/" + unlicensed.orgId() + "/bulkUpdateProjectLimit", unlicensed.admin().token(),
                Dx.obj("projects", List.of(a), "monthlyComputeLimit", 1)), 401, "PermissionDenied");
        Billing computeOnly = billing(Licenses.MONTHLY_PROJECT_SPENDING_LIMIT);
        String b = newProject(computeOnly);
        String path = "/" + computeOnly.orgId() + "/bulkUpdateProjectLimit";
        dx().post(path, computeOnly.admin().token(), Dx.obj("projects", List.of(b), "monthlyComputeLimit", 1)).expectOk();
        assertError(dx().post(path, computeOnly.admin().token(), Dx.obj("projects", List.of(b),
                "monthlyStorageLimit", 1)), 401, "PermissionDenied");
        Person member = person("member");
        member(computeOnly.orgId(), member, true, "ADMINISTER");
        assertError(dx().post(path, member.token(), Dx.obj("projects", List.of(b), "monthlyComputeLimit", 1)), 401,
                "PermissionDenied");
        String limited = limitedToken(computeOnly.admin(), Map.of(b, "ADMINISTER"));
        assertError(dx().post(path, limited, Dx.obj("projects", List.of(b), "monthlyComputeLimit", 1)), 401,
                "PermissionDenied");
    }
}
