package org.tre.messages.org;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What other contexts may know of an org and its members: the answers of the directory's org queries. */
public final class OrgViews {

    private OrgViews() {
    }

    /** Asks for {@link OrgFacts}; nothing when the org does not exist or was destroyed. */
    public record FindOrgQuery(String orgId) {
    }

    /** Asks for an {@link OrgMembership}; nothing when the user is not a member. */
    public record FindOrgMembershipQuery(String orgId, String userId) {
    }

    public record OrgFacts(String id,
                           String handle,
                           String name,
                           boolean billable,
                           Set<String> licenses,
                           List<String> permittedRegions,
                           String defaultRegion,
                           boolean rateCard,
                           Map<String, Object> policies,
                           long created) {

        public boolean hasLicense(String license) {
            return licenses.contains(license);
        }

        public String policy(String name) {
            Object value = policies.get(name);
            return value == null ? null : value.toString();
        }
    }

    /**
     * A member's standing in an org. ADMINs hold every flag of the spec except {@code treManagement},
     * which nobody holds implicitly (DECISIONS.md §11).
     */
    public record OrgMembership(String orgId,
                                String userId,
                                String level,
                                boolean allowBillableActivities,
                                String projectAccess,
                                boolean appAccess,
                                boolean treManagement) {

        public boolean isAdmin() {
            return "ADMIN".equals(level);
        }
    }
}
