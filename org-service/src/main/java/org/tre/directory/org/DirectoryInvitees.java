package org.tre.directory.org;

import org.springframework.stereotype.Component;
import org.tre.directory.user.UserDirectory;
import org.tre.messages.user.UserQueries.UserView;

import java.util.Optional;

/** {@link Invitees} answered by the user table. */
@Component
public class DirectoryInvitees implements Invitees {

    private final UserDirectory users;

    public DirectoryInvitees(UserDirectory users) {
        this.users = users;
    }

    @Override
    public boolean userExists(String userId) {
        return users.find(userId).isPresent();
    }

    @Override
    public Optional<String> userWithEmail(String email) {
        return users.findByEmail(email).map(UserView::id);
    }
}
