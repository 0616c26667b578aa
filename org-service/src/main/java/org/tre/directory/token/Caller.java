package org.tre.directory.token;

import org.tre.messages.Requester;
import org.tre.messages.user.Operator;
import org.tre.messages.user.TokenScope;

/** Who is calling, as proven by the token they presented. */
public record Caller(String userId, String tokenId, TokenScope scope) {

    public boolean fullScope() {
        return scope.full();
    }

    public boolean isOperator() {
        return Operator.is(userId);
    }

    /** The caller as a command carries them: the token's id proves nothing and stays at the edge. */
    public Requester requester() {
        return new Requester(userId, scope);
    }
}
