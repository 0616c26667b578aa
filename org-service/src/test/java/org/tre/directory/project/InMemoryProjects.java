package org.tre.directory.project;

import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.ProjectFacts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Project facts and levels held in memory, for the fixtures of the aggregates that read projects. */
public final class InMemoryProjects implements ProjectLookup {

    private final Map<String, ProjectFacts> facts = new HashMap<>();
    private final Map<String, ProjectLevel> levels = new HashMap<>();
    private final Set<String> destroyed = new HashSet<>();

    /** An ordinary project: no TRE. */
    public InMemoryProjects ordinary(String id) {
        return add(id, null, null, Map.of());
    }

    /** A project of the TRE {@code tre} and its data access request {@code request}. */
    public InMemoryProjects treProject(String id, String tre, String request) {
        return add(id, tre, request, Map.of());
    }

    /** A project of {@code tre} (null: none) outside any data access request. */
    public InMemoryProjects add(String id, String tre, Map<String, Boolean> flags) {
        return add(id, tre, null, flags);
    }

    public InMemoryProjects add(String id, String tre, String request, Map<String, Boolean> flags) {
        Map<String, Boolean> all = ProjectFlags.defaults();
        all.putAll(flags);
        facts.put(id, new ProjectFacts(id, id, "org-acme", "aws:us-east-1", all, tre, 0, false, Set.of(), request));
        return this;
    }

    public InMemoryProjects level(String projectId, String userId, ProjectLevel level) {
        levels.put(projectId + " " + userId, level);
        return this;
    }

    public InMemoryProjects destroy(String projectId) {
        destroyed.add(projectId);
        return this;
    }

    public ProjectFacts facts(String projectId) {
        return find(projectId).orElseThrow();
    }

    @Override
    public Optional<ProjectFacts> find(String projectId) {
        return Optional.ofNullable(facts.get(projectId)).map(f -> destroyed.contains(projectId)
                ? new ProjectFacts(f.id(), f.name(), f.billTo(), f.region(), f.flags(), f.tre(), f.created(), true,
                f.administrators(), f.treApplication()) : f);
    }

    @Override
    public ProjectLevel effectiveLevel(String projectId, String userId) {
        if (destroyed.contains(projectId)) {
            return ProjectLevel.NONE;
        }
        return levels.getOrDefault(projectId + " " + userId, ProjectLevel.NONE);
    }
}
