package org.tre.directory.org;

import java.util.List;

/**
 * What a leaving member holds in what the org pays for (org-api.txt /org-xxxx/removeMember): the
 * live projects billed to the org where they hold a grant of their own, and the app versions billed
 * to it where they are a developer or an authorized user.
 */
public interface MemberAccessTargets {

    List<String> projectsWithOwnGrant(String orgId, String userId);

    List<AppTarget> appsWithAccess(String orgId, String userId);

    /** One version of an app; the removal's answer names apps by name. */
    record AppTarget(String appId, String name) {
    }
}
