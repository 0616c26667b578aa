package org.tre.directory.org;

import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.user.UserEvents.PendingOrgInvite;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The org side of the directory, as other parts of the platform read it: current in the same
 * transaction as the org's events, so a member added by one request counts for the next.
 */
public interface OrgDirectory {

    /** The org, or nothing when it does not exist or was destroyed. */
    Optional<OrgFacts> find(String orgId);

    Optional<OrgMembership> membership(String orgId, String userId);

    /** Every org the user belongs to, with the standing they have there. */
    List<OrgMembership> membershipsOf(String userId);

    /** Every member of the org, ascending by user id. */
    List<OrgMembership> members(String orgId);

    /** The invites sent to an email that no user had yet, in the order they were made. */
    List<PendingOrgInvite> invitesAwaiting(String email);

    /**
     * Whom an authorization may name and still reach the user: the user, every org they belong to,
     * and PUBLIC.
     */
    default Set<String> principalsOf(String userId) {
        Set<String> principals = new LinkedHashSet<>();
        principals.add(userId);
        membershipsOf(userId).forEach(membership -> principals.add(membership.orgId()));
        principals.add("PUBLIC");
        return principals;
    }
}
