package org.tre.messages.user;

import java.util.Map;

/**
 * What a token may reach: everything ({@code full}) or the named projects at most at the given
 * permission levels.
 */
public record TokenScope(boolean full, Map<String, String> projects) {

    public TokenScope {
        projects = projects == null ? Map.of() : Map.copyOf(projects);
    }

    public static TokenScope fullScope() {
        return new TokenScope(true, Map.of());
    }

    public static TokenScope limitedTo(Map<String, String> projects) {
        return new TokenScope(false, projects);
    }
}
