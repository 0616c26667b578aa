package org.tre.directory.user;

/**
 * The set-based facts a new user is checked against. Usernames share one case-insensitive space
 * with org handles, destroyed orgs included; emails are unique too.
 */
public interface UserRegistry {

    boolean handleTaken(String handle);

    boolean emailTaken(String email);
}
