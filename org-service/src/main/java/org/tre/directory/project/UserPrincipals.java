package org.tre.directory.project;

import org.springframework.stereotype.Component;
import org.tre.directory.user.UserDirectory;

/** {@link Principals} answered by the user table. */
@Component
public class UserPrincipals implements Principals {

    private final UserDirectory users;

    public UserPrincipals(UserDirectory users) {
        this.users = users;
    }

    @Override
    public boolean userExists(String userId) {
        return users.find(userId).isPresent();
    }
}
