package org.tre.api.project;

import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.token.Caller;
import org.tre.directory.token.TokenScopes;
import org.tre.messages.project.ProjectLevel;

/**
 * What a caller sees of a project through this token, for the read routes: their own level capped by
 * what the token names (TokenScopes). Commands leave both checks to the aggregates.
 */
public final class ProjectScopes {

    private ProjectScopes() {
    }

    public static ProjectLevel cap(Caller caller, String projectId) {
        return TokenScopes.cap(caller.scope(), projectId);
    }

    /** The caller's effective level as this token lets them use it. */
    public static ProjectLevel level(ProjectDirectory projects, Caller caller, String projectId) {
        return ProjectLevel.min(projects.effectiveLevel(projectId, caller.userId()), cap(caller, projectId));
    }
}
