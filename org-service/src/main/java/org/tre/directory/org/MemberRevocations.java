package org.tre.directory.org;

import java.util.Map;

/**
 * What /org-xxxx/removeMember withdraws beside the membership: the removed user's explicit access to
 * projects and apps billed to the org. Where the removed user was the only ADMINISTER holder of a
 * project (or the only developer of an app), the requester takes that role, unless they are removing
 * themself, so that nothing billed to the org is left orphaned.
 */
public interface MemberRevocations {

    /** Project id to whether the requester was given ADMINISTER. */
    Map<String, Boolean> revokeOnOrgProjects(String orgId, String userId, String requestedBy, boolean elevate);

    /** App name to whether the requester was made a developer. */
    Map<String, Boolean> revokeOnOrgApps(String orgId, String userId, String requestedBy, boolean elevate);
}
