package org.tre.directory.org;

import org.springframework.stereotype.Component;
import org.tre.directory.app.AppProjection;
import org.tre.directory.project.ProjectDirectory;

import java.util.List;

/** {@link MemberAccessTargets} read from the directory's project and app tables. */
@Component
public class DirectoryMemberAccessTargets implements MemberAccessTargets {

    private final ProjectDirectory projects;
    private final AppProjection apps;

    public DirectoryMemberAccessTargets(ProjectDirectory projects, AppProjection apps) {
        this.projects = projects;
        this.apps = apps;
    }

    @Override
    public List<String> projectsWithOwnGrant(String orgId, String userId) {
        return projects.billedProjectsWithOwnGrant(orgId, userId);
    }

    @Override
    public List<AppTarget> appsWithAccess(String orgId, String userId) {
        return apps.billedTo(orgId).stream()
                .filter(app -> app.developers().contains(userId) || app.authorizedUsers().contains(userId))
                .map(app -> new AppTarget(app.id(), app.name()))
                .toList();
    }
}
