package org.tre.api.tre;

import org.springframework.stereotype.Component;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.user.UserDirectory;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.query.tre.TreProjection;
import org.tre.tre.directory.TreDirectory;

import java.util.Optional;

/** Answers the TRE's questions from the platform directory's tables, current in the same transaction. */
@Component
public class DirectoryForTre implements TreDirectory, DataTypeGroups.TreFiles {

    private final OrgDirectory orgs;
    private final UserDirectory users;
    private final TreProjection tres;

    public DirectoryForTre(OrgDirectory orgs, UserDirectory users, TreProjection tres) {
        this.orgs = orgs;
        this.users = users;
        this.tres = tres;
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
        return tres.handleTaken(handle);
    }

    @Override
    public Optional<ProjectFacts> project(String projectId) {
        return Optional.empty();
    }

    @Override
    public String projectLevel(String projectId, String userId) {
        return "NONE";
    }

    @Override
    public Optional<ObjectFacts> object(String objectId) {
        return Optional.empty();
    }

    @Override
    public boolean databaseNameExists(String uniqueDatabaseName) {
        return false;
    }

    @Override
    public long treProjectCount(String treId) {
        return 0;
    }

    @Override
    public Optional<String> content(String projectId, String fileId) {
        return Optional.empty();
    }

    private static BillingOrg billingOrg(OrgFacts org) {
        return new BillingOrg(org.id(), org.licenses(), org.permittedRegions(), org.rateCard());
    }
}
