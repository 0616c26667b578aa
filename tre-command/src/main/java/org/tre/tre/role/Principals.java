package org.tre.tre.role;

import org.tre.messages.error.DxException;
import org.tre.tre.directory.TreDirectory;

import java.util.List;

/**
 * The users and orgs a role change names must exist, whether added or removed (DECISIONS.md §12:
 * ResourceNotFound); PUBLIC always does.
 */
public final class Principals {

    private Principals() {
    }

    public static void requireUsersExist(List<String> users, TreDirectory directory) {
        for (String user : users) {
            if (!directory.userExists(user)) {
                throw DxException.notFound("The user " + user + " does not exist");
            }
        }
    }

    public static void requireExist(List<String> principals, TreDirectory directory) {
        for (String principal : principals) {
            boolean exists = AuthorizedUsers.PUBLIC.equals(principal)
                    || (principal.startsWith("org-") ? directory.org(principal).isPresent()
                    : directory.userExists(principal));
            if (!exists) {
                throw DxException.notFound("The user or org " + principal + " does not exist");
            }
        }
    }
}
