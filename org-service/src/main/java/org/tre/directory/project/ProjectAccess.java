package org.tre.directory.project;

import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.project.ProjectGrants;
import org.tre.messages.project.ProjectLevel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How grants add up to a level (PROTOCOL.md "Project permission levels"), shared by the aggregate,
 * which checks requests, and the directory, which answers reads, so both count alike.
 */
public final class ProjectAccess {

    private ProjectAccess() {
    }

    /** A principal's explicit level: the highest any source gave them. */
    public static ProjectLevel explicit(Map<String, Map<String, ProjectLevel>> grants, String principal) {
        ProjectLevel level = ProjectLevel.NONE;
        for (ProjectLevel given : grants.getOrDefault(principal, Map.of()).values()) {
            level = ProjectLevel.max(level, given);
        }
        return level;
    }

    /**
     * The highest of the user's explicit level, {@code PUBLIC}'s, and each org grant capped by the
     * user's {@code projectAccess} in that org. Memberships are looked up only when an org holds a grant.
     */
    public static ProjectLevel effective(Map<String, Map<String, ProjectLevel>> grants, String userId,
                                         Function<String, List<OrgMembership>> membershipsOf) {
        ProjectLevel level = ProjectLevel.max(explicit(grants, userId), explicit(grants, ProjectGrants.PUBLIC));
        if (grants.keySet().stream().noneMatch(principal -> principal.startsWith("org-"))) {
            return level;
        }
        for (OrgMembership membership : membershipsOf.apply(userId)) {
            ProjectLevel viaOrg = explicit(grants, membership.orgId());
            ProjectLevel cap = ProjectLevel.parse(membership.projectAccess()).orElse(ProjectLevel.NONE);
            level = ProjectLevel.max(level, ProjectLevel.min(viaOrg, cap));
        }
        return level;
    }

    /** Every principal whose explicit level is ADMINISTER, in id order. */
    public static Set<String> administrators(Map<String, Map<String, ProjectLevel>> grants) {
        Set<String> holders = new TreeSet<>();
        grants.keySet().forEach(principal -> {
            if (explicit(grants, principal) == ProjectLevel.ADMINISTER) {
                holders.add(principal);
            }
        });
        return holders;
    }
}
