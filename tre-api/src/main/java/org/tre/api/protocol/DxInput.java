package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.messages.error.DxException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request body, read field by field, for routes registered without a declared input record
 * (input.DeclaredInputs checks those). Every wrong type or missing key is InvalidInput with a
 * message that names the field, so no malformed value reaches a command.
 */
public final class DxInput {

    private final ObjectNode body;

    public DxInput(ObjectNode body) {
        this.body = body;
    }

    public ObjectNode raw() {
        return body;
    }

    public boolean has(String field) {
        return body.has(field);
    }

    /** DECISIONS.md §1: a typo in a governance call must not pass silently. */
    public DxInput allowOnly(String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw DxException.invalidInput("Unknown input key '" + name + "'");
            }
        }
        return this;
    }

    public String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> missing(field));
    }

    public Optional<String> optionalString(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string");
        }
        return Optional.of(value.textValue());
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "a boolean");
        }
        return Optional.of(value.booleanValue());
    }

    /** Integers only: timestamps and counts are whole numbers on the wire. */
    public Optional<Long> optionalLong(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, "an integer");
        }
        return Optional.of(value.longValue());
    }

    public Optional<ObjectNode> optionalObject(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw wrongType(field, "a mapping");
        }
        return Optional.of((ObjectNode) value);
    }

    public List<String> requiredStringArray(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        if (!value.isArray()) {
            throw wrongType(field, "an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw wrongType(field, "an array of strings");
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    /** A mapping of names to booleans, such as the {@code fields} input of describe. */
    public Optional<Map<String, Boolean>> optionalBooleanMap(String field) {
        return optionalObject(field).map(object -> {
            Map<String, Boolean> map = new LinkedHashMap<>();
            object.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isBoolean()) {
                    throw DxException.invalidInput("Expected '" + field + "." + entry.getKey() + "' to be a boolean");
                }
                map.put(entry.getKey(), entry.getValue().booleanValue());
            });
            return map;
        });
    }

    public static DxException missing(String field) {
        return DxException.invalidInput("Missing required input '" + field + "'");
    }

    public static DxException wrongType(String field, String expected) {
        return DxException.invalidInput("Expected '" + field + "' to be " + expected);
    }

    /** Any JSON number, integral or not: the spec's "float" inputs. */
    public Optional<Double> optionalNumber(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw wrongType(field, "a number");
        }
        return Optional.of(value.doubleValue());
    }

    public Optional<List<String>> optionalStringArray(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(requiredStringArray(field));
    }
}
