package org.tre.directory.execution;

import com.fasterxml.jackson.databind.JsonNode;
import org.tre.messages.error.DxException;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A run's input against the executable's {@code inputSpec} (DECISIONS.md §16): every name in the
 * spec, every required one present, each value of its class. The classes that name a data object
 * take a {@code $dnanexus_link}; whether the object exists is the job's to find, and no job runs here.
 * An applet without {@code inputSpec} takes any input, as on DNAnexus.
 */
public final class RunInput {

    private static final Set<String> DATA_CLASSES = Set.of("file", "record", "applet", "database", "workflow");

    private RunInput() {
    }

    public static void requireMatches(String inputSpec, String input) {
        if (inputSpec == null) {
            return;
        }
        JsonNode spec = StoredJson.tree(inputSpec);
        JsonNode given = StoredJson.tree(input);
        Set<String> known = new HashSet<>();
        for (JsonNode field : spec) {
            String name = field.path("name").asText();
            known.add(name);
            JsonNode value = given.get(name);
            boolean required = !field.path("optional").asBoolean(false) && !field.has("default");
            if (value == null || value.isNull()) {
                if (required) {
                    throw DxException.invalidInput("Missing required input '" + name + "'");
                }
                continue;
            }
            String inputClass = field.path("class").asText("");
            if (!ofClass(inputClass, value)) {
                throw DxException.invalidInput("Input '" + name + "' must be of class " + inputClass);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                throw DxException.invalidInput("Input '" + name + "' is not in the executable's inputSpec");
            }
        }
    }

    private static boolean ofClass(String inputClass, JsonNode value) {
        if (inputClass.startsWith("array:")) {
            if (!value.isArray()) {
                return false;
            }
            for (JsonNode element : value) {
                if (!ofClass(inputClass.substring("array:".length()), element)) {
                    return false;
                }
            }
            return true;
        }
        return switch (inputClass) {
            case "string" -> value.isTextual();
            case "int" -> value.isIntegralNumber();
            case "float" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "hash" -> value.isObject();
            default -> !DATA_CLASSES.contains(inputClass) || value.has("$dnanexus_link");
        };
    }
}
