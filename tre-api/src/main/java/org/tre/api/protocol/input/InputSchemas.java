package org.tre.api.protocol.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A declared input as JSON Schema (the dialect of OpenAPI 3.1), read from the record's components
 * and the constraints on them: what the validator enforces is what the document states.
 */
public final class InputSchemas {

    private InputSchemas() {
    }

    public static ObjectNode of(Class<? extends Record> shape, ObjectMapper json) {
        ObjectNode schema = json.createObjectNode().put("type", "object").put("title", shape.getSimpleName());
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = json.createArrayNode();
        addKeys(shape, properties, required, json);
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", DeclaredInputs.opensToUnknownKeys(shape));
        InputShapes.otherKeys(shape).ifPresent(any -> otherKeys(schema, InputShapes.field(any), json));
        AllOrNone allOrNone = shape.getAnnotation(AllOrNone.class);
        if (allOrNone != null) {
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("maxProperties", 0);
            ArrayNode all = anyOf.addObject().putArray("required");
            InputShapes.keysOf(shape).forEach(all::add);
        }
        return schema;
    }

    /** The record's keys, an unwrapped record's among them, as properties of the mapping they stand in. */
    private static void addKeys(Class<? extends Record> shape, ObjectNode properties, ArrayNode required,
                                ObjectMapper json) {
        for (RecordComponent component : shape.getRecordComponents()) {
            if (InputShapes.unwrapped(component)) {
                addKeys(InputShapes.recordOf(component), properties, required, json);
                continue;
            }
            if (InputShapes.takesOtherKeys(component)) {
                continue;
            }
            Field field = InputShapes.field(component);
            ObjectNode property = schemaOf(field.getAnnotatedType(), field, json);
            String name = InputShapes.jsonName(component);
            if (isRequired(field)) {
                required.add(name);
            } else if (!field.isAnnotationPresent(NotNullable.class)) {
                // On the wire a null input is one not given.
                allowNull(property);
            }
            properties.set(name, property);
        }
    }

    /** Every key the record does not name is one of the map that takes them: its names, values and size. */
    private static void otherKeys(ObjectNode schema, Field field, ObjectMapper json) {
        ObjectNode map = schemaOf(field.getAnnotatedType(), field, json);
        for (String word : List.of("additionalProperties", "propertyNames", "minProperties", "maxProperties")) {
            if (map.has(word)) {
                schema.set(word, map.get(word));
            }
        }
    }

    private static boolean isRequired(AnnotatedElement field) {
        return field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                || field.isAnnotationPresent(NotEmpty.class);
    }

    /**
     * {@code annotations} are the constraints on this value: the field's for a component, the type
     * use's for an element of a list or mapping.
     */
    @SuppressWarnings("unchecked")
    private static ObjectNode schemaOf(AnnotatedType type, AnnotatedElement annotations, ObjectMapper json) {
        Class<?> raw = SchemaWords.raw(type.getType());
        ObjectNode schema = json.createObjectNode();
        if (raw == String.class) {
            schema.put("type", "string");
            for (Size size : annotations.getAnnotationsByType(Size.class)) {
                bounds(schema, size, "minLength", "maxLength");
            }
            for (Pattern pattern : annotations.getAnnotationsByType(Pattern.class)) {
                schema.put("pattern", ecmaPattern(pattern.regexp()));
            }
            MaxUtf8Bytes bytes = annotations.getAnnotation(MaxUtf8Bytes.class);
            if (bytes != null) {
                schema.put("description", "at most " + bytes.value() + " bytes of UTF-8");
            }
        } else if (raw == Boolean.class) {
            schema.put("type", "boolean");
            if (annotations.isAnnotationPresent(AssertTrue.class)) {
                schema.put("const", true);
            }
        } else if (raw == Long.class || raw == Integer.class) {
            schema.put("type", "integer");
            Min min = annotations.getAnnotation(Min.class);
            Max max = annotations.getAnnotation(Max.class);
            if (min != null) {
                schema.put("minimum", min.value());
            }
            if (max != null) {
                schema.put("maximum", max.value());
            }
        } else if (raw == Double.class) {
            schema.put("type", "number");
            DecimalMin min = annotations.getAnnotation(DecimalMin.class);
            if (min != null) {
                schema.put(min.inclusive() ? "minimum" : "exclusiveMinimum", Double.parseDouble(min.value()));
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            schema.put("type", "array");
            for (Size size : annotations.getAnnotationsByType(Size.class)) {
                bounds(schema, size, "minItems", "maxItems");
            }
            if (type instanceof AnnotatedParameterizedType list) {
                AnnotatedType element = list.getAnnotatedActualTypeArguments()[0];
                schema.set("items", schemaOf(element, element, json));
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            schema.put("type", "object");
            for (Size size : annotations.getAnnotationsByType(Size.class)) {
                bounds(schema, size, "minProperties", "maxProperties");
            }
            if (annotations.isAnnotationPresent(NotEmpty.class)) {
                schema.put("minProperties", 1);
            }
            if (type instanceof AnnotatedParameterizedType map) {
                AnnotatedType key = map.getAnnotatedActualTypeArguments()[0];
                AnnotatedType value = map.getAnnotatedActualTypeArguments()[1];
                ObjectNode names = schemaOf(key, key, json);
                if (names.size() > 1) {
                    schema.set("propertyNames", names);
                }
                schema.set("additionalProperties", schemaOf(value, value, json));
            }
        } else if (raw.isRecord()) {
            return of((Class<? extends Record>) raw, json);
        } else if (JsonNode.class.isAssignableFrom(raw)) {
            JsonTypes types = annotations.getAnnotation(JsonTypes.class);
            ReadAs mapping = annotations.getAnnotation(ReadAs.class);
            if (types != null) {
                ArrayNode names = schema.putArray("type");
                for (JsonNodeType nodeType : types.value()) {
                    names.add(jsonSchemaType(nodeType));
                }
                schema.put("description", types.expected());
            }
            if (mapping != null) {
                return readAs(schema, of(mapping.value(), json), json);
            }
        }
        return schema;
    }

    /** A mapping read as a record of its own: that record's schema, beside the input's other JSON types. */
    private static ObjectNode readAs(ObjectNode schema, ObjectNode record, ObjectMapper json) {
        JsonNode types = schema.get("type");
        if (types == null || types.size() <= 1) {
            return record;
        }
        ObjectNode either = json.createObjectNode();
        ArrayNode anyOf = either.putArray("anyOf");
        for (JsonNode type : types) {
            if (!"object".equals(type.asText())) {
                anyOf.addObject().put("type", type.asText());
            }
        }
        anyOf.add(record);
        return either;
    }

    private static void bounds(ObjectNode schema, Size size, String minName, String maxName) {
        if (size.min() > 0) {
            schema.put(minName, size.min());
        }
        if (size.max() < Integer.MAX_VALUE) {
            schema.put(maxName, size.max());
        }
    }

    /**
     * Bean Validation matches the whole value; JSON Schema patterns match anywhere, in ECMA syntax,
     * where the inline dot-all flag does not exist.
     */
    static String ecmaPattern(String regexp) {
        String body = regexp.startsWith("(?s)") ? regexp.substring(4) : regexp;
        return "^(?:" + body + ")$";
    }

    private static String jsonSchemaType(JsonNodeType type) {
        return switch (type) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL, MISSING -> "null";
        };
    }

    private static void allowNull(ObjectNode property) {
        JsonNode type = property.get("type");
        if (type == null) {
            if (property.get("anyOf") instanceof ArrayNode either) {
                either.addObject().put("type", "null");
            }
            return;
        }
        if (type.isTextual()) {
            property.putArray("type").add(type.textValue()).add("null");
        } else if (type.isArray()) {
            ArrayNode types = (ArrayNode) type;
            boolean hasNull = false;
            for (JsonNode t : types) {
                hasNull |= "null".equals(t.textValue());
            }
            if (!hasNull) {
                types.add("null");
            }
        }
    }
}
