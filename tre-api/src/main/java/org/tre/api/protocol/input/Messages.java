package org.tre.api.protocol.input;

/**
 * The words the routes have always answered with, as constraint message templates: {@code {field}}
 * is the input's dotted path, {@code {min}} and {@code {max}} the constraint's bounds.
 */
public final class Messages {

    public static final String LENGTH = "'{field}' must be {min} to {max} characters long";
    public static final String AT_MOST = "'{field}' must be at most {max} characters long";
    public static final String NOT_EMPTY = "'{field}' must not be empty";
    public static final String ORG_ID = "'{field}' must be an org id";
    public static final String USER_ID = "'{field}' must be a user id";
    public static final String PROJECT_REF = "'{field}' must reference a valid project";

    /** Not blank: at least one character that is not white space. */
    public static final String NON_BLANK = "(?s).*\\S.*";
    /** An id of the class, prefix and at least one character: the shape routes check before any lookup. */
    public static final String ORG_ID_PATTERN = "(?s)org-.+";
    public static final String USER_ID_PATTERN = "(?s)user-.+";
    public static final String PROJECT_ID_PATTERN = "(?s)project-.*";

    private Messages() {
    }
}
