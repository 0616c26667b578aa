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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * The OpenAPI document stays complete: every registered route is in it, every declared input is
 * described by exactly its record's components, and the routes still reading their input by hand
 * are exactly the known ones, so a new route without a declared input fails here.
 */
class OpenApiDocumentTest extends OrgApiTest {

    /** Left on the hand-made reader: the org project, project and data object routes, the audit and rebuild routes. */
    static final Set<String> NOT_YET_DECLARED = Set.of(
            "org-*/findProjects", "org-*/bulkUpdateProjectLimit",
            "project/new", "project-*/describe", "project-*/update", "project-*/invite",
            "project-*/decreasePermissions", "project-*/leave", "project-*/transfer", "project-*/acceptTransfer",
            "project-*/destroy", "project-*/removeObjects", "project-*/clone",
            "file/new", "record/new", "database/new", "file-*/describe", "record-*/describe", "database-*/describe",
            "tre-*/history", "org-*/history",
            "system/rebuildProjections", "system/rebuildStatus");

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
    void describesEachDeclaredInputByItsRecordsComponents() {
        JsonNode paths = document().path("paths");
        int declared = 0;
        for (DxRoutes.Route route : dispatcher.routes().all()) {
            if (!route.declared()) {
                continue;
            }
            declared++;
            JsonNode schema = bodySchema(paths, route);
            assertThat(new TreeSet<>(iterable(schema.path("properties").fieldNames()))).as(route.key())
                    .isEqualTo(new TreeSet<>(DeclaredInputs.keysOf(route.input())));
            assertThat(schema.has("x-input")).as(route.key()).isFalse();
        }
        assertThat(declared).isGreaterThanOrEqualTo(30);
    }

    @Test
    void theRoutesNotYetDeclaredAreExactlyTheKnownOnes() {
        JsonNode paths = document().path("paths");
        List<String> undeclared = new ArrayList<>();
        for (DxRoutes.Route route : dispatcher.routes().all()) {
            JsonNode schema = bodySchema(paths, route);
            if (!route.declared()) {
                undeclared.add(route.key());
                assertThat(schema.path("x-input").asText()).as(route.key()).isEqualTo(OpenApiDocument.NOT_YET_DECLARED);
                assertThat(schema.path("type").asText()).isEqualTo("object");
                assertThat(schema.has("properties")).isFalse();
            }
        }
        assertThat(new TreeSet<>(undeclared)).isEqualTo(new TreeSet<>(NOT_YET_DECLARED));
        assertThat(undeclared).hasSize(NOT_YET_DECLARED.size());
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
    void listsTheErrorsOfEveryRouteAndThoseItsDeclarationStates() {
        JsonNode paths = document().path("paths");
        for (DxRoutes.Route route : dispatcher.routes().all()) {
            JsonNode op = paths.path(OpenApiDocument.pathOf(route.key())).path("post");
            Set<String> errors = new TreeSet<>(iterable(op.path("x-dx-errors").elements()).stream()
                    .map(JsonNode::asText).toList());
            assertThat(errors).as(route.key()).contains("InvalidAuthentication", "MalformedJSON", "InvalidInput");
            route.refusals().forEach(type -> assertThat(errors).as(route.key()).contains(type.name()));
            assertThat(op.path("responses").has("401")).isTrue();
            assertThat(op.path("responses").has("422")).isTrue();
        }
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
