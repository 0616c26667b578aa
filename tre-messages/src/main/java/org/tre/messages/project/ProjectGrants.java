package org.tre.messages.project;

/**
 * Who a grant names and where it comes from. A person's own grants ({@link #DIRECT}) and the grants a
 * TRE gives (source {@code tre-<handle>}) are kept apart, so withdrawing one never touches the other.
 */
public final class ProjectGrants {

    /** Reaches every user, including users created later. */
    public static final String PUBLIC = "PUBLIC";
    /** Grants made by people through invite, decreasePermissions, leave and project creation. */
    public static final String DIRECT = "direct";

    private ProjectGrants() {
    }
}
