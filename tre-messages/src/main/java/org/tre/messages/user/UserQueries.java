package org.tre.messages.user;

/** Queries on the user directory and their results. */
public final class UserQueries {

    private UserQueries() {
    }

    /** Answered with a {@link UserView}, or nothing when no such user exists. */
    public record FindUserQuery(String userId) {
    }

    public record UserView(String id,
                           String handle,
                           String email,
                           String first,
                           String middle,
                           String last,
                           UserKind kind,
                           long created) {
    }
}
