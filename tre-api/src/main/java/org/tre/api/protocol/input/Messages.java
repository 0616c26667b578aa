package org.tre.api.protocol.input;

import org.tre.messages.EntityIds;

/**
 * The words the routes have always answered with, as constraint message templates: {@code {field}}
 * is the input's dotted path, {@code {min}} and {@code {max}} the constraint's bounds.
 */
public final class Messages {

    public static final String LENGTH = "'{field}' must be {min} to {max} characters long";
    public static final String AT_MOST = "'{field}' must be at most {max} characters long";
    public static final String NOT_EMPTY = "'{field}' must not be empty";
    public static final String MISSING = "Missing required input '{field}'";
    public static final String ORG_ID = "'{field}' must be an org id";
    public static final String USER_ID = "'{field}' must be a user id";
    public static final String PROJECT_REF = "'{field}' must reference a valid project";
    public static final String PROJECT_ID = "'{field}' must be a project id";
    public static final String HANDLE = "'{field}' must start with a letter, hold only letters, digits, '.' and '_',"
            + " and be 3 to 33 characters long";

    /** Not blank: at least one character that is not white space. */
    public static final String NON_BLANK = "(?s).*\\S.*";
    /** Not blank as String.isBlank has it: a character Character.isWhitespace is false for, in Java's and ECMA's syntax. */
    public static final String NOT_BLANK = "(?s).*[^\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006"
            + "\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000].*";
    /** An id of the class, prefix and at least one character: the shape routes check before any lookup. */
    public static final String ORG_ID_PATTERN = "(?s)org-.+";
    public static final String USER_ID_PATTERN = "(?s)user-.+";
    public static final String PROJECT_ID_PATTERN = "(?s)project-.*";
    /** Exactly "project-" and the 24 characters of a generated id (PROTOCOL.md "Ids"). */
    public static final String GENERATED_PROJECT_ID = "project-" + EntityIds.GENERATED_SHAPE;
    /** Whom a grant or an authorization may name: a user, an org, or everyone. */
    public static final String PRINCIPAL = "(?s)PUBLIC|user-.+|org-.+";
    public static final String HANDLE_PATTERN = EntityIds.HANDLE_SHAPE;

    private Messages() {
    }
}
