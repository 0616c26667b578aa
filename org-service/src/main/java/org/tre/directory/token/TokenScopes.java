package org.tre.directory.token;

import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.user.TokenScope;

/**
 * What a token lets its holder do: everything for a full-scope token, at most the level it names for
 * a project-limited one. Aggregates check it after the caller's role (DECISIONS.md §1); both are
 * PermissionDenied.
 */
public final class TokenScopes {

    private TokenScopes() {
    }

    public static void requireFull(Requester requester) {
        if (!requester.fullScope()) {
            throw DxException.permissionDenied("The requesting user must use a full-scope token");
        }
    }

    /** The highest level the token allows in the project. */
    public static ProjectLevel cap(TokenScope scope, String projectId) {
        if (scope == null) {
            return ProjectLevel.NONE;
        }
        if (scope.full()) {
            return ProjectLevel.ADMINISTER;
        }
        return ProjectLevel.parse(scope.projects().get(projectId)).orElse(ProjectLevel.NONE);
    }

    public static void requireReach(Requester requester, String projectId, ProjectLevel needed) {
        if (!cap(requester.scope(), projectId).atLeast(needed)) {
            throw DxException.permissionDenied("The token's scope does not reach " + needed + " in " + projectId);
        }
    }
}
