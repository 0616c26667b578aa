package org.tre.messages.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the User aggregate. Every one names the acting user so the aggregate can check it. */
public final class UserCommands {

    private UserCommands() {
    }

    public record CreateUserCommand(@TargetAggregateIdentifier String userId,
                                    String username,
                                    String email,
                                    String first,
                                    String middle,
                                    String last,
                                    UserKind kind,
                                    String createdBy,
                                    String provisioningOrg) {
    }

    /**
     * Records that a token was handed out. The secret itself and its hash never enter a command or an
     * event: the event store is an audit log that many may read.
     */
    public record IssueAuthTokenCommand(@TargetAggregateIdentifier String userId,
                                        String tokenId,
                                        TokenScope scope,
                                        long expires,
                                        String label,
                                        String issuedBy) {
    }

    public record DestroyAuthTokenCommand(@TargetAggregateIdentifier String userId,
                                          String tokenId,
                                          String destroyedBy) {
    }
}
