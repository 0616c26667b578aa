package org.tre.directory.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.user.Operator;
import org.tre.messages.user.TokenScope;
import org.tre.messages.user.UserCommands.DestroyAuthTokenCommand;
import org.tre.messages.user.UserCommands.IssueAuthTokenCommand;
import org.tre.messages.user.UserEvents.AuthTokenDestroyedEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens. A token is shown once, at issue; only its SHA-256 hash is kept, in a table of its
 * own and never in the event store, whose events name tokens by an id that proves nothing.
 */
@Component
@ProcessingGroup(AuthTokens.PROCESSING_GROUP)
public class AuthTokens {

    public static final String PROCESSING_GROUP = "directory-tokens";

    /** The operator's token comes from configuration, so it has a fixed row replaced at every start. */
    static final String OPERATOR_TOKEN_ID = "token-operator";

    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** 32 characters of 62 give about 190 bits, well past the 128 the threat model needs. */
    private static final int TOKEN_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, String>> PROJECT_LEVELS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CommandGateway commands;
    private final ObjectMapper json;
    private final Clock clock;

    public AuthTokens(JdbcTemplate jdbc, TransactionTemplate transaction, CommandGateway commands,
                      ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    public record IssuedToken(String token, long expires) {
    }

    /**
     * The hash row and the aggregate's event commit together: a token refused by the User aggregate
     * (a robot, say) leaves no usable row behind.
     */
    public IssuedToken issue(String userId, TokenScope scope, long expires, String label, String issuedBy) {
        String token = newSecret();
        String tokenId = EntityIds.generate("authToken");
        transaction.executeWithoutResult(tx -> {
            insert(tokenId, sha256Hex(token), userId, scope, expires, label);
            commands.sendAndWait(new IssueAuthTokenCommand(userId, tokenId, scope, expires, label, issuedBy));
        });
        return new IssuedToken(token, expires);
    }

    /** Whoever holds this token, or nothing when it is unknown, expired or revoked. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 1024) {
            return Optional.empty();
        }
        String hash = sha256Hex(presented);
        return jdbc.query("SELECT id, token_hash, user_id, scope_full, scope_projects, expires, revoked"
                                + " FROM auth_token WHERE token_hash = ?",
                        (rs, n) -> {
                            boolean sameHash = MessageDigest.isEqual(
                                    hash.getBytes(StandardCharsets.US_ASCII),
                                    rs.getString("token_hash").getBytes(StandardCharsets.US_ASCII));
                            boolean live = !rs.getBoolean("revoked") && rs.getLong("expires") > clock.millis();
                            if (!sameHash || !live) {
                                return null;
                            }
                            return new Caller(rs.getString("user_id"), rs.getString("id"),
                                    scopeOf(rs.getBoolean("scope_full"), rs.getString("scope_projects")));
                        }, hash)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** {@code /system/destroyAuthToken}: the signature is the SHA-256 hex of the token. */
    public void destroy(String tokenSignature, String requestedBy) {
        var owners = jdbc.query("SELECT id, user_id FROM auth_token WHERE token_hash = ? AND revoked = FALSE",
                (rs, n) -> new String[]{rs.getString("id"), rs.getString("user_id")},
                tokenSignature.toLowerCase(java.util.Locale.ROOT));
        if (owners.isEmpty()) {
            throw DxException.notFound("No live token has that signature");
        }
        String tokenId = owners.get(0)[0];
        String owner = owners.get(0)[1];
        if (OPERATOR_TOKEN_ID.equals(tokenId)) {
            throw DxException.permissionDenied("The operator token is set by configuration and cannot be destroyed");
        }
        commands.sendAndWait(new DestroyAuthTokenCommand(owner, tokenId, requestedBy));
    }

    /**
     * Installs the operator's configured token, replacing whatever operator token an earlier start
     * installed, so that changing TRE_ADMIN_TOKEN retires the old one.
     */
    public void installOperatorToken(String token) {
        transaction.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM auth_token WHERE id = ?", OPERATOR_TOKEN_ID);
            insert(OPERATOR_TOKEN_ID, sha256Hex(token), Operator.USER_ID, TokenScope.fullScope(), Long.MAX_VALUE,
                    "operator");
        });
    }

    @EventHandler
    void on(AuthTokenDestroyedEvent event) {
        jdbc.update("UPDATE auth_token SET revoked = TRUE WHERE id = ?", event.tokenId());
    }

    public static String newSecret() {
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(TOKEN_ALPHABET.charAt(RANDOM.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    public static String sha256Hex(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private void insert(String tokenId, String hash, String userId, TokenScope scope, long expires, String label) {
        jdbc.update("INSERT INTO auth_token (id, token_hash, user_id, scope_full, scope_projects, expires, label,"
                        + " created, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                tokenId, hash, userId, scope.full(), writeJson(scope.projects()), expires, label, clock.millis());
    }

    private TokenScope scopeOf(boolean full, String projects) {
        if (full) {
            return TokenScope.fullScope();
        }
        try {
            return TokenScope.limitedTo(json.readValue(projects, PROJECT_LEVELS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable token scope in the database", e);
        }
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
