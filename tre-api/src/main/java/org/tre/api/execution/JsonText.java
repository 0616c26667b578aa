package org.tre.api.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON values the applet and job messages carry as text (specifications, inputs, details), as the
 * routes take them in and give them back; null for a value not given.
 */
final class JsonText {

    private final ObjectMapper json;

    JsonText(ObjectMapper json) {
        this.json = json;
    }

    String of(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service wrote every such text itself, so one that does not read back is a fault, not input. */
    JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON value of an applet or job is unreadable", e);
        }
    }
}
