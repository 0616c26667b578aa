package org.tre.messages.user;

/** The one operator the service starts with (DECISIONS.md §11). */
public final class Operator {

    public static final String USER_ID = "user-admin";
    public static final String USERNAME = "admin";

    private Operator() {
    }

    public static boolean is(String userId) {
        return USER_ID.equals(userId);
    }
}
