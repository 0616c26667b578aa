package org.tre.directory.org;

import java.util.Optional;

/** Whom an org invite reaches: the user a user id or an email address names, if any. */
public interface Invitees {

    boolean userExists(String userId);

    /** The user who owns the (lower-case) email address. */
    Optional<String> userWithEmail(String email);
}
