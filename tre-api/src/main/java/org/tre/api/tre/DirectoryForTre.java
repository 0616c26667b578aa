package org.tre.api.tre;

import org.springframework.stereotype.Component;
import org.tre.directory.dataobject.DataObjectDirectory;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.project.TreRoles;
import org.tre.directory.user.UserDirectory;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.query.request.RequestProjection;
import org.tre.query.tre.TreHandles;
import org.tre.query.tre.TreProjection;
import org.tre.tre.directory.TreDirectory;

import org.tre.messages.request.RequestState;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Answers the TRE's questions from the platform directory's tables, current in the same transaction. */
@Component
public class DirectoryForTre implements TreDirectory, DataTypeGroups.TreFiles, TreRoles {

    private final OrgDirectory orgs;
    private final UserDirectory users;
    private final ProjectDirectory projects;
    private final DataObjectDirectory objects;
    private final TreProjection tres;
    private final TreHandles handles;
    private final RequestProjection requests;

    public DirectoryForTre(OrgDirectory orgs, UserDirectory users, ProjectDirectory projects,
                           DataObjectDirectory objects, TreProjection tres, TreHandles handles,
                           RequestProjection requests) {
        this.requests = requests;
        this.orgs = orgs;
        this.users = users;
        this.projects = projects;
        this.objects = objects;
        this.tres = tres;
        this.handles = handles;
    }

    @Override
    public Optional<BillingOrg> org(String orgId) {
        return orgs.find(orgId).map(DirectoryForTre::billingOrg);
    }

    @Override
    public Optional<OrgRole> member(String orgId, String userId) {
        return orgs.membership(orgId, userId).map(m -> new OrgRole(m.level(), m.treManagement()));
    }

    @Override
    public boolean userExists(String userId) {
        return users.find(userId).isPresent();
    }

    @Override
    public boolean treHandleTaken(String handle) {
        return handles.taken(handle);
    }

    @Override
    public Optional<ProjectFacts> project(String projectId) {
        return projects.live(projectId).map(p -> new ProjectFacts(p.id(), p.billTo(), p.region()));
    }

    @Override
    public String projectLevel(String projectId, String userId) {
        return projects.effectiveLevel(projectId, userId).name();
    }

    @Override
    public Optional<ObjectFacts> object(String objectId) {
        return objects.find(objectId).map(o -> new ObjectFacts(o.id(), o.objectClass().wireName(),
                Set.copyOf(o.projects())));
    }

    @Override
    public boolean databaseNameExists(String uniqueDatabaseName) {
        return objects.findDatabase(uniqueDatabaseName).isPresent();
    }

    @Override
    public long treProjectCount(String treId) {
        return projects.countOfTre(treId);
    }

    @Override
    public long liveRequestCount(String treId) {
        return requests.liveCount(treId);
    }

    /** Only a file that the named project still holds, in a project that still exists. */
    @Override
    public Optional<String> content(String projectId, String fileId) {
        boolean inProject = projects.live(projectId).isPresent()
                && objects.find(fileId).map(o -> o.projects().contains(projectId)).orElse(false);
        return inProject ? objects.content(fileId) : Optional.empty();
    }

    @Override
    public Set<String> requestParties(String requestId) {
        return requests.find(requestId).filter(view -> view.state() != RequestState.deleted)
                .map(view -> {
                    Set<String> parties = new LinkedHashSet<>();
                    parties.add(view.applicant());
                    parties.addAll(view.collaborators());
                    return parties;
                }).orElse(Set.of());
    }

    @Override
    public boolean isTreAdmin(String treId, String userId) {
        return tres.find(treId).map(view -> view.treAdmins().contains(userId)).orElse(false);
    }

    private static BillingOrg billingOrg(OrgFacts org) {
        return new BillingOrg(org.id(), org.licenses(), org.permittedRegions(), org.rateCard());
    }
}
