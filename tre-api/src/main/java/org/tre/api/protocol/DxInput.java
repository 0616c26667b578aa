package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.messages.error.DxException;

import java.util.Optional;

/**
 * A request body as it came. Every route's declared input has checked its shape
 * (input.DeclaredInputs); what reads the body itself reads the parts a record cannot hold: whether a
 * key was given at all (null may mean "clear it"), and the grammars of find filters that take
 * several shapes (NameFilter, TimeRange).
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

    public static DxException wrongType(String field, String expected) {
        return DxException.invalidInput("Expected '" + field + "' to be " + expected);
    }
}
