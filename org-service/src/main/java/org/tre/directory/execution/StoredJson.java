package org.tre.directory.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON values applet and job messages carry as text (specifications, inputs, details): written
 * from a tree the routes checked, read back as one. Null stands for a value not given.
 */
public final class StoredJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredJson() {
    }

    public static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service wrote every such text itself, so one that does not read back is a fault, not input. */
    public static JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON value of an applet or job is unreadable", e);
        }
    }
}
