package org.tre.api.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.api.protocol.input.InputSchemas;
import org.tre.messages.error.ErrorType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 description of the route table: every route as a POST with its declared input as
 * the request body's schema, and the error types it may answer. Written from the same records the
 * validator binds, so the document cannot say one thing while the routes check another.
 */
public final class OpenApiDocument {

    public static final String ROUTE = "system/openapi.json";

    /**
     * What the protocol itself may answer on any route, before or around its handler: the token, the
     * body, the input's shape, the rate limit, and a rebuild of the read models.
     */
    static final List<ErrorType> EVERY_ROUTE = List.of(ErrorType.InvalidAuthentication, ErrorType.MalformedJSON,
            ErrorType.InvalidInput, ErrorType.RateLimitConditional, ErrorType.ServiceUnavailable);

    private OpenApiDocument() {
    }

    public static ObjectNode of(DxRoutes routes, ObjectMapper json) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info")
                .put("title", "TRE control plane: DNAnexus TRE and Organizations API")
                .put("version", "1.0.0")
                .put("description", "Every route is a POST with a JSON object body (an empty body counts as {})"
                        + " and a Bearer token, this document's route included. Failures carry"
                        + " {\"error\": {\"type\", \"message\"}}; clients choose their exception from the type.");
        doc.putArray("security").addObject().putArray("bearer");
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
        components.putObject("schemas").set("Error", errorSchema(json));

        ObjectNode paths = doc.putObject("paths");
        Map<String, DxRoutes.Route> sorted = new TreeMap<>();
        routes.all().forEach(route -> sorted.put(pathOf(route.key()), route));
        sorted.forEach((path, route) -> paths.putObject(path).set("post", operation(route, json)));
        return doc;
    }

    /** {@code tre-*}{@code /update} is {@code /tre-{id}/update}: the id's text after the class and its dash. */
    public static String pathOf(String key) {
        return "/" + key.replace("-*/", "-{id}/");
    }

    private static ObjectNode operation(DxRoutes.Route route, ObjectMapper json) {
        ObjectNode op = json.createObjectNode();
        op.put("operationId", route.key().replace("-*/", "-id/").replace('/', '.'));
        if (route.key().contains("-*/")) {
            ObjectNode id = op.putArray("parameters").addObject();
            id.put("name", "id").put("in", "path").put("required", true)
                    .put("description", "The entity id after its class and dash: genomics in /tre-genomics/describe");
            id.putObject("schema").put("type", "string");
        }
        ObjectNode schema = InputSchemas.of(route.input(), json);
        op.putObject("requestBody").put("required", false).putObject("content")
                .putObject("application/json").set("schema", schema);

        Set<ErrorType> errors = new LinkedHashSet<>(EVERY_ROUTE);
        errors.addAll(route.refusals());
        ArrayNode names = op.putArray("x-dx-errors");
        errors.forEach(type -> names.add(type.name()));

        ObjectNode responses = op.putObject("responses");
        responses.putObject("200").put("description", "The route's answer, a JSON object")
                .putObject("content").putObject("application/json").putObject("schema").put("type", "object");
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        errors.forEach(type -> byStatus.computeIfAbsent(DxStatus.of(type), s -> new ArrayList<>()).add(type.name()));
        byStatus.forEach((status, types) -> {
            ObjectNode response = responses.putObject(Integer.toString(status));
            response.put("description", String.join(", ", types));
            ObjectNode errorSchema = response.putObject("content").putObject("application/json").putObject("schema");
            errorSchema.putArray("allOf").addObject().put("$ref", "#/components/schemas/Error");
            ArrayNode allowed = errorSchema.putObject("properties").putObject("error").putObject("properties")
                    .putObject("type").putArray("enum");
            types.forEach(allowed::add);
        });
        return op;
    }

    private static ObjectNode errorSchema(ObjectMapper json) {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        schema.putArray("required").add("error");
        ObjectNode error = schema.putObject("properties").putObject("error").put("type", "object");
        error.putArray("required").add("type").add("message");
        ObjectNode properties = error.putObject("properties");
        ArrayNode types = properties.putObject("type").put("type", "string").putArray("enum");
        for (ErrorType type : ErrorType.values()) {
            types.add(type.name());
        }
        properties.putObject("message").put("type", "string");
        properties.putObject("details");
        return schema;
    }
}
