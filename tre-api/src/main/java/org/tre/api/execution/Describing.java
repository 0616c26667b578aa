package org.tre.api.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The field choice of an applet's and a job's describe, as {@code dx describe} asks (DECISIONS.md
 * §16): no {@code fields}, every field; {@code fields} alone, those set true; with
 * {@code defaultFields: true}, every field but those set false, plus those set true. Names this
 * service does not have are ignored: dx asks for some. {@code details} comes only when asked for.
 */
final class Describing {

    private Describing() {
    }

    static ObjectNode select(ObjectMapper json, String id, Map<String, Object> all, Object details,
                             Map<String, Boolean> fields, Boolean defaultFields, Boolean detailsFlag) {
        ObjectNode out = json.createObjectNode().put("id", id);
        boolean defaults = fields == null || Boolean.TRUE.equals(defaultFields);
        all.forEach((field, value) -> {
            boolean asked = fields != null && Boolean.TRUE.equals(fields.get(field));
            boolean dropped = fields != null && Boolean.FALSE.equals(fields.get(field));
            if ((defaults && !dropped) || asked) {
                out.set(field, json.valueToTree(value));
            }
        });
        if (Boolean.TRUE.equals(detailsFlag) || (fields != null && Boolean.TRUE.equals(fields.get("details")))) {
            out.set("details", json.valueToTree(details));
        }
        return out;
    }
}
