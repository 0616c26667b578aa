package org.tre.api.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * {@code /system/findApps}. Apps of other tests share the database, so every search here is
 * narrowed to the test's own name prefix.
 */
class AppFindAppsTest extends OrgApiTest {

    /** A billable org, its ADMIN (the developer of every app made here), and a name prefix. */
    private record Setup(String orgId, Person dev, String prefix) {
        String name(String suffix) {
            return prefix + suffix;
        }
    }

    private Setup setup() {
        Person dev = person("dev");
        String orgId = newOrg(dev.token());
        billable(orgId);
        return new Setup(orgId, dev, unique("fa") + "_");
    }

    private List<String> find(Setup s, String token, Object... keysAndValues) {
        return ids(findRaw(s, token, keysAndValues).expectOk().body());
    }

    private Dx.Response findRaw(Setup s, String token, Object... keysAndValues) {
        ObjectNode body = Dx.obj(keysAndValues);
        if (!body.has("name")) {
            body.set("name", Dx.obj("glob", s.prefix() + "*"));
        }
        return dx().post("/system/findApps", token, body);
    }

    private String app(Setup s, String suffix, Object... extra) {
        return newApp(s.dev().token(), s.orgId(), s.name(suffix), extra);
    }

    // ------------------------------------------------------------------ visibility

    @Test
    void anUnpublishedAppIsSeenOnlyByItsDevelopersAndTheBillingOrgsAdmins() {
        Setup s = setup();
        Person codev = person("codev");
        Person authorized = person("authorized");
        Person orgAdmin = person("orgadmin");
        member(s.orgId(), s.dev().token(), orgAdmin.id(), "level", "ADMIN");
        Person orgMember = person("orgmember");
        member(s.orgId(), s.dev().token(), orgMember.id(), "allowBillableActivities", true);
        String appId = app(s, "draft", "developers", List.of(codev.id()),
                "authorizedUsers", List.of(authorized.id(), "PUBLIC", s.orgId()));
        assertThat(find(s, s.dev().token())).containsExactly(appId);
        assertThat(find(s, codev.token())).containsExactly(appId);
        assertThat(find(s, orgAdmin.token())).containsExactly(appId);
        assertThat(find(s, ADMIN_TOKEN)).containsExactly(appId);
        assertThat(find(s, authorized.token())).isEmpty();
        assertThat(find(s, orgMember.token())).isEmpty();
        assertThat(find(s, person("stranger").token())).isEmpty();
    }

    @Test
    void aPublishedAppIsSeenByItsAuthorizedUsers() {
        Setup s = setup();
        Person authorized = person("authorized");
        String appId = app(s, "pub", "published", true, "authorizedUsers", List.of(authorized.id()));
        assertThat(find(s, authorized.token())).containsExactly(appId);
        assertThat(find(s, person("stranger").token())).isEmpty();
    }

    @Test
    void aPublishedAppAuthorizedToAnOrgIsSeenByItsMembersWithAppAccess() {
        Setup s = setup();
        Person other = person("otheradmin");
        String audience = newOrg(other.token());
        Person withAccess = person("withaccess");
        Person withoutAccess = person("noaccess");
        member(audience, other.token(), withAccess.id());
        member(audience, other.token(), withoutAccess.id(), "appAccess", false);
        String appId = app(s, "orgshared", "published", true, "authorizedUsers", List.of(audience));
        assertThat(find(s, withAccess.token())).containsExactly(appId);
        assertThat(find(s, other.token())).as("ADMINs have appAccess").containsExactly(appId);
        assertThat(find(s, withoutAccess.token())).isEmpty();
        assertThat(find(s, person("stranger").token())).isEmpty();
    }

    @Test
    void aPublishedPublicAppIsSeenByEveryone() {
        Setup s = setup();
        String appId = app(s, "everyone", "published", true, "authorizedUsers", List.of("PUBLIC"));
        assertThat(find(s, person("stranger").token())).containsExactly(appId);
        dx().post("/" + appId + "/describe", person("stranger").token(), "{}").expectOk();
    }

    @Test
    void aPublishedAppWithoutAuthorizedUsersIsSeenOnlyByDevelopersAndOrgAdmins() {
        Setup s = setup();
        String appId = app(s, "closed", "published", true);
        assertThat(find(s, s.dev().token())).containsExactly(appId);
        assertThat(find(s, person("stranger").token())).isEmpty();
    }

    // ------------------------------------------------------------------ versions

    @Test
    void onlyTheDefaultVersionUnlessAllVersions() {
        Setup s = setup();
        String v1 = app(s, "tool", "version", "1.0.0");
        String v2 = app(s, "tool", "version", "1.1.0");
        assertThat(find(s, s.dev().token())).containsExactly(v2);
        assertThat(find(s, s.dev().token(), "allVersions", true)).containsExactlyInAnyOrder(v1, v2);
        assertError(findRaw(s, s.dev().token(), "allVersions", "yes"), 422, "InvalidInput");
    }

    @Test
    void aNewUnpublishedVersionDoesNotHideThePublishedOneFromItsUsers() {
        Setup s = setup();
        String published = app(s, "released", "version", "1.0.0", "published", true,
                "authorizedUsers", List.of("PUBLIC"));
        String draft = app(s, "released", "version", "2.0.0");
        Person user = person("user");
        assertThat(find(s, user.token())).containsExactly(published);
        assertThat(find(s, s.dev().token())).as("the default is the same for everyone").containsExactly(published);
        assertThat(find(s, s.dev().token(), "allVersions", true)).containsExactlyInAnyOrder(published, draft);
        assertThat(find(s, user.token(), "allVersions", true)).containsExactly(published);
    }

    // ------------------------------------------------------------------ filters

    @Test
    void publishedFiltersOnPublication() {
        Setup s = setup();
        String pub = app(s, "p", "published", true);
        String unpub = app(s, "u");
        assertThat(find(s, s.dev().token(), "published", true)).containsExactly(pub);
        assertThat(find(s, s.dev().token(), "published", false)).containsExactly(unpub);
        assertThat(find(s, s.dev().token())).containsExactlyInAnyOrder(pub, unpub);
    }

    @Test
    void nameMatchesExactlyAndCaseSensitively() {
        Setup s = setup();
        String appId = app(s, "Exact");
        app(s, "Exactly");
        assertThat(find(s, s.dev().token(), "name", s.name("Exact"))).containsExactly(appId);
        assertThat(find(s, s.dev().token(), "name", s.name("exact"))).isEmpty();
    }

    @Test
    void nameGlobMatchesStarAndQuestionMark() {
        Setup s = setup();
        String a1 = app(s, "a1");
        String a22 = app(s, "a22");
        String b1 = app(s, "b1");
        assertThat(find(s, s.dev().token(), "name", Dx.obj("glob", s.prefix() + "a*")))
                .containsExactlyInAnyOrder(a1, a22);
        assertThat(find(s, s.dev().token(), "name", Dx.obj("glob", s.prefix() + "?1")))
                .containsExactlyInAnyOrder(a1, b1);
        assertThat(find(s, s.dev().token(), "name", Dx.obj("glob", s.prefix() + "a.*"))).as("dots are literal")
                .isEmpty();
    }

    @Test
    void nameRegexpMatchesWithOptionalCaseInsensitivity() {
        Setup s = setup();
        String upper = app(s, "Variant");
        String lower = app(s, "variant_caller");
        assertThat(find(s, s.dev().token(), "name", Dx.obj("regexp", "^" + s.prefix() + "V")))
                .containsExactly(upper);
        assertThat(find(s, s.dev().token(), "name", Dx.obj("regexp", "^" + s.prefix() + "v", "flags", "i")))
                .containsExactlyInAnyOrder(upper, lower);
        assertThat(find(s, s.dev().token(), "name", Dx.obj("regexp", s.prefix() + ".*caller$")))
                .containsExactly(lower);
    }

    @Test
    void malformedNameFiltersAreInvalidInput() {
        Setup s = setup();
        String token = s.dev().token();
        for (JsonNode bad : List.of(Dx.obj("glob", "a*", "regexp", "a"), Dx.obj(), Dx.obj("glob", "a*", "flags", "i"),
                Dx.obj("regexp", "a", "flags", "g"), Dx.obj("regexp", "(unclosed"), Dx.obj("regexp", 5),
                Dx.obj("pattern", "a"))) {
            assertError(findRaw(s, token, "name", bad), 422, "InvalidInput");
        }
        assertError(findRaw(s, token, "name", 5), 422, "InvalidInput");
    }

    @Test
    void categoryFollowsTheGrammar() {
        Setup s = setup();
        String genomics = app(s, "g", "categories", List.of("Genomics"));
        String both = app(s, "gi", "categories", List.of("Genomics", "Imaging"));
        String imaging = app(s, "i", "categories", List.of("Imaging"));
        String none = app(s, "n");
        String token = s.dev().token();
        assertThat(find(s, token, "category", "Genomics")).containsExactlyInAnyOrder(genomics, both);
        assertThat(find(s, token, "category", Dx.obj("$and", List.of("Genomics", "Imaging")))).containsExactly(both);
        assertThat(find(s, token, "category", Dx.obj("$or", List.of("Genomics", "Imaging"))))
                .containsExactlyInAnyOrder(genomics, both, imaging);
        assertThat(find(s, token, "category", Dx.obj("$or", List.of(Dx.obj("$and", List.of("Genomics", "Imaging")),
                "Nothing")))).containsExactly(both);
        assertThat(find(s, token, "category", Dx.obj("$and", List.of())))
                .containsExactlyInAnyOrder(genomics, both, imaging, none);
        assertThat(find(s, token, "category", Dx.obj("$or", List.of()))).isEmpty();
        assertError(findRaw(s, token, "category", 5), 422, "InvalidInput");
        assertError(findRaw(s, token, "category", Dx.obj("$and", "Genomics")), 422, "InvalidInput");
        assertError(findRaw(s, token, "category", Dx.obj("$not", List.of("Genomics"))), 422, "InvalidInput");
        assertError(findRaw(s, token, "category", Dx.obj("$and", List.of(), "$or", List.of())), 422, "InvalidInput");
    }

    @Test
    void createdByDeveloperAndAuthorizedUserFilter() {
        Setup s = setup();
        Person other = person("otherdev");
        member(s.orgId(), s.dev().token(), other.id(), "allowBillableActivities", true);
        Person user = person("user");
        String mine = app(s, "mine", "authorizedUsers", List.of(user.id()));
        String theirs = newApp(other.token(), s.orgId(), s.name("theirs"), "authorizedUsers", List.of("PUBLIC"));
        String shared = app(s, "shared", "developers", List.of(s.dev().id(), other.id()));
        String token = s.dev().token();
        assertThat(find(s, token, "createdBy", s.dev().id())).containsExactlyInAnyOrder(mine, shared);
        assertThat(find(s, token, "createdBy", other.id())).containsExactly(theirs);
        assertThat(find(s, token, "developer", other.id())).containsExactlyInAnyOrder(theirs, shared);
        assertThat(find(s, token, "authorizedUser", user.id())).containsExactly(mine);
        assertThat(find(s, token, "authorizedUser", "PUBLIC")).containsExactly(theirs);
        assertError(findRaw(s, token, "createdBy", 5), 422, "InvalidInput");
    }

    @Test
    void createdAndModifiedRangesAreInclusive() throws InterruptedException {
        Setup s = setup();
        String early = app(s, "early");
        long created = dx().post("/" + early + "/describe", s.dev().token(), "{}").expectOk().body()
                .get("created").asLong();
        Thread.sleep(5);
        String late = app(s, "late");
        String token = s.dev().token();
        assertThat(find(s, token, "created", Dx.obj("before", created))).containsExactly(early);
        assertThat(find(s, token, "created", Dx.obj("after", created + 1))).containsExactly(late);
        assertThat(find(s, token, "created", Dx.obj("after", created))).containsExactlyInAnyOrder(early, late);
        assertThat(find(s, token, "modified", Dx.obj("after", created, "before", created))).containsExactly(early);
        assertError(findRaw(s, token, "created", Dx.obj()), 422, "InvalidInput");
        assertError(findRaw(s, token, "modified", Dx.obj("after", "yesterday")), 422, "InvalidInput");
        assertError(findRaw(s, token, "created", Dx.obj("since", 1)), 422, "InvalidInput");
    }

    @Test
    void describeAddsTheAppDescription() {
        Setup s = setup();
        String appId = app(s, "described", "published", true, "authorizedUsers", List.of("PUBLIC"));
        JsonNode mine = findRaw(s, s.dev().token(), "describe", true).expectOk().body().get("results").get(0);
        assertThat(mine.get("describe").get("id").asText()).isEqualTo(appId);
        assertThat(mine.get("describe").get("name").asText()).isEqualTo(s.name("described"));
        assertThat(mine.get("describe").get("isDeveloperFor").asBoolean()).isTrue();
        JsonNode theirs = findRaw(s, person("user").token(), "describe", Dx.obj()).expectOk().body()
                .get("results").get(0);
        assertThat(theirs.get("describe").get("isDeveloperFor").asBoolean()).isFalse();
        assertThat(findRaw(s, s.dev().token()).expectOk().body().get("results").get(0).has("describe")).isFalse();
    }

    @Test
    void pagesOverEveryAppWithLimitAndNext() {
        Setup s = setup();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(app(s, "page" + i));
        }
        List<String> seen = new ArrayList<>();
        JsonNode next = null;
        int pages = 0;
        do {
            JsonNode body = (next == null ? findRaw(s, s.dev().token(), "limit", 2)
                    : findRaw(s, s.dev().token(), "limit", 2, "starting", next)).expectOk().body();
            assertThat(body.get("results").size()).isLessThanOrEqualTo(2);
            seen.addAll(ids(body));
            next = body.get("next").isNull() ? null : body.get("next");
            pages++;
        } while (next != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
        assertError(findRaw(s, s.dev().token(), "limit", 0), 422, "InvalidInput");
        assertError(findRaw(s, s.dev().token(), "limit", 1001), 422, "InvalidInput");
    }

    @Test
    void noTokenIsInvalidAuthentication() {
        assertError(dx().post("/system/findApps", null, "{}"), 401, "InvalidAuthentication");
    }
}
