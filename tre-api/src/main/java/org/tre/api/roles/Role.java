package org.tre.api.roles;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The parts one deployment splits the service into (docker-compose.yml). Each instance runs the roles
 * {@code tre.roles} names; the default, {@code all}, is every role in one JVM.
 */
public enum Role {
    /** The HTTP surface: DNAnexus routes, authentication, commands out, answers from the read models. */
    gateway,
    /** The TRE context's aggregates and the side effects of their decisions. */
    command,
    /** The TRE read model, streamed from the store. */
    query,
    /** The platform directory's aggregates, their lookup tables and the operator's bootstrap. */
    directory;

    public static Set<Role> parse(String roles) {
        if (roles == null || roles.isBlank() || roles.trim().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Role.class);
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String name : roles.split(",")) {
            String role = name.trim().toLowerCase(Locale.ROOT);
            try {
                parsed.add(Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tre.roles: '" + name.trim()
                        + "' is not a role; use all, or any of gateway, command, query, directory", e);
            }
        }
        return parsed;
    }
}
