package org.tre.directory.project;

import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.ProjectFacts;

import java.util.Optional;

/** The project facts other aggregates (data objects) check requests against. */
public interface ProjectLookup {

    /** The project, destroyed ones included; nothing for an unknown id. */
    Optional<ProjectFacts> find(String projectId);

    /** The user's effective level; NONE on an unknown or destroyed project. */
    ProjectLevel effectiveLevel(String projectId, String userId);
}
