package org.tre.api.project;

import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.token.Caller;
import org.tre.directory.token.TokenScopes;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectLevel;

/**
 * What a token lets its holder do in a project: everything for a full-scope token, at most the level
 * it names for a project-limited one. The caller's own level is capped by it.
 */
public final class ProjectScopes {

    private ProjectScopes() {
    }

    public static ProjectLevel cap(Caller caller, String projectId) {
        return TokenScopes.cap(caller.scope(), projectId);
    }

    public static void require(Caller caller, String projectId, ProjectLevel needed) {
        if (!cap(caller, projectId).atLeast(needed)) {
            throw DxException.permissionDenied("The token's scope does not reach " + needed + " in " + projectId);
        }
    }

    /** The caller's effective level as this token lets them use it. */
    public static ProjectLevel level(ProjectDirectory projects, Caller caller, String projectId) {
        return ProjectLevel.min(projects.effectiveLevel(projectId, caller.userId()), cap(caller, projectId));
    }

    /** Role first, then scope (DECISIONS.md §1): both are PermissionDenied. */
    public static void requireLevel(ProjectDirectory projects, Caller caller, String projectId, ProjectLevel needed,
                                    String what) {
        ProjectLevel own = projects.effectiveLevel(projectId, caller.userId());
        if (!own.atLeast(needed)) {
            throw DxException.permissionDenied("You need " + needed + " to " + what + " " + projectId + "; you have "
                    + own);
        }
        require(caller, projectId, needed);
    }
}
