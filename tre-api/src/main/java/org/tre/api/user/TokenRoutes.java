package org.tre.api.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.DxInput;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Scopes;
import org.tre.directory.token.AuthTokens;
import org.tre.directory.user.UserDirectory;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.user.TokenScope;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /system/whoami}, {@code /system/newAuthToken}, {@code /system/destroyAuthToken}. */
@Component
public class TokenRoutes implements DxRoutes.Provider {

    /** What a token lives when the caller does not say: long enough for a working month. */
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    private static final Set<String> PROJECT_LEVELS = Set.of("VIEW", "UPLOAD", "CONTRIBUTE", "ADMINISTER");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_LABEL = 256;

    private final AuthTokens tokens;
    private final UserDirectory users;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public TokenRoutes(AuthTokens tokens, UserDirectory users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("system/whoami", this::whoami)
                .post("system/newAuthToken", this::newAuthToken)
                .post("system/destroyAuthToken", this::destroyAuthToken);
    }

    ObjectNode whoami(DxRequest request) {
        request.input().allowOnly();
        return json.createObjectNode().put("id", request.caller().userId());
    }

    /**
     * A limited token cannot mint tokens at all: otherwise it could mint a full-scope one and escape
     * its own limits.
     */
    ObjectNode newAuthToken(DxRequest request) {
        DxInput in = request.input().allowOnly("scope", "expires", "label", "user");
        TokenScope scope = in.optionalObject("scope").map(TokenRoutes::scope).orElse(TokenScope.fullScope());
        long now = clock.millis();
        long expires = in.optionalLong("expires").orElse(now + DEFAULT_LIFETIME.toMillis());
        if (expires <= now) {
            throw DxException.invalidInput("'expires' must be a timestamp in the future");
        }
        String label = in.optionalString("label").orElse(null);
        if (label != null && label.length() > MAX_LABEL) {
            throw DxException.invalidInput("'label' must be at most " + MAX_LABEL + " characters long");
        }
        String user = in.optionalString("user").orElse(request.caller().userId());
        if (!user.startsWith("user-")) {
            throw DxException.invalidInput("'user' must be a user id");
        }
        Scopes.requireFullScope(request.caller());
        if (!user.equals(request.caller().userId()) && !request.caller().isOperator()) {
            throw DxException.permissionDenied("Only the operator may make a token for another user");
        }
        if (users.find(user).isEmpty()) {
            throw DxException.notFound("The user " + user + " was not found");
        }
        AuthTokens.IssuedToken issued = tokens.issue(user, scope, expires, label, request.caller().userId());
        return json.createObjectNode()
                .put("access_token", issued.token())
                .put("token_type", "Bearer")
                .put("expires", issued.expires());
    }

    ObjectNode destroyAuthToken(DxRequest request) {
        String signature = request.input().allowOnly("tokenSignature").requiredString("tokenSignature");
        if (!SIGNATURE.matcher(signature).matches()) {
            throw DxException.invalidInput("'tokenSignature' must be the SHA-256 hex digest of a token");
        }
        tokens.destroy(signature, request.caller().userId());
        return json.createObjectNode();
    }

    private static TokenScope scope(ObjectNode scope) {
        JsonNode full = scope.get("full");
        JsonNode projects = scope.get("projects");
        if (full != null && projects == null && scope.size() == 1) {
            if (!full.isBoolean() || !full.booleanValue()) {
                throw DxException.invalidInput("'scope.full' must be true");
            }
            return TokenScope.fullScope();
        }
        if (projects != null && full == null && scope.size() == 1) {
            if (!projects.isObject() || projects.isEmpty()) {
                throw DxException.invalidInput("'scope.projects' must be a non-empty mapping of project ids to levels");
            }
            Map<String, String> levels = new LinkedHashMap<>();
            projects.fields().forEachRemaining(entry -> {
                if (!EntityIds.isGenerated("project", entry.getKey())) {
                    throw DxException.invalidInput("'scope.projects' key " + entry.getKey() + " is not a project id");
                }
                JsonNode level = entry.getValue();
                if (!level.isTextual() || !PROJECT_LEVELS.contains(level.textValue())) {
                    throw DxException.invalidInput("'scope.projects." + entry.getKey()
                            + "' must be one of VIEW, UPLOAD, CONTRIBUTE, ADMINISTER");
                }
                levels.put(entry.getKey(), level.textValue());
            });
            return TokenScope.limitedTo(levels);
        }
        throw DxException.invalidInput("'scope' must be {\"full\": true} or {\"projects\": {project id: level}}");
    }
}
