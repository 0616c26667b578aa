package org.tre.tre.support;

import org.tre.tre.directory.TreDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform directory a Tre fixture consults, held in memory and built fluently: orgs with
 * licenses, permitted regions and a rate card; members with their level and treManagement flag;
 * users; projects with billTo, region and per-user levels; data objects with their class and the
 * projects holding them; database names; taken TRE handles; TRE project counts.
 * Tests may change it between {@code given} and {@code when}: it is read when the command runs.
 */
public final class InMemoryTreDirectory implements TreDirectory {

    private final Map<String, BillingOrg> orgs = new HashMap<>();
    private final Map<String, Map<String, OrgRole>> members = new HashMap<>();
    private final Set<String> users = new HashSet<>();
    private final Map<String, ProjectFacts> projects = new HashMap<>();
    private final Map<String, Map<String, String>> projectLevels = new HashMap<>();
    private final Map<String, ObjectFacts> objects = new HashMap<>();
    private final Set<String> databaseNames = new HashSet<>();
    private final Set<String> takenHandles = new HashSet<>();
    private final Map<String, Long> treProjects = new HashMap<>();
    private final Map<String, Long> liveRequests = new HashMap<>();

    /** An org with these licenses, permitted in {@code aws:us-east-1} only, without a rate card. */
    public InMemoryTreDirectory billingOrg(String orgId, String... licenses) {
        orgs.put(orgId, new BillingOrg(orgId, Set.of(licenses), List.of(TreWorld.US_EAST), false));
        return this;
    }

    public InMemoryTreDirectory licenses(String orgId, String... licenses) {
        BillingOrg org = orgs.get(orgId);
        orgs.put(orgId, new BillingOrg(orgId, Set.of(licenses), org.permittedRegions(), org.rateCard()));
        return this;
    }

    public InMemoryTreDirectory withLicense(String orgId, String license) {
        BillingOrg org = orgs.get(orgId);
        Set<String> licenses = new LinkedHashSet<>(org.licenses());
        licenses.add(license);
        orgs.put(orgId, new BillingOrg(orgId, Set.copyOf(licenses), org.permittedRegions(), org.rateCard()));
        return this;
    }

    public InMemoryTreDirectory regions(String orgId, String... regions) {
        BillingOrg org = orgs.get(orgId);
        orgs.put(orgId, new BillingOrg(orgId, org.licenses(), List.of(regions), org.rateCard()));
        return this;
    }

    public InMemoryTreDirectory rateCard(String orgId, boolean rateCard) {
        BillingOrg org = orgs.get(orgId);
        orgs.put(orgId, new BillingOrg(orgId, org.licenses(), org.permittedRegions(), rateCard));
        return this;
    }

    /** A member of the org; the user exists from then on. */
    public InMemoryTreDirectory member(String orgId, String userId, String level, boolean treManagement) {
        user(userId);
        members.computeIfAbsent(orgId, o -> new HashMap<>()).put(userId, new OrgRole(level, treManagement));
        return this;
    }

    public InMemoryTreDirectory user(String... userIds) {
        users.addAll(List.of(userIds));
        return this;
    }

    public InMemoryTreDirectory project(String projectId, String billTo, String region) {
        projects.put(projectId, new ProjectFacts(projectId, billTo, region));
        return this;
    }

    /** The user's effective level on the project: VIEW, UPLOAD, CONTRIBUTE or ADMINISTER. */
    public InMemoryTreDirectory level(String projectId, String userId, String level) {
        projectLevels.computeIfAbsent(projectId, p -> new HashMap<>()).put(userId, level);
        return this;
    }

    public InMemoryTreDirectory object(String objectId, String objectClass, String... projectIds) {
        objects.put(objectId, new ObjectFacts(objectId, objectClass, Set.of(projectIds)));
        return this;
    }

    public InMemoryTreDirectory database(String uniqueDatabaseName) {
        databaseNames.add(uniqueDatabaseName);
        return this;
    }

    public InMemoryTreDirectory takenHandle(String handle) {
        takenHandles.add(handle);
        return this;
    }

    public InMemoryTreDirectory treProjects(String treId, long count) {
        treProjects.put(treId, count);
        return this;
    }

    public InMemoryTreDirectory liveRequests(String treId, long count) {
        liveRequests.put(treId, count);
        return this;
    }

    /** Users who are members of the org with treManagement: n fresh ids {@code user-<prefix><i>}. */
    public List<String> treManagers(String orgId, String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "user-" + prefix + i;
            member(orgId, id, "MEMBER", true);
            ids.add(id);
        }
        return ids;
    }

    @Override
    public Optional<BillingOrg> org(String orgId) {
        return Optional.ofNullable(orgs.get(orgId));
    }

    @Override
    public Optional<OrgRole> member(String orgId, String userId) {
        return Optional.ofNullable(members.getOrDefault(orgId, Map.of()).get(userId));
    }

    @Override
    public boolean userExists(String userId) {
        return users.contains(userId);
    }

    @Override
    public Optional<ProjectFacts> project(String projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }

    @Override
    public String projectLevel(String projectId, String userId) {
        return projectLevels.getOrDefault(projectId, Map.of()).getOrDefault(userId, "NONE");
    }

    @Override
    public Optional<ObjectFacts> object(String objectId) {
        return Optional.ofNullable(objects.get(objectId));
    }

    @Override
    public boolean databaseNameExists(String uniqueDatabaseName) {
        return databaseNames.contains(uniqueDatabaseName);
    }

    @Override
    public boolean treHandleTaken(String handle) {
        return takenHandles.contains(handle);
    }

    @Override
    public long treProjectCount(String treId) {
        return treProjects.getOrDefault(treId, 0L);
    }

    @Override
    public long liveRequestCount(String treId) {
        return liveRequests.getOrDefault(treId, 0L);
    }
}
