package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code describe} input of find routes: false, true, or a mapping passed on to each describe. */
public final class Describe {

    private Describe() {
    }

    public static final String WORDS = "a boolean or a mapping";

    public static boolean requested(JsonNode describe) {
        if (describe == null || describe.isNull()) {
            return false;
        }
        if (describe.isBoolean()) {
            return describe.booleanValue();
        }
        if (describe.isObject()) {
            return true;
        }
        throw DxInput.wrongType("describe", WORDS);
    }
}
