package org.tre.messages.user;

import java.util.List;

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

    /** An invite sent to the new user's email before the account existed, which the signup accepts. */
    public record PendingOrgInvite(String orgId, String inviteId) {
    }

    /**
     * The new user's email had invites waiting (DECISIONS.md §12): each org is asked to accept its
     * invite, and /user/new answers once they have.
     */
    public record UserOrgInvitesAcceptanceStartedEvent(String userId, List<PendingOrgInvite> invites) {
    }

    /** Every org asked has answered; {@code unfinished}: the orgs whose invite the service could not accept. */
    public record UserOrgInvitesAcceptedEvent(String userId, List<String> unfinished) {
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
