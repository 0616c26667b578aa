package org.tre.messages.user;

/** Events of the User aggregate, in the past tense. */
public final class UserEvents {

    private UserEvents() {
    }

    public record UserCreatedEvent(String userId,
                                   String username,
                                   String email,
                                   String first,
                                   String middle,
                                   String last,
                                   UserKind kind) {
    }

    public record AuthTokenIssuedEvent(String userId,
                                       String tokenId,
                                       TokenScope scope,
                                       long expires,
                                       String label,
                                       String issuedBy) {
    }

    public record AuthTokenDestroyedEvent(String userId, String tokenId, String destroyedBy) {
    }
}
