package org.tre.api.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.directory.token.AuthTokens;
import org.tre.messages.error.DxException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * PROTOCOL.md "Nonces": a creation repeated with the same nonce within an hour gets a copy of the
 * first response and creates nothing; the same nonce with other input is InvalidInput. A nonce is
 * the caller's own: two users may pick the same one.
 */
@Component
public class Nonces {

    static final Duration WINDOW = Duration.ofHours(1);
    static final int MAX_BYTES = 128;

    /** Sorted keys make two spellings of the same input hash alike. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    /** Serialises retries of one nonce racing each other in this JVM; the primary key guards the rest. */
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public Nonces(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public ObjectNode once(DxRequest request, String route, Supplier<ObjectNode> create) {
        var nonce = request.input().optionalString("nonce");
        if (nonce.isEmpty()) {
            return create.get();
        }
        String value = nonce.get();
        if (value.isEmpty() || value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw DxException.invalidInput("A nonce must be 1 to 128 bytes long");
        }
        String userId = request.caller().userId();
        String inputHash = AuthTokens.sha256Hex(canonical(request.input().raw()));
        String key = userId + "\u0000" + route + "\u0000" + value;
        Object lock = locks.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (lock) {
                long now = clock.millis();
                List<String[]> earlier = jdbc.query(
                        "SELECT input_hash, response FROM api_nonce WHERE user_id = ? AND route = ? AND nonce = ?"
                                + " AND created > ?",
                        (rs, n) -> new String[]{rs.getString("input_hash"), rs.getString("response")},
                        userId, route, value, now - WINDOW.toMillis());
                if (!earlier.isEmpty()) {
                    if (!earlier.get(0)[0].equals(inputHash)) {
                        throw DxException.invalidInput(
                                "The nonce was used before with different input: this is a different request");
                    }
                    return (ObjectNode) json.readTree(earlier.get(0)[1]);
                }
                ObjectNode response = create.get();
                jdbc.update("DELETE FROM api_nonce WHERE user_id = ? AND route = ? AND nonce = ?", userId, route, value);
                jdbc.update("INSERT INTO api_nonce (user_id, route, nonce, input_hash, response, created)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", userId, route, value, inputHash, json.writeValueAsString(response), now);
                return response;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored nonce response is unreadable", e);
        } finally {
            locks.remove(key, lock);
        }
    }

    /**
     * The seed of the id a creation with a nonce makes (EntityIds.derived): the caller, the route, the
     * nonce and the input, so the same request asked again names the same entity and any other
     * request, another user's with the same nonce included, names another. Empty without a nonce.
     */
    public java.util.Optional<String> seed(DxRequest request, String route) {
        return request.input().optionalString("nonce").map(nonce -> request.caller().userId() + "\u0000" + route
                + "\u0000" + nonce + "\u0000" + AuthTokens.sha256Hex(canonical(request.input().raw())));
    }

    private static String canonical(ObjectNode input) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(input, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
