package org.tre.messages.org;

/**
 * A member's level and permission flags in an org. {@code treManagement} sits beside the three
 * flags of the spec (DECISIONS.md §11).
 */
public record MemberAccess(String level,
                           boolean allowBillableActivities,
                           String projectAccess,
                           boolean appAccess,
                           boolean treManagement) {

    public static final String ADMIN = "ADMIN";
    public static final String MEMBER = "MEMBER";

    /** What the spec gives every ADMIN; treManagement is never implicit. */
    public static MemberAccess admin(boolean treManagement) {
        return new MemberAccess(ADMIN, true, "ADMINISTER", true, treManagement);
    }

    public boolean isAdmin() {
        return ADMIN.equals(level);
    }
}
