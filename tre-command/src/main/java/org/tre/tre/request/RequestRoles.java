package org.tre.tre.request;

import org.tre.messages.user.Operator;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The roles a user holds on one request: its own facts (applicant, collaborators) and its TRE's now. */
public final class RequestRoles {

    private RequestRoles() {
    }

    public static Set<RequestRole> of(String userId, String applicant, Collection<String> collaborators,
                                      boolean treReviewer, boolean treAdmin) {
        Set<RequestRole> roles = EnumSet.noneOf(RequestRole.class);
        if (userId.equals(applicant)) {
            roles.add(RequestRole.APPLICANT);
        }
        if (collaborators.contains(userId)) {
            roles.add(RequestRole.COLLABORATOR);
        }
        if (treReviewer) {
            roles.add(RequestRole.REVIEWER);
        }
        if (treAdmin) {
            roles.add(RequestRole.TRE_ADMIN);
        }
        if (Operator.is(userId)) {
            roles.add(RequestRole.OPERATOR);
        }
        return roles;
    }
}
