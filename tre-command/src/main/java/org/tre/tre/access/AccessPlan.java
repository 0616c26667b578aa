package org.tre.tre.access;

import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.SourcedGrant;
import org.tre.messages.tre.TreQueries.TreAccess;
import org.tre.messages.tre.TreState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grants a TRE should have given (DECISIONS.md §8, §12), and the difference from those it has
 * given. Grants exist only while the TRE is active or amending and follow the active inventory.
 */
public final class AccessPlan {

    public record Grant(String projectId, String principal, ProjectLevel level) {
    }

    public record Revocation(String projectId, String principal) {
    }

    public record Changes(List<Grant> grants, List<Revocation> revocations) {

        public boolean isEmpty() {
            return grants.isEmpty() && revocations.isEmpty();
        }
    }

    private AccessPlan() {
    }

    public static Map<String, ProjectLevel> desired(TreAccess tre) {
        Map<String, ProjectLevel> desired = new LinkedHashMap<>();
        if (tre.state() != TreState.active && tre.state() != TreState.amending) {
            return desired;
        }
        for (String project : tre.inventoryProjects()) {
            tre.admins().forEach(admin -> give(desired, project, admin, ProjectLevel.ADMINISTER));
        }
        if (tre.showcaseProject() != null) {
            tre.authorizedUsers().forEach(user -> give(desired, tre.showcaseProject(), user, ProjectLevel.VIEW));
            tre.reviewers().forEach(reviewer -> give(desired, tre.showcaseProject(), reviewer, ProjectLevel.VIEW));
        }
        if (tre.workingProject() != null) {
            give(desired, tre.workingProject(), tre.robotUser(), ProjectLevel.ADMINISTER);
            tre.admins().forEach(admin -> give(desired, tre.workingProject(), admin, ProjectLevel.VIEW));
            if (tre.allowSupportAccess() && tre.supportOrg() != null) {
                give(desired, tre.workingProject(), tre.supportOrg(), ProjectLevel.VIEW);
            }
        }
        return desired;
    }

    /** What to grant and what to withdraw so that the given grants become the desired ones. */
    public static Changes changes(Map<String, ProjectLevel> desired, List<SourcedGrant> given) {
        Map<String, ProjectLevel> current = new LinkedHashMap<>();
        given.forEach(grant -> current.put(key(grant.projectId(), grant.principal()), grant.level()));
        List<Grant> grants = new ArrayList<>();
        desired.forEach((key, level) -> {
            if (current.get(key) != level) {
                String[] parts = key.split("\u0000", 2);
                grants.add(new Grant(parts[0], parts[1], level));
            }
        });
        List<Revocation> revocations = new ArrayList<>();
        current.keySet().stream().filter(key -> !desired.containsKey(key)).forEach(key -> {
            String[] parts = key.split("\u0000", 2);
            revocations.add(new Revocation(parts[0], parts[1]));
        });
        return new Changes(grants, revocations);
    }

    /** One grant per project and principal: a principal holding two roles gets the higher level. */
    private static void give(Map<String, ProjectLevel> desired, String project, String principal, ProjectLevel level) {
        desired.merge(key(project, principal), level, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    private static String key(String project, String principal) {
        return project + "\u0000" + principal;
    }
}
