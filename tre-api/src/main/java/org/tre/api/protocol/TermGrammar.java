package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.tre.messages.error.DxException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The grammar of {@code tags} and {@code category} filters: a string the entity must carry, or
 * {@code {"$and": [...]}} / {@code {"$or": [...]}} of further such terms (an empty {@code $and}
 * matches everything, an empty {@code $or} nothing).
 */
public final class TermGrammar {

    private TermGrammar() {
    }

    public static Predicate<Collection<String>> of(JsonNode term, String field) {
        if (term.isTextual()) {
            String wanted = term.textValue();
            return terms -> terms.contains(wanted);
        }
        if (term.isObject() && term.size() == 1 && (term.has("$and") || term.has("$or"))) {
            boolean and = term.has("$and");
            JsonNode parts = term.get(and ? "$and" : "$or");
            if (!parts.isArray()) {
                throw DxException.invalidInput("'" + field + "' " + (and ? "$and" : "$or") + " must be an array");
            }
            List<Predicate<Collection<String>>> predicates = new ArrayList<>();
            parts.forEach(part -> predicates.add(of(part, field)));
            return terms -> and ? predicates.stream().allMatch(p -> p.test(terms))
                    : predicates.stream().anyMatch(p -> p.test(terms));
        }
        throw DxException.invalidInput("'" + field + "' must be a string, or a mapping of $and or $or to an array");
    }
}
