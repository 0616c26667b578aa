package org.tre.api.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Scopes;
import org.tre.directory.token.AuthTokens;
import org.tre.directory.user.UserDirectory;
import org.tre.api.user.TokenInputs.DestroyAuthTokenInput;
import org.tre.api.user.TokenInputs.NewAuthTokenInput;
import org.tre.api.user.TokenInputs.ScopeInput;
import org.tre.api.user.TokenInputs.WhoamiInput;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.user.TokenScope;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;

/** {@code /system/whoami}, {@code /system/newAuthToken}, {@code /system/destroyAuthToken}. */
@Component
public class TokenRoutes implements DxRoutes.Provider {

    /** What a token lives when the caller does not say: long enough for a working month. */
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

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
        routes.post("system/whoami", WhoamiInput.class, this::whoami)
                .post("system/newAuthToken", NewAuthTokenInput.class, this::newAuthToken,
                        ErrorType.PermissionDenied, ErrorType.ResourceNotFound)
                .post("system/destroyAuthToken", DestroyAuthTokenInput.class, this::destroyAuthToken);
    }

    ObjectNode whoami(DxRequest request, WhoamiInput in) {
        ObjectNode out = json.createObjectNode().put("id", request.caller().userId());
        if (in.wants("clientIp")) {
            out.put("clientIp", request.clientIp());
        }
        return out;
    }

    /**
     * A limited token cannot mint tokens at all: otherwise it could mint a full-scope one and escape
     * its own limits.
     */
    ObjectNode newAuthToken(DxRequest request, NewAuthTokenInput in) {
        TokenScope scope = in.scope() == null ? TokenScope.fullScope() : scope(in.scope());
        long now = clock.millis();
        long expires = in.expires() == null ? now + DEFAULT_LIFETIME.toMillis() : in.expires();
        if (expires <= now) {
            throw DxException.invalidInput("'expires' must be a timestamp in the future");
        }
        String user = in.user() == null ? request.caller().userId() : in.user();
        Scopes.requireFullScope(request.caller());
        if (!user.equals(request.caller().userId()) && !request.caller().isOperator()) {
            throw DxException.permissionDenied("Only the operator may make a token for another user");
        }
        if (users.find(user).isEmpty()) {
            throw DxException.notFound("The user " + user + " was not found");
        }
        AuthTokens.IssuedToken issued = tokens.issue(user, scope, expires, in.label(), request.caller().userId());
        return json.createObjectNode()
                .put("access_token", issued.token())
                .put("token_type", "Bearer")
                .put("expires", issued.expires());
    }

    ObjectNode destroyAuthToken(DxRequest request, DestroyAuthTokenInput in) {
        tokens.destroy(in.tokenSignature(), request.caller().userId());
        return json.createObjectNode();
    }

    private static TokenScope scope(ScopeInput scope) {
        return scope.full() != null ? TokenScope.fullScope() : TokenScope.limitedTo(new LinkedHashMap<>(scope.projects()));
    }
}
