package org.tre.api.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /app/new} and {@code /app-xxxx/describe} (DECISIONS.md §11). */
class AppNewTest extends OrgApiTest {

    /** A billable org with an ADMIN; the ADMIN may bill apps to it. */
    private record Billing(String orgId, Person admin) {
    }

    private Billing billing() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        billable(orgId);
        return new Billing(orgId, admin);
    }

    private Dx.Response create(String token, Object... keysAndValues) {
        return dx().post("/app/new", token, Dx.obj(keysAndValues));
    }

    @Test
    void aNewAppHasAGeneratedIdAndDescribeShowsWhatWasGiven() {
        Billing org = billing();
        Person codev = person("codev");
        String name = unique("align");
        long before = System.currentTimeMillis();
        JsonNode answer = create(org.admin().token(), "name", name, "version", "1.2.3", "billTo", org.orgId(),
                "title", "Aligner", "summary", "Aligns reads", "description", "Long text", "published", true,
                "authorizedUsers", List.of("PUBLIC"), "developers", List.of(codev.id()),
                "categories", List.of("Read Mapping")).expectOk().body();
        assertThat(fieldNames(answer)).containsExactly("id");
        String appId = answer.get("id").asText();
        assertThat(appId).matches("app-[0123456789BFGJKPQVXYZbfgjkpqvxyz]{24}");

        JsonNode app = dx().post("/" + appId + "/describe", org.admin().token(), "{}").expectOk().body();
        assertThat(app.get("id").asText()).isEqualTo(appId);
        assertThat(app.get("class").asText()).isEqualTo("app");
        assertThat(app.get("name").asText()).isEqualTo(name);
        assertThat(app.get("version").asText()).isEqualTo("1.2.3");
        assertThat(app.get("title").asText()).isEqualTo("Aligner");
        assertThat(app.get("summary").asText()).isEqualTo("Aligns reads");
        assertThat(app.get("description").asText()).isEqualTo("Long text");
        assertThat(app.get("billTo").asText()).isEqualTo(org.orgId());
        assertThat(app.get("createdBy").asText()).isEqualTo(org.admin().id());
        assertThat(app.get("created").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(app.get("modified").asLong()).isEqualTo(app.get("created").asLong());
        assertThat(app.get("published").asBoolean()).isTrue();
        assertThat(app.get("isDeveloperFor").asBoolean()).isTrue();
        assertThat(texts(app.get("developers"))).containsExactly(org.admin().id(), codev.id());
        assertThat(texts(app.get("authorizedUsers"))).containsExactly("PUBLIC");
        assertThat(texts(app.get("categories"))).containsExactly("Read Mapping");
    }

    @Test
    void defaultsAreUnpublishedTitledByNameAndDevelopedByTheCreator() {
        Billing org = billing();
        String name = unique("plain");
        String appId = newApp(org.admin().token(), org.orgId(), name);
        JsonNode app = dx().post("/" + appId + "/describe", org.admin().token(), "{}").expectOk().body();
        assertThat(app.get("published").asBoolean()).isFalse();
        assertThat(app.get("title").asText()).isEqualTo(name);
        assertThat(texts(app.get("developers"))).containsExactly(org.admin().id());
        assertThat(app.get("authorizedUsers").isEmpty()).isTrue();
        assertThat(app.get("categories").isEmpty()).isTrue();
    }

    @Test
    void malformedInputIsInvalidInput() {
        Billing org = billing();
        String token = org.admin().token();
        String billTo = org.orgId();
        assertError(create(token, "version", "1.0.0", "billTo", billTo), 422, "InvalidInput");
        assertError(create(token, "name", unique("a"), "billTo", billTo), 422, "InvalidInput");
        assertError(create(token, "name", unique("a"), "version", "1.0.0"), 422, "InvalidInput");
        assertError(create(token, "name", "has space", "version", "1.0.0", "billTo", billTo), 422, "InvalidInput");
        assertError(create(token, "name", "x".repeat(257), "version", "1.0.0", "billTo", billTo), 422,
                "InvalidInput");
        assertError(create(token, "name", unique("a"), "version", "1.0", "billTo", billTo), 422, "InvalidInput");
        assertError(create(token, "name", unique("a"), "version", "v1.0.0", "billTo", billTo), 422, "InvalidInput");
        assertError(create(token, "name", unique("a"), "version", "1.0.0", "billTo", "user-x"), 422, "InvalidInput");
        assertError(create(token, "name", unique("a"), "version", "1.0.0", "billTo", billTo, "colour", "red"), 422,
                "InvalidInput");
        assertError(create(token, "name", unique("a"), "version", "1.0.0", "billTo", billTo, "published", "yes"), 422,
                "InvalidInput");
        assertError(create(token, "name", unique("a"), "version", "1.0.0", "billTo", billTo,
                "developers", List.of("org-x")), 422, "InvalidInput");
        assertError(create(token, "name", unique("a"), "version", "1.0.0", "billTo", billTo,
                "developers", List.of("PUBLIC")), 422, "InvalidInput");
        assertError(create(token, "name", unique("a"), "version", "1.0.0", "billTo", billTo,
                "authorizedUsers", List.of("project-x")), 422, "InvalidInput");
        assertError(create(token, "name", unique("a"), "version", "1.0.0", "billTo", billTo,
                "categories", "Genomics"), 422, "InvalidInput");
    }

    @Test
    void anUnknownOrDestroyedBillToIsResourceNotFound() {
        Billing org = billing();
        assertError(create(org.admin().token(), "name", unique("a"), "version", "1.0.0",
                "billTo", "org-" + unique("nosuch")), 404, "ResourceNotFound");
        Person admin = person("boss");
        String gone = newOrg(admin.token());
        dx().post("/" + gone + "/destroy", admin.token(), "{}").expectOk();
        assertError(create(admin.token(), "name", unique("a"), "version", "1.0.0", "billTo", gone), 404,
                "ResourceNotFound");
    }

    @Test
    void billingNeedsABillableOrgAndAllowBillableActivities() {
        Person admin = person("boss");
        String notBillable = newOrg(admin.token());
        assertError(create(admin.token(), "name", unique("a"), "version", "1.0.0", "billTo", notBillable), 401,
                "PermissionDenied");

        Billing org = billing();
        Person viewer = person("viewer");
        member(org.orgId(), org.admin().token(), viewer.id());
        assertError(create(viewer.token(), "name", unique("a"), "version", "1.0.0", "billTo", org.orgId()), 401,
                "PermissionDenied");
        assertError(create(person("stranger").token(), "name", unique("a"), "version", "1.0.0",
                "billTo", org.orgId()), 401, "PermissionDenied");
        Person payer = person("payer");
        member(org.orgId(), org.admin().token(), payer.id(), "allowBillableActivities", true);
        create(payer.token(), "name", unique("a"), "version", "1.0.0", "billTo", org.orgId()).expectOk();
    }

    @Test
    void aLimitedTokenIsPermissionDenied() {
        Billing org = billing();
        assertError(create(limitedToken(org.admin().id()), "name", unique("a"), "version", "1.0.0",
                "billTo", org.orgId()), 401, "PermissionDenied");
    }

    @Test
    void anExistingVersionIsInvalidStateAndOnlyDevelopersAddVersions() {
        Billing org = billing();
        Person payer = person("payer");
        member(org.orgId(), org.admin().token(), payer.id(), "allowBillableActivities", true);
        String name = unique("versions");
        newApp(org.admin().token(), org.orgId(), name, "version", "1.0.0");
        assertError(create(org.admin().token(), "name", name, "version", "1.0.0", "billTo", org.orgId()), 422,
                "InvalidState");
        assertError(create(payer.token(), "name", name, "version", "2.0.0", "billTo", org.orgId()), 401,
                "PermissionDenied");
        newApp(org.admin().token(), org.orgId(), name, "version", "2.0.0");
    }

    @Test
    void theSameNonceTwiceCreatesOneApp() {
        Billing org = billing();
        String name = unique("nonce");
        var input = Dx.obj("name", name, "version", "1.0.0", "billTo", org.orgId(), "nonce", "n-" + name);
        Dx.Response first = dx().post("/app/new", org.admin().token(), input).expectOk();
        Dx.Response second = dx().post("/app/new", org.admin().token(), input).expectOk();
        assertThat(second.raw().body()).isEqualTo(first.raw().body());
        JsonNode found = dx().post("/system/findApps", org.admin().token(), Dx.obj("name", name, "allVersions", true))
                .expectOk().body();
        assertThat(ids(found)).containsExactly(first.body().get("id").asText());
        assertError(dx().post("/app/new", org.admin().token(), Dx.obj("name", name, "version", "1.0.1",
                "billTo", org.orgId(), "nonce", "n-" + name)), 422, "InvalidInput");
    }

    @Test
    void describeIsPermissionDeniedToThoseWhoMayNotSeeTheApp() {
        Billing org = billing();
        String appId = newApp(org.admin().token(), org.orgId(), unique("hidden"));
        assertError(dx().post("/" + appId + "/describe", person("stranger").token(), "{}"), 401, "PermissionDenied");
        dx().post("/" + appId + "/describe", ADMIN_TOKEN, "{}").expectOk();
    }

    @Test
    void describeOfAnUnknownAppIsResourceNotFound() {
        assertError(dx().post("/app-0123456789BFGJKPQVXYZbfg/describe", person("x").token(), "{}"), 404,
                "ResourceNotFound");
    }

    @Test
    void describeRejectsUnknownInputKeys() {
        Billing org = billing();
        String appId = newApp(org.admin().token(), org.orgId(), unique("keys"));
        assertError(dx().post("/" + appId + "/describe", org.admin().token(), Dx.obj("colour", true)), 422,
                "InvalidInput");
    }
}
