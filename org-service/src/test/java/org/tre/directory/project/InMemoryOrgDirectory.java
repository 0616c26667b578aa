package org.tre.directory.project;

import org.tre.directory.org.OrgDirectory;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.user.UserEvents.PendingOrgInvite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The org side of the directory held in memory, for fixtures. */
public final class InMemoryOrgDirectory implements OrgDirectory {

    private final Map<String, OrgFacts> orgs = new HashMap<>();
    private final List<OrgMembership> memberships = new ArrayList<>();

    public InMemoryOrgDirectory org(String orgId, boolean billable, List<String> regions, String defaultRegion,
                                    Map<String, Object> policies, String... licenses) {
        orgs.put(orgId, new OrgFacts(orgId, orgId.substring(4), orgId, billable, new HashSet<>(List.of(licenses)),
                regions, defaultRegion, false, policies, 0L));
        return this;
    }

    public InMemoryOrgDirectory billableOrg(String orgId, String... licenses) {
        return org(orgId, true, List.of("aws:us-east-1", "aws:eu-west-2"), "aws:us-east-1", Map.of(), licenses);
    }

    public InMemoryOrgDirectory admin(String orgId, String userId) {
        memberships.add(new OrgMembership(orgId, userId, "ADMIN", true, "ADMINISTER", true, false));
        return this;
    }

    public InMemoryOrgDirectory member(String orgId, String userId, boolean billable, String projectAccess) {
        memberships.add(new OrgMembership(orgId, userId, "MEMBER", billable, projectAccess, true, false));
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
        return memberships.stream().filter(m -> m.userId().equals(userId)).toList();
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

    /** Users that exist, for invites. */
    public static final class KnownUsers implements Principals {
        final Set<String> users = new HashSet<>();

        public KnownUsers(String... ids) {
            users.addAll(List.of(ids));
        }

        @Override
        public boolean userExists(String userId) {
            return users.contains(userId);
        }
    }
}
