package org.tre.messages.user;

/** A person signs in with tokens; the operator runs the service; a robot acts for a TRE and holds no token. */
public enum UserKind {
    PERSON,
    OPERATOR,
    ROBOT
}
