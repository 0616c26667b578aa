package org.tre.api.protocol;

import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * The validator's answers over HTTP, on routes whose inputs are declared records: each fault of
 * shape is InvalidInput, 422, with a message naming the field, before any entity is looked up.
 */
class DeclaredInputsTest extends OrgApiTest {

    private String refused(String path, Object body) {
        Dx.Response response = dx().post(path, ADMIN_TOKEN, body);
        assertError(response, 422, "InvalidInput");
        return response.errorMessage();
    }

    private Map<String, Object> newUser(Object... keysAndValues) {
        String name = unique("decl");
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("username", name, "email", name + "@example.org"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    @Test
    void anUnknownKeyIsNamedAsTheRoutesAlwaysNamedIt() {
        assertThat(refused("/user/new", newUser("nickname", "x"))).isEqualTo("Unknown input key 'nickname'");
        assertThat(refused("/system/whoami", Dx.obj("surprise", 1))).isEqualTo("Unknown input key 'surprise'");
    }

    @Test
    void anUnknownKeyIsReportedBeforeAWrongTypeWhereverItStands() {
        assertThat(refused("/user/new", "{\"username\": 42, \"email\": \"a@b.org\", \"zzz\": 1}"))
                .isEqualTo("Unknown input key 'zzz'");
    }

    @Test
    void aWrongTypeIsNeverCoerced() {
        assertThat(refused("/user/new", newUser("username", 42))).isEqualTo("Expected 'username' to be a string");
        assertThat(refused("/user/new", newUser("first", true))).isEqualTo("Expected 'first' to be a string");
        assertThat(refused("/system/newAuthToken", Dx.obj("expires", "1999999999999")))
                .isEqualTo("Expected 'expires' to be an integer");
        assertThat(refused("/system/newAuthToken", Dx.obj("expires", 1.5e12)))
                .isEqualTo("Expected 'expires' to be an integer");
        assertThat(refused("/system/newAuthToken", Dx.obj("scope", Dx.obj("full", "true"))))
                .isEqualTo("Expected 'scope.full' to be a boolean");
        assertThat(refused("/system/newAuthToken", Dx.obj("scope", List.of())))
                .isEqualTo("Expected 'scope' to be a mapping");
    }

    @Test
    void aNumberTooLargeForItsInputIsAWrongType() {
        assertThat(refused("/system/newAuthToken", "{\"expires\": 100000000000000000000000000000}"))
                .isEqualTo("Expected 'expires' to be an integer");
    }

    @Test
    void theFindRoutesDxCallsStayOpenToKeysTheyDoNotRead() {
        dx().post("/system/findApps", ADMIN_TOKEN, Dx.obj("billTo", "org-x", "limit", 1)).expectOk();
        assertThat(refused("/system/findApps", Dx.obj("limit", 0))).isEqualTo("'limit' must be from 1 to 1000");
        assertThat(refused("/system/findGlobalWorkflows", Dx.obj("starting", 5)))
                .isEqualTo("Expected 'starting' to be the 'next' value of the previous page: a string or a mapping");
        assertThat(refused("/system/findApps", Dx.obj("describe", "yes")))
                .isEqualTo("Expected 'describe' to be a boolean or a mapping");
    }

    @Test
    void listElementsGetTheRoutesWordsNamingTheValue() {
        assertThat(refused("/app/new", Dx.obj("name", "a", "version", "1.0.0", "billTo", "org-x",
                "developers", List.of("user-a", "org-b")))).isEqualTo("'developers' may not hold org-b");
    }

    @Test
    void aNullInsideAListOrMappingIsAWrongType() {
        assertThat(refused("/user-admin/describe", "{\"fields\": {\"id\": null}}"))
                .isEqualTo("Expected 'fields.id' to be a boolean");
    }

    @Test
    void aMissingRequiredInputIsNamed() {
        assertThat(refused("/user/new", Dx.obj("email", "a@b.org"))).isEqualTo("Missing required input 'username'");
        assertThat(refused("/system/destroyAuthToken", "{}")).isEqualTo("Missing required input 'tokenSignature'");
    }

    @Test
    void aNullInputCountsAsNotGiven() {
        assertThat(refused("/user/new", "{\"username\": null, \"email\": \"a@b.org\"}"))
                .isEqualTo("Missing required input 'username'");
        dx().post("/user/new", ADMIN_TOKEN, newUser("first", null)).expectOk();
    }

    @Test
    void aTooLongInputNamesItsLimit() {
        assertThat(refused("/user/new", newUser("last", "x".repeat(257))))
                .isEqualTo("'last' must be at most 256 characters long");
        assertThat(refused("/system/newAuthToken", Dx.obj("label", "x".repeat(257))))
                .isEqualTo("'label' must be at most 256 characters long");
    }

    @Test
    void aValueThatMissesItsPatternGetsTheRoutesWords() {
        assertThat(refused("/system/destroyAuthToken", Dx.obj("tokenSignature", "abc")))
                .isEqualTo("'tokenSignature' must be the SHA-256 hex digest of a token");
        assertThat(refused("/system/newAuthToken", Dx.obj("user", "org-x"))).isEqualTo("'user' must be a user id");
        assertThat(refused("/system/newAuthToken", Dx.obj("scope", Dx.obj("projects", Dx.obj("project-1", "VIEW")))))
                .isEqualTo("'scope.projects' key project-1 is not a project id");
        assertThat(refused("/system/newAuthToken", Dx.obj("scope",
                Dx.obj("projects", Dx.obj("project-0123456789BFGJKPQVXYZbfg", "OWN")))))
                .isEqualTo("'scope.projects.project-0123456789BFGJKPQVXYZbfg' must be one of VIEW, UPLOAD, CONTRIBUTE,"
                        + " ADMINISTER");
        assertThat(refused("/system/newAuthToken", Dx.obj("scope", Dx.obj())))
                .isEqualTo("'scope' must be {\"full\": true} or {\"projects\": {project id: level}}");
    }

    @Test
    void shapeComesBeforeTheEntityInTheUrl() {
        assertThat(refused("/user-nosuchuser/describe", Dx.obj("fields", true)))
                .isEqualTo("Expected 'fields' to be a mapping");
    }
}
