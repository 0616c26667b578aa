package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.api.protocol.DxInput;
import org.tre.messages.EntityIds;
import org.tre.messages.dataobject.DataObjectClass;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectGrants;
import org.tre.messages.project.ProjectLevel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shapes of project inputs: lengths, id forms, levels, the ten flags. */
public final class ProjectInputs {

    static final int MAX_NAME = 1000;
    static final int MAX_SUMMARY = 10_000;
    static final int MAX_DESCRIPTION = 100_000;
    static final int MAX_TAG = 1000;

    private ProjectInputs() {
    }

    static String name(DxInput in) {
        return bounded("name", in.requiredString("name"), 1, MAX_NAME);
    }

    static Optional<String> optionalName(DxInput in) {
        return in.optionalString("name").map(name -> bounded("name", name, 1, MAX_NAME));
    }

    static Optional<String> summary(DxInput in) {
        return in.optionalString("summary").map(s -> bounded("summary", s, 0, MAX_SUMMARY));
    }

    static Optional<String> description(DxInput in) {
        return in.optionalString("description").map(s -> bounded("description", s, 0, MAX_DESCRIPTION));
    }

    static List<String> tags(DxInput in) {
        List<String> tags = in.optionalStringArray("tags").orElse(List.of());
        for (String tag : tags) {
            bounded("tags", tag, 1, MAX_TAG);
        }
        return tags.stream().distinct().toList();
    }

    static Map<String, String> properties(DxInput in) {
        Map<String, String> properties = new LinkedHashMap<>();
        in.optionalObject("properties").ifPresent(object -> object.fields().forEachRemaining(entry -> {
            bounded("properties", entry.getKey(), 1, MAX_TAG);
            if (!entry.getValue().isTextual()) {
                throw DxInput.wrongType("properties." + entry.getKey(), "a string");
            }
            properties.put(entry.getKey(), entry.getValue().textValue());
        }));
        return properties;
    }

    /** Only the flags the input names; null is not a value a project flag takes. */
    static Map<String, Boolean> flags(DxInput in) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (String flag : ProjectFlags.NAMES) {
            JsonNode value = in.raw().get(flag);
            if (value == null) {
                continue;
            }
            if (!value.isBoolean()) {
                throw DxInput.wrongType(flag, "a boolean");
            }
            flags.put(flag, value.booleanValue());
        }
        return flags;
    }

    static ProjectLevel grantLevel(String field, JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw DxInput.wrongType(field, "one of VIEW, UPLOAD, CONTRIBUTE, ADMINISTER");
        }
        return ProjectLevel.parse(value.textValue()).filter(level -> level != ProjectLevel.NONE)
                .orElseThrow(() -> DxInput.wrongType(field, "one of VIEW, UPLOAD, CONTRIBUTE, ADMINISTER"));
    }

    /** A user id, an org id or PUBLIC. */
    static String principal(String field, String value) {
        if (ProjectGrants.PUBLIC.equals(value) || isUserOrOrg(value)) {
            return value;
        }
        throw DxException.invalidInput("'" + field + "' must be a user id, an org id or PUBLIC");
    }

    static boolean isUserOrOrg(String value) {
        return (value.startsWith("user-") || value.startsWith("org-")) && value.indexOf('-') < value.length() - 1;
    }

    public static String projectId(String field, String value) {
        if (!EntityIds.isGenerated("project", value)) {
            throw DxException.invalidInput("'" + field + "' must be a project id");
        }
        return value;
    }

    public static List<String> objectIds(DxInput in, String field) {
        List<String> ids = in.requiredStringArray(field);
        for (String id : ids) {
            boolean valid = DataObjectClass.ofId(id).map(c -> EntityIds.isGenerated(c.wireName(), id)).orElse(false);
            if (!valid) {
                throw DxException.invalidInput("'" + field + "' holds " + id + ", which is not a file, record or"
                        + " database id");
            }
        }
        return ids;
    }

    static ObjectNode object(JsonNode node) {
        return (ObjectNode) node;
    }

    private static String bounded(String field, String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            throw DxException.invalidInput("'" + field + "' must be " + min + " to " + max + " characters long");
        }
        return value;
    }
}
