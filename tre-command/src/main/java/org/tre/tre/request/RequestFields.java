package org.tre.tre.request;

import org.tre.messages.error.DxException;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data fields a request asks for, at submission (DECISIONS.md §15): at least one; where the TRE's
 * active inventory has data type groups, each must be a field of one of them.
 */
public final class RequestFields {

    private RequestFields() {
    }

    public static void requireSome(List<String> fields) {
        if (fields.isEmpty()) {
            throw DxException.invalidInput("A request names at least one field before it is submitted");
        }
    }

    public static void requireAmongDataTypeGroups(List<String> fields, Optional<Set<String>> groupFields) {
        if (groupFields.isEmpty()) {
            return;
        }
        for (String field : fields) {
            if (!groupFields.get().contains(field)) {
                throw DxException.invalidInput("The field " + field + " is in none of the TRE's data type groups");
            }
        }
    }
}
