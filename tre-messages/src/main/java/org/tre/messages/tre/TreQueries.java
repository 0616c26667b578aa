package org.tre.messages.tre;

import java.util.List;
import java.util.Set;

/** What the TRE's side effects ask of its read model. */
public final class TreQueries {

    private TreQueries() {
    }

    /** Answered with the {@link TreAccess} of the TRE, or nothing when there is no such TRE. */
    public record FindTreAccessQuery(String treId) {
    }

    /**
     * Who holds which role and which projects the active inventory names: the facts the TRE's grants
     * follow (DECISIONS.md §8). {@code inventoryProjects} and {@code showcaseProject} come from the
     * active inventory only.
     */
    public record TreAccess(String treId,
                            TreState state,
                            List<String> admins,
                            List<String> reviewers,
                            List<String> authorizedUsers,
                            Set<String> inventoryProjects,
                            String showcaseProject,
                            String robotUser,
                            String workingProject,
                            String supportOrg,
                            boolean allowSupportAccess) {
    }
}
