package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.messages.error.DxException;

import java.util.List;
import java.util.function.Function;

/**
 * The paging contract of find routes: {@code limit} 1 to 1000 (default 1000), results in a stable
 * order of one key, and {@code next} naming the first result left out, which the client hands back
 * as {@code starting}.
 */
public final class Paging {

    public static final int MAX_LIMIT = 1000;
    public static final String LIMIT_MESSAGE = "'limit' must be from 1 to " + MAX_LIMIT;
    public static final String STARTING_WORDS = "the 'next' value of the previous page: a string or a mapping";

    private final String keyName;
    private final String starting;
    private final int limit;

    private Paging(String keyName, String starting, int limit) {
        this.keyName = keyName;
        this.starting = starting;
        this.limit = limit;
    }

    /**
     * A declared input's {@code starting} ({@code {keyName: value}} as this service hands it out, or a
     * bare string) and {@code limit}, either of them null when not given.
     */
    public static Paging of(JsonNode starting, Long givenLimit, String keyName) {
        long limit = givenLimit == null ? MAX_LIMIT : givenLimit;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DxException.invalidInput(LIMIT_MESSAGE);
        }
        String from = null;
        if (starting != null && !starting.isNull()) {
            if (starting.isTextual()) {
                from = starting.textValue();
            } else if (starting.isObject() && starting.path(keyName).isTextual()) {
                from = starting.get(keyName).textValue();
            } else {
                throw DxException.invalidInput("'starting' must be the 'next' value of the previous page");
            }
        }
        return new Paging(keyName, from, (int) limit);
    }

    /** For results ordered ascending by the key: whether this one is at or after {@code starting}. */
    public boolean startingAt(String key) {
        return starting == null || key.compareTo(starting) >= 0;
    }

    public String starting() {
        return starting;
    }

    public int limit() {
        return limit;
    }

    public <T> List<T> page(List<T> matching) {
        return matching.subList(0, Math.min(limit, matching.size()));
    }

    public <T> ObjectNode answer(ArrayNode results, List<T> matching, Function<T, String> key, ObjectMapper json) {
        ObjectNode out = json.createObjectNode();
        out.set("results", results);
        if (matching.size() > limit) {
            out.set("next", json.createObjectNode().put(keyName, key.apply(matching.get(limit))));
        } else {
            out.putNull("next");
        }
        return out;
    }
}
