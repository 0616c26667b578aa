package org.tre.directory.project;

import org.tre.directory.token.TokenScopes;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.ProjectFacts;

import java.util.Optional;

/** The project facts other aggregates (data objects) check requests against. */
public interface ProjectLookup {

    /** The project, destroyed ones included; nothing for an unknown id. */
    Optional<ProjectFacts> find(String projectId);

    /** The user's effective level; NONE on an unknown or destroyed project. */
    ProjectLevel effectiveLevel(String projectId, String userId);

    /** The project a request names, unless it is unknown or destroyed: then ResourceNotFound. */
    default ProjectFacts requireLive(String projectId) {
        return find(projectId).filter(p -> !p.destroyed())
                .orElseThrow(() -> DxException.notFound("The project " + projectId + " was not found"));
    }

    /** The requester's level first, then how far their token reaches (DECISIONS.md §1). */
    default void requireLevel(ProjectFacts project, Requester requester, ProjectLevel needed, String what) {
        requireRole(project, requester.userId(), needed, what);
        TokenScopes.requireReach(requester, project.id(), needed);
    }

    /** The user's level alone, for a check of several projects whose token reaches come after all roles. */
    default void requireRole(ProjectFacts project, String userId, ProjectLevel needed, String what) {
        ProjectLevel level = effectiveLevel(project.id(), userId);
        if (!level.atLeast(needed)) {
            throw DxException.permissionDenied("You need " + needed + " to " + what + " " + project.id()
                    + "; you have " + level);
        }
    }
}
