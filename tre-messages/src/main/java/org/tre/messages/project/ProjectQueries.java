package org.tre.messages.project;

import java.util.Map;
import java.util.Set;

/** What other contexts may ask the directory about projects, and its answers. */
public final class ProjectQueries {

    private ProjectQueries() {
    }

    /** Answered with {@link ProjectFacts}, destroyed projects included; nothing for an unknown id. */
    public record FindProjectQuery(String projectId) {
    }

    /**
     * Answered with the user's effective {@link ProjectLevel}: their own grants, their orgs' grants capped
     * by their {@code projectAccess}, and {@code PUBLIC}; {@code NONE} for an unknown or destroyed project.
     */
    public record FindProjectLevelQuery(String projectId, String userId) {
    }

    /** Answered with the ids of the live projects billed to the org, ascending. */
    public record FindProjectsBilledToQuery(String orgId) {
    }

    /** Answered with a {@code Long}: how many live projects are billed to the org (org destroy asks). */
    public record CountProjectsBilledToQuery(String orgId) {
    }

    /**
     * @param administrators every principal whose explicit level, over all sources, is ADMINISTER
     * @param flags          all ten data access flags
     */
    public record ProjectFacts(String id,
                               String name,
                               String billTo,
                               String region,
                               Map<String, Boolean> flags,
                               String tre,
                               long created,
                               boolean destroyed,
                               Set<String> administrators,
                               String treApplication) {

        public boolean flag(String name) {
            return Boolean.TRUE.equals(flags.get(name));
        }
    }

    /** Answered with every live grant whose source is the given one (a TRE's id), as {@link SourcedGrant}s. */
    public record FindGrantsBySourceQuery(String source) {
    }

    public record SourcedGrant(String projectId, String principal, ProjectLevel level) {
    }

    /** Answered with up to {@code limit} ids of the TRE's live projects after {@code after} (null: from the start), ascending. */
    public record FindTreProjectsQuery(String treId, String after, int limit) {
    }

    /** Answered with the ids of the live projects of a data access request, ascending. */
    public record FindRequestProjectsQuery(String requestId) {
    }
}
