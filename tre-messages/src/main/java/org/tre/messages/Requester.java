package org.tre.messages;

import org.tre.messages.user.TokenScope;

/**
 * Who asks for a command and what their token reaches. It travels inside the command, so the
 * aggregate that owns the state checks the caller's role, then the token's scope, then its state,
 * once (DECISIONS.md §1); the HTTP edge only knows the token.
 */
public record Requester(String userId, TokenScope scope) {

    public static Requester withFullScope(String userId) {
        return new Requester(userId, TokenScope.fullScope());
    }

    public boolean fullScope() {
        return scope != null && scope.full();
    }
}
