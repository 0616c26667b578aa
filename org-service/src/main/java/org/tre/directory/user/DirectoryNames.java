package org.tre.directory.user;

/**
 * The set-based facts a new user or org is checked against. Usernames share one case-insensitive
 * space with org handles, destroyed orgs included; emails of users are unique too.
 */
public interface DirectoryNames {

    boolean handleTaken(String handle);

    boolean emailTaken(String email);
}
