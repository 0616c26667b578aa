package org.tre.directory.support;

import org.tre.directory.org.OrgDirectory;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.user.UserEvents.PendingOrgInvite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The org directory an aggregate fixture consults, held in memory. */
public final class InMemoryOrgs implements OrgDirectory {

    private final Map<String, OrgFacts> orgs = new HashMap<>();
    private final List<OrgMembership> memberships = new ArrayList<>();

    public InMemoryOrgs org(String orgId, boolean billable, String... licenses) {
        orgs.put(orgId, new OrgFacts(orgId, orgId.substring(4), orgId, billable, Set.of(licenses),
                List.of("aws:us-east-1"), "aws:us-east-1", false, Map.of(), 0));
        return this;
    }

    public InMemoryOrgs member(String orgId, String userId, String level, boolean allowBillableActivities) {
        return member(orgId, userId, level, allowBillableActivities, true);
    }

    public InMemoryOrgs member(String orgId, String userId, String level, boolean allowBillableActivities,
                               boolean appAccess) {
        memberships.add(new OrgMembership(orgId, userId, level, allowBillableActivities || "ADMIN".equals(level),
                "ADMIN".equals(level) ? "ADMINISTER" : "CONTRIBUTE", appAccess, false));
        return this;
    }

    @Override
    public Optional<OrgFacts> find(String orgId) {
        return Optional.ofNullable(orgs.get(orgId));
    }

    @Override
    public Optional<OrgMembership> membership(String orgId, String userId) {
        return memberships.stream().filter(m -> m.orgId().equals(orgId) && m.userId().equals(userId)).findFirst();
    }

    @Override
    public List<OrgMembership> membershipsOf(String userId) {
        return memberships.stream().filter(m -> m.userId().equals(userId))
                .sorted(Comparator.comparing(OrgMembership::orgId)).toList();
    }

    @Override
    public List<OrgMembership> members(String orgId) {
        return memberships.stream().filter(m -> m.orgId().equals(orgId))
                .sorted(Comparator.comparing(OrgMembership::userId)).toList();
    }

    /** Invites waiting for an email, by email. */
    public final Map<String, List<PendingOrgInvite>> awaiting = new HashMap<>();

    @Override
    public List<PendingOrgInvite> invitesAwaiting(String email) {
        return awaiting.getOrDefault(email, List.of());
    }
}
