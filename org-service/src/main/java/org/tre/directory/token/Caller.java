package org.tre.directory.token;

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
}
