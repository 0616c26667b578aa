package org.tre.messages;

import org.tre.messages.user.TokenScope;

/**
 * Who sent a command: the user and the scope of the token they presented. It travels inside the
 * command so the aggregate that owns the rules checks role, then scope, then state, in one place.
 */
public record Requester(String userId, TokenScope scope) {

    public static Requester withFullScope(String userId) {
        return new Requester(userId, TokenScope.fullScope());
    }
}
