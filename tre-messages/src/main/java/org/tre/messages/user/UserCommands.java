package org.tre.messages.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

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
     * From the saga that accepts a new user's pending org invites, once every org has answered:
     * {@code unfinished} names the orgs whose invite the service could not accept.
     */
    public record CompleteUserOrgInvitesAcceptanceCommand(@TargetAggregateIdentifier String userId,
                                                          List<String> unfinished) {
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
