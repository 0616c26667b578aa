package org.tre.messages.project;

import java.util.Optional;

/** PROTOCOL.md "Project permission levels", in ascending order: the enum order is the comparison. */
public enum ProjectLevel {
    NONE,
    VIEW,
    UPLOAD,
    CONTRIBUTE,
    ADMINISTER;

    public boolean atLeast(ProjectLevel other) {
        return compareTo(other) >= 0;
    }

    public static ProjectLevel max(ProjectLevel a, ProjectLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static ProjectLevel min(ProjectLevel a, ProjectLevel b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The level a wire string names, or nothing when it names none. */
    public static Optional<ProjectLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ProjectLevel level : values()) {
            if (level.name().equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
