package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tre.api.protocol.input.DeclaredInputs;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;
import org.tre.messages.error.ErrorType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * The OpenAPI document stays complete: every registered route is in it with its declared input,
 * described by exactly the keys its record takes, and with the errors it may answer, so a route
 * cannot be added without stating both.
 */
class OpenApiDocumentTest extends OrgApiTest {

    /**
     * The routes that take keys they do not read: the org routes, which follow org-api.txt (DNAnexus
     * ignores what it does not name), and the searches dx sends its whole search to.
     */
    static final Set<String> OPEN_TO_OTHER_KEYS = Set.of(
            "org/new", "org-*/describe", "org-*/update", "org-*/invite", "org-*/findMembers", "org-*/removeMember",
            "org-*/destroy", "system/findOrgs", "org-*/findProjects", "org-*/bulkUpdateProjectLimit",
            "system/findApps", "org-*/findApps", "system/findGlobalWorkflows", "system/findExecutions");

    private static final ErrorType NOT_FOUND = ErrorType.ResourceNotFound;
    private static final ErrorType DENIED = ErrorType.PermissionDenied;
    private static final ErrorType STATE = ErrorType.InvalidState;
    private static final ErrorType TYPE = ErrorType.InvalidType;

    /** What each route may answer beyond what every route may (OpenApiDocument.EVERY_ROUTE), by its checks. */
    static final Map<Set<ErrorType>, List<String>> ROUTES_BY_REFUSALS = Map.of(
            Set.of(), List.of("system/findApps", "system/findGlobalWorkflows", "system/findOrgs", "system/findTres",
                    "system/whoami", "system/destroyAuthToken", "system/openapi.json", "system/findTreApplications",
                    "system/findProjects", "system/findExecutions"),
            Set.of(NOT_FOUND), List.of("user-*/describe"),
            Set.of(DENIED), List.of("system/rebuildStatus", "system/setHttpsAppAllowlist"),
            Set.of(DENIED, STATE), List.of("org/new", "system/rebuildProjections"),
            Set.of(NOT_FOUND, DENIED), List.of("app-*/describe", "org-*/findApps", "tre-*/history", "org-*/history",
                    "file/new", "record/new", "database/new", "file-*/describe", "record-*/describe",
                    "database-*/describe", "org-*/describe", "org-*/update", "org-*/setLicenses", "org-*/invite",
                    "org-*/findMembers", "org-*/findProjects", "org-*/bulkUpdateProjectLimit", "project-*/describe",
                    "project-*/invite", "project-*/transfer", "project-*/destroy", "project-*/removeObjects",
                    "project-*/clone", "tre-*/describe", "system/newAuthToken", "treApplication-*/describe",
                    "treApplication-*/describeCohortMetadata", "treApplication-*/history", "job-*/describe",
                    "applet/new", "applet-*/describe", "applet-*/run"),
            Set.of(NOT_FOUND, DENIED, STATE), List.of("app/new", "org-*/setMemberAccess", "org-*/removeMember",
                    "org-*/destroy", "project/new", "project-*/update", "project-*/decreasePermissions",
                    "project-*/leave", "project-*/acceptTransfer", "tre/new", "tre-*/update", "tre-*/setPolicies",
                    "tre-*/addTreAdmins", "tre-*/removeTreAdmins", "tre-*/addAuthorizedUsers",
                    "tre-*/removeAuthorizedUsers", "tre-*/addApplicationReviewStep",
                    "tre-*/updateApplicationReviewStep", "tre-*/removeApplicationReviewStep",
                    "tre-*/addApplicationReviewers", "tre-*/removeApplicationReviewers", "tre-*/getDataTypeGroups",
                    "tre-*/activate", "tre-*/deactivate", "tre-*/delete", "user/new", "treApplication/new",
                    "treApplication-*/update", "treApplication-*/createCohortMetadata",
                    "treApplication-*/updateCohortMetadata", "treApplication-*/addCollaborators",
                    "treApplication-*/removeCollaborators", "treApplication-*/submit", "treApplication-*/approve",
                    "treApplication-*/reject", "treApplication-*/delete", "treApplication-*/dispense",
                    "job-*/terminate", "job-*/update"),
            Set.of(NOT_FOUND, DENIED, STATE, TYPE), List.of("tre-*/setInventory"));

    @Autowired
    DxDispatcher dispatcher;

    private JsonNode document() {
        return dx().post("/" + OpenApiDocument.ROUTE, ADMIN_TOKEN, "{}").expectOk().body();
    }

    @Test
    void isAnOpenApi31DocumentOfPostsOnly() {
        JsonNode doc = document();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        doc.path("paths").forEach(path -> assertThat(iterable(path.fieldNames())).containsExactly("post"));
    }

    @Test
    void listsEveryRegisteredRoute() {
        Set<String> documented = new TreeSet<>(iterable(document().path("paths").fieldNames()));
        Set<String> registered = dispatcher.routes().all().stream().map(r -> OpenApiDocument.pathOf(r.key()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(registered);
        assertThat(documented).contains("/tre-{id}/update", "/system/openapi.json", "/org/new");
    }

    @Test
    void everyRouteDeclaresItsInputAndIsDescribedByTheKeysItsRecordTakes() {
        JsonNode paths = document().path("paths");
        Set<String> open = new TreeSet<>();
        for (DxRoutes.Route route : dispatcher.routes().all()) {
            assertThat(route.input()).as(route.key()).isNotNull();
            JsonNode schema = bodySchema(paths, route);
            assertThat(schema.path("title").asText()).as(route.key()).isEqualTo(route.input().getSimpleName());
            assertThat(new TreeSet<>(iterable(schema.path("properties").fieldNames()))).as(route.key())
                    .isEqualTo(new TreeSet<>(DeclaredInputs.keysOf(route.input())));
            JsonNode others = schema.path("additionalProperties");
            assertThat(others.isBoolean() || others.isObject()).as(route.key()).isTrue();
            if (others.asBoolean(false)) {
                open.add(route.key());
            }
        }
        assertThat(open).isEqualTo(new TreeSet<>(OPEN_TO_OTHER_KEYS));
    }

    @Test
    void aBodyOfFreeKeysIsDescribedByTheConstraintsOnItsKeysAndValues() {
        JsonNode decrease = bodySchema(document().path("paths"), "/project-{id}/decreasePermissions");
        assertThat(decrease.path("properties").size()).isZero();
        assertThat(decrease.path("minProperties").asInt()).isEqualTo(1);
        assertThat(decrease.path("propertyNames").path("pattern").asText()).isEqualTo("^(?:PUBLIC|user-.+|org-.+)$");
        assertThat(decrease.path("additionalProperties").path("pattern").asText())
                .isEqualTo("^(?:VIEW|UPLOAD|CONTRIBUTE|ADMINISTER)$");
        JsonNode newProject = bodySchema(document().path("paths"), "/project/new");
        assertThat(newProject.path("properties").path("protected").path("type").asText()).isEqualTo("boolean");
        JsonNode update = bodySchema(document().path("paths"), "/org-{id}/update");
        assertThat(update.path("properties").path("jobLogsForwarding").path("properties").has("url")).isTrue();
    }

    @Test
    void statesTheConstraintsTheValidatorEnforces() {
        JsonNode newTre = bodySchema(document().path("paths"), "/tre/new");
        assertThat(iterable(newTre.path("required").elements()).stream().map(JsonNode::asText))
                .contains("handle", "name", "billTo", "region").doesNotContain("nonce", "customizedURL");
        assertThat(newTre.path("additionalProperties").asBoolean(true)).isFalse();
        JsonNode properties = newTre.path("properties");
        assertThat(properties.path("name").path("maxLength").asInt()).isEqualTo(256);
        assertThat(properties.path("name").path("minLength").asInt()).isEqualTo(1);
        assertThat(properties.path("handle").path("pattern").asText()).isEqualTo("^(?:[a-z][a-z0-9._]{2,62})$");
        assertThat(properties.path("customizedURL").path("type").toString()).isEqualTo("[\"boolean\",\"null\"]");

        JsonNode reviewers = bodySchema(document().path("paths"), "/tre-{id}/addApplicationReviewers");
        JsonNode users = reviewers.path("properties").path("users");
        assertThat(users.path("type").asText()).isEqualTo("array");
        assertThat(users.path("minItems").asInt()).isEqualTo(1);
        assertThat(users.path("maxItems").asInt()).isEqualTo(100);
        assertThat(users.path("items").path("pattern").asText()).isEqualTo("^(?:user-.+)$");

        JsonNode findApps = bodySchema(document().path("paths"), "/system/findApps");
        assertThat(findApps.path("additionalProperties").asBoolean(false)).isTrue();
        assertThat(findApps.path("properties").path("limit").path("maximum").asInt()).isEqualTo(1000);
    }

    @Test
    void eachRouteListsExactlyTheErrorsEveryRouteMayAnswerAndThoseOfItsOwnChecks() {
        JsonNode paths = document().path("paths");
        Map<String, Set<ErrorType>> refusals = new TreeMap<>();
        ROUTES_BY_REFUSALS.forEach((types, keys) -> keys.forEach(key -> refusals.put(key, types)));
        Set<String> routes = new TreeSet<>();
        for (DxRoutes.Route route : dispatcher.routes().all()) {
            routes.add(route.key());
            assertThat(Set.copyOf(route.refusals())).as(route.key()).isEqualTo(refusals.get(route.key()));
            JsonNode op = paths.path(OpenApiDocument.pathOf(route.key())).path("post");
            Set<String> expected = new TreeSet<>();
            OpenApiDocument.EVERY_ROUTE.forEach(type -> expected.add(type.name()));
            route.refusals().forEach(type -> expected.add(type.name()));
            assertThat(new TreeSet<>(iterable(op.path("x-dx-errors").elements()).stream().map(JsonNode::asText)
                    .toList())).as(route.key()).isEqualTo(expected);
            assertThat(op.path("responses").has("401")).isTrue();
            assertThat(op.path("responses").has("422")).isTrue();
        }
        assertThat(routes).isEqualTo(refusals.keySet());
        JsonNode activate = paths.path("/tre-{id}/activate").path("post");
        assertThat(activate.path("responses").path("422").path("description").asText())
                .contains(ErrorType.InvalidInput.name(), ErrorType.InvalidState.name());
        assertThat(activate.path("parameters").get(0).path("in").asText()).isEqualTo("path");
    }

    @Test
    void needsATokenAndTakesNoInput() {
        assertError(dx().post("/" + OpenApiDocument.ROUTE, null, "{}"), 401, "InvalidAuthentication");
        assertError(dx().post("/" + OpenApiDocument.ROUTE, ADMIN_TOKEN, Dx.obj("format", "yaml")), 422, "InvalidInput");
        Person anyone = person("reader");
        assertThat(dx().post("/" + OpenApiDocument.ROUTE, limitedToken(anyone.id()), "{}").expectOk().body()
                .path("paths").size()).isEqualTo(dispatcher.routes().all().size());
    }

    private static JsonNode bodySchema(JsonNode paths, DxRoutes.Route route) {
        return bodySchema(paths, OpenApiDocument.pathOf(route.key()));
    }

    private static JsonNode bodySchema(JsonNode paths, String path) {
        return paths.path(path).path("post").path("requestBody").path("content").path("application/json")
                .path("schema");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> items) {
        List<T> list = new ArrayList<>();
        items.forEachRemaining(list::add);
        return list;
    }
}
